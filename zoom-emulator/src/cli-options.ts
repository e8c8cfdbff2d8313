import { parseArgs } from "node:util";

import { z } from "zod";

import {
  mergeRegistration,
  type RegistrationPatch,
  registrationPatchSchema,
} from "./state/registration-schema";

// The CLI contract: flags win over ZOOM_EMULATOR_* env vars, which win over a --config JSON file,
// which wins over the defaults. Empty env vars count as unset (as in a copied .env.example).

export const DEFAULT_PORT = 9100;

export interface CliOptions {
  port: number;
  host: string;
  publicUrl?: string;
  stateFile?: string;
  webhookRetryDelaysMs?: number[];
  registration: RegistrationPatch;
}

export const USAGE = `Usage: npx tsx zoom-emulator/src/main.ts [--port 9100] [--host 127.0.0.1]
  [--public-url URL] [--state-file PATH] [--webhook-retry-delays-ms 300000,1200000,3600000]
  [--config PATH]
See zoom-emulator/README.md for every option and env var.`;

const portSchema = z.coerce.number().int().min(0).max(65535);
const delaysSchema = z
  .string()
  .transform((text) =>
    text.trim() === "" ? [] : text.split(",").map((part) => Number(part.trim())),
  )
  .pipe(z.array(z.number().int().min(0)));

const configFileSchema = z.strictObject({
  port: portSchema.optional(),
  host: z.string().min(1).optional(),
  publicUrl: z.url().optional(),
  stateFile: z.string().min(1).optional(),
  webhookRetryDelaysMs: z.array(z.number().int().min(0)).optional(),
  registration: registrationPatchSchema.optional(),
});

type Env = Record<string, string | undefined>;

function fromEnv(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}

function registrationFromEnv(env: Env): RegistrationPatch {
  const redirectUris = fromEnv(env, "ZOOM_EMULATOR_REDIRECT_URIS");
  const apiKey = fromEnv(env, "ZOOM_EMULATOR_TELEHEALTH_API_KEY");
  const apiSecret = fromEnv(env, "ZOOM_EMULATOR_TELEHEALTH_API_SECRET");
  return registrationPatchSchema.parse({
    clientId: fromEnv(env, "ZOOM_EMULATOR_CLIENT_ID"),
    clientSecret: fromEnv(env, "ZOOM_EMULATOR_CLIENT_SECRET"),
    redirectUris: redirectUris
      ?.split(",")
      .map((uri) => uri.trim())
      .filter((uri) => uri !== ""),
    eventUrl: fromEnv(env, "ZOOM_EMULATOR_EVENT_URL"),
    webhookSecretToken: fromEnv(env, "ZOOM_EMULATOR_WEBHOOK_SECRET_TOKEN"),
    name: fromEnv(env, "ZOOM_EMULATOR_APP_NAME"),
    telehealth: apiKey && apiSecret ? { apiKey, apiSecret } : undefined,
  });
}

export function parseCliOptions(
  argv: string[],
  env: Env,
  readFile: (path: string) => string,
): CliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "public-url": { type: "string" },
      "state-file": { type: "string" },
      "webhook-retry-delays-ms": { type: "string" },
      config: { type: "string" },
    },
  });
  const configPath = values.config ?? fromEnv(env, "ZOOM_EMULATOR_CONFIG");
  const config = configPath ? configFileSchema.parse(JSON.parse(readFile(configPath))) : {};
  const port = values.port ?? fromEnv(env, "ZOOM_EMULATOR_PORT");
  const host = values.host ?? fromEnv(env, "ZOOM_EMULATOR_HOST");
  const publicUrl = values["public-url"] ?? fromEnv(env, "ZOOM_EMULATOR_PUBLIC_URL");
  const delays =
    values["webhook-retry-delays-ms"] ?? fromEnv(env, "ZOOM_EMULATOR_WEBHOOK_RETRY_DELAYS_MS");
  return {
    port: port === undefined ? (config.port ?? DEFAULT_PORT) : portSchema.parse(port),
    host: host ?? config.host ?? "127.0.0.1",
    publicUrl: publicUrl === undefined ? config.publicUrl : z.url().parse(publicUrl),
    stateFile: values["state-file"] ?? fromEnv(env, "ZOOM_EMULATOR_STATE_FILE") ?? config.stateFile,
    webhookRetryDelaysMs:
      delays === undefined ? config.webhookRetryDelaysMs : delaysSchema.parse(delays),
    registration: mergeRegistration(config.registration ?? {}, registrationFromEnv(env)),
  };
}
