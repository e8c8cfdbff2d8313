import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

// Starts the Zoom emulator as its own process on a free port, like `npm run dev` does: the app and
// the emulator only ever talk HTTP. Test code drives it through its /_emulator control API.

export const TEST_ZOOM_CLIENT_ID = "carevisit-test-client";
export const TEST_ZOOM_CLIENT_SECRET = "carevisit-test-secret";
export const TEST_ZOOM_WEBHOOK_SECRET = "carevisit-test-webhook-secret";
export const TEST_APP_BASE_URL = "http://localhost:3000";

export type ZoomEmulatorProcess = {
  url: string;
  /** Calls the control API and returns its JSON. */
  control: <T = unknown>(method: string, controlPath: string, body?: unknown) => Promise<T>;
  stop: () => Promise<void>;
};

export type StartZoomEmulatorOptions = {
  eventUrl?: string;
  redirectUri?: string;
  retryDelaysMs?: number[];
};

function waitForReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`The Zoom emulator did not start:\n${output}`)),
      30_000,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ZOOM_EMULATOR_READY (\S+)/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      if (output.length < 20_000) output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The Zoom emulator exited with ${code}:\n${output}`));
    });
  });
}

export async function startZoomEmulator(
  options: StartZoomEmulatorOptions = {},
): Promise<ZoomEmulatorProcess> {
  const root = process.cwd();
  const child = spawn(
    path.join(root, "node_modules/.bin/tsx"),
    [
      path.join(root, "zoom-emulator/src/main.ts"),
      "--port",
      "0",
      "--webhook-retry-delays-ms",
      (options.retryDelaysMs ?? [50, 100, 200]).join(","),
    ],
    {
      env: {
        ...process.env,
        ZOOM_EMULATOR_CLIENT_ID: TEST_ZOOM_CLIENT_ID,
        ZOOM_EMULATOR_CLIENT_SECRET: TEST_ZOOM_CLIENT_SECRET,
        ZOOM_EMULATOR_WEBHOOK_SECRET_TOKEN: TEST_ZOOM_WEBHOOK_SECRET,
        ZOOM_EMULATOR_REDIRECT_URIS:
          options.redirectUri ?? `${TEST_APP_BASE_URL}/api/zoom/oauth/callback`,
        ZOOM_EMULATOR_EVENT_URL: options.eventUrl ?? "http://127.0.0.1:9/unused",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const url = await waitForReady(child);
  const control = async <T>(method: string, controlPath: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/_emulator${controlPath}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`Emulator ${method} ${controlPath} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url, control, stop };
}

/** Points the app's Zoom settings at the emulator (before the app first reads its environment). */
export function pointAppAtEmulator(url: string): void {
  process.env.ZOOM_CLIENT_ID = TEST_ZOOM_CLIENT_ID;
  process.env.ZOOM_CLIENT_SECRET = TEST_ZOOM_CLIENT_SECRET;
  process.env.ZOOM_WEBHOOK_SECRET_TOKEN = TEST_ZOOM_WEBHOOK_SECRET;
  process.env.ZOOM_OAUTH_BASE_URL = url;
  process.env.ZOOM_API_BASE_URL = `${url}/v2`;
  process.env.ZOOM_TELEHEALTH_BASE_URL = url;
  process.env.APP_BASE_URL = TEST_APP_BASE_URL;
}
