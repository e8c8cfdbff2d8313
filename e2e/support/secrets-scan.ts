import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { DEMO_PASSWORD } from "@/prisma/factories";

import {
  type AppInstance,
  e2eAppEnv,
  e2eAppLogPath,
  e2eDatabaseUrl,
  e2eZoomUrl,
} from "./environment";

// After an e2e run (issue 7, "Secrets"): neither the database nor the app servers' output may hold
// a token, a client secret or a password in the clear. Reports name the secret and where it was
// found, never its value.

type Secret = { name: string; find: (line: string) => boolean };

export type Leak = { secret: string; where: string; lines: number };

/** The telehealth API secret that e2e/telehealth-settings.spec.ts saves (kept in sync by hand). */
const TELEHEALTH_API_SECRET = "e2e-telehealth-secret-42";

/**
 * The Zoom emulator's access and refresh tokens are JWT-shaped (zoom-emulator/src/oauth/
 * token-strings.ts): base64url JSON header, payload, then a random signature. The app stores them
 * encrypted, so nothing of this shape belongs in the database or a log line.
 */
const JWT_SHAPED = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{20,}/;

function literal(name: string, value: string | undefined): Secret {
  // An empty value would be "found" everywhere: that is a broken scan, not a leak.
  if (!value || value.length < 8) throw new Error(`Secrets scan: no usable value for ${name}.`);
  return { name, find: (line) => line.includes(value) };
}

export function e2eSecrets(): Secret[] {
  const env = e2eAppEnv();
  return [
    literal("the Zoom client secret (ZOOM_CLIENT_SECRET)", env.ZOOM_CLIENT_SECRET),
    literal(
      "the Zoom webhook secret token (ZOOM_WEBHOOK_SECRET_TOKEN)",
      env.ZOOM_WEBHOOK_SECRET_TOKEN,
    ),
    literal("the Auth.js secret (AUTH_SECRET)", env.AUTH_SECRET),
    literal("the token encryption key (TOKEN_ENCRYPTION_KEY)", env.TOKEN_ENCRYPTION_KEY),
    literal("the demo password (DEMO_PASSWORD)", DEMO_PASSWORD),
    literal("the telehealth API secret of telehealth-settings.spec.ts", TELEHEALTH_API_SECRET),
    { name: "a Zoom access or refresh token (JWT-shaped)", find: (line) => JWT_SHAPED.test(line) },
  ];
}

function scanLines(
  text: string,
  secrets: Secret[],
  whereOf: (line: string, index: number) => string | null,
): Leak[] {
  const counts = new Map<string, Leak>();
  text.split("\n").forEach((line, index) => {
    const where = whereOf(line, index);
    if (where === null) return;
    for (const secret of secrets) {
      if (!secret.find(line)) continue;
      const key = `${secret.name}\u0000${where}`;
      const leak = counts.get(key) ?? { secret: secret.name, where, lines: 0 };
      leak.lines++;
      counts.set(key, leak);
    }
  });
  return [...counts.values()];
}

/** A `pg_dump --data-only` of the e2e database, scanned row by row; leaks are named by table. */
export async function scanDatabase(secrets: Secret[]): Promise<Leak[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "cv-e2e-dump-"));
  const file = path.join(dir, "data.sql");
  try {
    await promisify(execFile)(
      "pg_dump",
      ["--data-only", "--no-owner", "--no-privileges", `--file=${file}`, e2eDatabaseUrl()],
      { timeout: 120_000 },
    ).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new Error(`Secrets scan: pg_dump of the e2e database failed (${reason}).`);
    });
    let table: string | null = null;
    return scanLines(readFileSync(file, "utf8"), secrets, (line) => {
      const copy = /^COPY (\S+) /.exec(line);
      if (copy) {
        table = copy[1] ?? null;
        return null;
      }
      if (line === "\\.") {
        table = null;
        return null;
      }
      return table ? `the database dump, table ${table}` : null;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The app servers' stdout and stderr, as copied by e2e/support/start-app.ts. */
export function scanServerLogs(secrets: Secret[]): { leaks: Leak[]; scanned: string[] } {
  const leaks: Leak[] = [];
  const scanned: string[] = [];
  for (const instance of [1, 2] satisfies AppInstance[]) {
    const file = e2eAppLogPath(instance);
    if (!existsSync(file)) continue;
    scanned.push(file);
    leaks.push(
      ...scanLines(readFileSync(file, "utf8"), secrets, () => `the log of app server ${instance}`),
    );
  }
  return { leaks, scanned };
}

/** How many tokens the Zoom emulator issued in this run (its state shows counts, never tokens). */
export async function countIssuedZoomTokens(): Promise<number | null> {
  try {
    const response = await fetch(`${e2eZoomUrl()}/_emulator/state`);
    const state = (await response.json()) as {
      stats?: { tokenRequests?: Record<string, number> };
    };
    const counts = Object.values(state.stats?.tokenRequests ?? {});
    return counts.reduce((sum, count) => sum + count, 0);
  } catch {
    return null; // The emulator is already gone: the count is only informative.
  }
}

export function removeServerLogs(files: string[]): void {
  for (const file of files) rmSync(file, { force: true });
}

export function describeLeaks(leaks: Leak[], logFiles: string[]): string {
  const lines = leaks.map(
    (leak) =>
      `- ${leak.secret} in ${leak.where} (${leak.lines} line${leak.lines === 1 ? "" : "s"})`,
  );
  const kept =
    logFiles.length > 0 ? `\nServer logs kept for inspection: ${logFiles.join(", ")}` : "";
  return `Secrets scan: secrets found in the clear after the e2e run:\n${lines.join("\n")}${kept}`;
}
