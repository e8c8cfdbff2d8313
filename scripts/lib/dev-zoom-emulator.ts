// The bundled Zoom emulator (zoom-emulator/) as `npm run dev` runs it.
import { type ChildProcess, spawn } from "node:child_process";
import { openSync } from "node:fs";
import path from "node:path";

import { DATA_DIR } from "./local-env";
import { firstFreePort } from "./ports";

const ZOOM_EMULATOR_FIRST_PORT = 9100;

/** The emulator's app registration and the app's matching Zoom settings (development only). */
export const DEV_ZOOM = {
  clientId: "carevisit-dev-client",
  clientSecret: "carevisit-dev-secret",
  webhookSecretToken: "carevisit-dev-webhook-secret",
  /** The Basic credentials its Epic-style join/leave GETs carry (enter them under Settings → Telehealth links). */
  notifier: { username: "carevisit-dev-notifier", password: "carevisit-dev-notifier-password" },
};

/** Telehealth launches then report joins and leaves to the app, as Zoom does for an EMR. */
export async function sendEpicNotificationsTo(zoomUrl: string, appUrl: string) {
  const response = await fetch(`${zoomUrl}/_emulator/registration`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      epicNotification: { url: `${appUrl}/api/telehealth/notifications`, ...DEV_ZOOM.notifier },
    }),
  });
  if (!response.ok)
    throw new Error(`The Zoom emulator refused its registration (${response.status})`);
}

/**
 * The bundled Zoom emulator (zoom-emulator/), with its state kept in DATA_DIR so that a restart
 * keeps the link. Its request log goes to DATA_DIR/zoom-emulator.log. Resolves with its URL when it
 * listens.
 */
export async function startZoomEmulator(
  appUrl: string,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await firstFreePort(ZOOM_EMULATOR_FIRST_PORT);
  const child = spawn(
    process.execPath,
    [
      require.resolve("tsx/cli"),
      "zoom-emulator/src/main.ts",
      "--port",
      String(port),
      "--state-file",
      path.join(DATA_DIR, "zoom-emulator.json"),
    ],
    {
      env: {
        ...process.env,
        ZOOM_EMULATOR_CLIENT_ID: DEV_ZOOM.clientId,
        ZOOM_EMULATOR_CLIENT_SECRET: DEV_ZOOM.clientSecret,
        ZOOM_EMULATOR_WEBHOOK_SECRET_TOKEN: DEV_ZOOM.webhookSecretToken,
        ZOOM_EMULATOR_REDIRECT_URIS: `${appUrl}/api/zoom/oauth/callback`,
        ZOOM_EMULATOR_EVENT_URL: `${appUrl}/api/zoom/webhook`,
      },
      stdio: ["ignore", "pipe", openSync(path.join(DATA_DIR, "zoom-emulator.log"), "a")],
      detached: true,
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ZOOM_EMULATOR_READY (\S+)/.exec(output);
      if (ready?.[1]) resolve(ready[1].replace("127.0.0.1", "localhost"));
    });
    child.once("exit", (code) =>
      reject(
        new Error(
          `The Zoom emulator exited (${code}); see ${path.join(DATA_DIR, "zoom-emulator.log")}`,
        ),
      ),
    );
  });
  return { child, url };
}
