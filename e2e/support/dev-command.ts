import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// `npm run dev` (scripts/dev.ts) as a newcomer runs it, with its state in a folder of its own, for
// the spec that checks it holds still (e2e/dev-server.spec.ts).

export type DevCommand = {
  child: ChildProcess;
  dataDir: string;
  appUrl: string;
  /** Everything it printed so far (stdout and stderr, next dev's and the app's too). */
  output: () => string;
  /** Resolves with the first match of `pattern` in the output, or fails after `timeoutMs`. */
  waitFor: (pattern: RegExp, timeoutMs: number) => Promise<RegExpExecArray>;
  /** Ctrl+C in a terminal: SIGINT to the whole process group. Resolves with the exit code. */
  interrupt: () => Promise<number | null>;
};

const SHELL_VARIABLES = new Set(["PATH", "HOME", "LANG", "TMPDIR", "USER"]);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startDevCommand(): Promise<DevCommand> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "carevisit-dev-check-"));
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  // What a newcomer's shell has: no DATABASE_URL, NODE_ENV or test settings.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (!SHELL_VARIABLES.has(name)) delete env[name];
  Object.assign(env, {
    PORT: String(port),
    CAREVISIT_DEV_DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const child = spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/dev.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    // A process group of its own, as a terminal gives a command, so that SIGINT reaches all of it.
    detached: true,
  });
  let output = "";
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));

  return {
    child,
    dataDir,
    appUrl,
    output: () => output,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (!match) return;
          cleanup();
          resolve(match);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`npm run dev did not print ${pattern} in time:\n${output}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          if (!listeners.has(check)) return;
          cleanup();
          reject(new Error(`npm run dev exited before printing ${pattern}:\n${output}`));
        });
        check();
      }),
    interrupt: async () => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGINT");
      return exited;
    },
  };
}
