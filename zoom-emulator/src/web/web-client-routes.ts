import { type Emulator } from "../emulator";
import { type Route } from "../http/router";
import { hostRoutes } from "./host-routes";
import { joinRoutes } from "./join-routes";
import { sessionRoutes } from "./session-routes";

// The web-client stand-in: plain HTML forms and redirects, no scripts.
export function webClientRoutes(emulator: Emulator): Route[] {
  return [...joinRoutes(emulator), ...hostRoutes(emulator), ...sessionRoutes(emulator)];
}
