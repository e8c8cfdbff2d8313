import { type Emulator } from "../emulator";
import { type Route } from "../http/router";
import { authControlRoutes } from "./auth-control";
import { deliveryControlRoutes } from "./delivery-control";
import { faultControlRoutes } from "./fault-control";
import { meetingControlRoutes } from "./meeting-control";
import { setupControlRoutes } from "./setup-control";

// /_emulator/*: the unauthenticated test control API. It exists only on the emulator, which
// listens on 127.0.0.1 by default; see README.md "Control API".
export function controlRoutes(emulator: Emulator): Route[] {
  return [
    ...setupControlRoutes(emulator),
    ...authControlRoutes(emulator),
    ...faultControlRoutes(emulator),
    ...meetingControlRoutes(emulator),
    ...deliveryControlRoutes(emulator),
  ];
}
