import { createServer } from "node:http";

import { controlRoutes } from "./control/control-routes";
import { type Emulator } from "./emulator";
import { dispatch } from "./http/dispatch";
import { type Route } from "./http/router";
import { createSilentLogger, type Logger } from "./log";
import { authorizeRoutes } from "./oauth/authorize-routes";
import { revokeRoutes } from "./oauth/revoke-route";
import { tokenRoutes } from "./oauth/token-route";
import { meetingsRoutes } from "./rest/meetings-routes";
import { participantsRoutes } from "./rest/participants-routes";
import { registrantsRoutes } from "./rest/registrants-routes";
import { usersRoutes } from "./rest/users-routes";
import { buildDefaultState } from "./state/default-state";
import {
  DEFAULT_REGISTRATION,
  mergeRegistration,
  type RegistrationPatch,
  registrationSchema,
} from "./state/registration-schema";
import { createStateFile } from "./state/state-file";
import { telehealthRoutes } from "./telehealth/telehealth-route";
import { webClientRoutes } from "./web/web-client-routes";
import { createDeliveryQueue } from "./webhooks/delivery-queue";

// Starts the emulator on one port: OAuth at /oauth/*, REST at /v2/*, the web-client stand-in at
// /j, /s, /wc and /telehealth, and the test control API at /_emulator/*.

export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS = [5 * 60_000, 20 * 60_000, 60 * 60_000];
const WEBHOOK_TIMEOUT_MS = 3000;

export interface EmulatorOptions {
  port?: number;
  host?: string;
  publicUrl?: string;
  stateFile?: string;
  webhookRetryDelaysMs?: number[];
  // Zoom waits 3 s; tests of slow receivers may wait less.
  webhookTimeoutMs?: number;
  // Explicit registration values: they win over the state file and survive a reset.
  registration?: RegistrationPatch;
  log?: Logger;
}

export interface RunningEmulator {
  // Where it listens, e.g. http://127.0.0.1:9100.
  url: string;
  // The base of join_url, start_url and api_url.
  publicUrl: string;
  close(): Promise<void>;
}

function allRoutes(emulator: Emulator): Route[] {
  return [
    ...authorizeRoutes(emulator),
    ...tokenRoutes(emulator),
    ...revokeRoutes(emulator),
    ...usersRoutes(emulator),
    ...meetingsRoutes(emulator),
    ...registrantsRoutes(emulator),
    ...participantsRoutes(emulator),
    ...webClientRoutes(emulator),
    ...telehealthRoutes(emulator),
    ...controlRoutes(emulator),
  ];
}

function displayHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

function createEmulator(options: EmulatorOptions, log: Logger): Emulator {
  const explicit = options.registration ?? {};
  const startupRegistration = registrationSchema.parse(
    mergeRegistration(DEFAULT_REGISTRATION, explicit),
  );
  const emulator: Emulator = {
    state: buildDefaultState(startupRegistration, Date.now()),
    config: {
      publicUrl: "",
      webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_WEBHOOK_RETRY_DELAYS_MS,
      webhookTimeoutMs: options.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS,
      startupRegistration,
    },
    now: () => Date.now() + emulator.state.clockOffsetMs,
    changed: () => undefined,
    log,
    deliveries: createDeliveryQueue(),
    qpsCounters: new Map(),
  };
  return emulator;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const log = options.log ?? createSilentLogger();
  const explicit = options.registration ?? {};
  const emulator = createEmulator(options, log);
  const stateFile = options.stateFile
    ? createStateFile(options.stateFile, () => emulator.state, log)
    : null;
  const loaded = stateFile?.load();
  if (loaded)
    emulator.state = { ...loaded, registration: mergeRegistration(loaded.registration, explicit) };
  if (stateFile) emulator.changed = () => stateFile.scheduleWrite();

  const routes = allRoutes(emulator);
  const server = createServer((req, res) => void dispatch(emulator, routes, req, res));
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string")
    throw new Error("The emulator is not listening on TCP");
  const { port } = address;
  emulator.config.publicUrl = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, "");
  emulator.deliveries.resumePending(emulator);
  log("ready", { port, stateFile: options.stateFile ?? null, restoredState: Boolean(loaded) });

  return {
    url: `http://${displayHost(host)}:${port}`,
    publicUrl: emulator.config.publicUrl,
    async close() {
      await emulator.deliveries.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // The final snapshot below is the last write; nothing may schedule another.
      emulator.changed = () => undefined;
      await stateFile?.flush();
    },
  };
}
