import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";

import { productionServerArgs } from "@/scripts/lib/production-server";

// Production servers (server.ts, as `npm start` runs it) for the benchmark, and what it reads off them.

export type AppServer = { url: string; child: ChildProcess; stop: () => Promise<void> };

export const BENCH_WEBHOOK_SECRET = "bench-webhook-secret";

/** Linux's USER_HZ, the unit of /proc's CPU times (100 on every architecture Node.js runs on). */
const CLOCK_TICKS_PER_SECOND = 100;

const shared = {
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};

/** `env` overrides the defaults below (the reminder burst runs the background jobs and real mail). */
export async function startApp(
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
): Promise<AppServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROFILE_DIR
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`]
        : []),
      ...productionServerArgs(port),
    ],
    {
      env: {
        ...process.env,
        ...shared,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        APP_BASE_URL: url,
        AUTH_TRUST_HOST: "true",
        ZOOM_WEBHOOK_SECRET_TOKEN: BENCH_WEBHOOK_SECRET,
        // Production requires SMTP; the benchmark's requests send no mail (port 9: discard).
        SMTP_URL: "smtp://127.0.0.1:9",
        RUN_BACKGROUND_JOBS: "false",
        // As behind a reverse proxy: the sign-in burst comes from many addresses.
        TRUSTED_PROXY_COUNT: "1",
        LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
        ...env,
      },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null) throw new Error(`The app server exited (${child.exitCode})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url, child, stop };
}

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
export function treeRssMb(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const tree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents)
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return Math.round(kb / 1024);
}

/** CPU time (user and system) a process has used so far, in ms (Linux /proc). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Signs in through Auth.js's credentials callback, as the sign-in form does; returns the cookie. */
export async function signIn(appUrl: string, identifier: string, password: string) {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${appUrl}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookies.join("; "),
    },
    body: new URLSearchParams({ csrfToken, identifier, password, callbackUrl: appUrl }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Sign-in failed (${response.status})`);
  return session;
}
