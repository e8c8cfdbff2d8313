// Child processes of `npm run dev`, each in its own process group so that stopping one also stops
// what it started (next dev's workers).
import { type ChildProcess, spawn } from "node:child_process";

const SHUTDOWN_GRACE_MS = 5_000;

export function startInGroup(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): ChildProcess {
  return spawn(command, args, { env, stdio: "inherit", detached: true });
}

function stopGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops the processes' groups (SIGTERM, SIGKILL after the grace period) and waits for them. */
export async function stopAll(children: ChildProcess[]) {
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  const exited = running.map((child) => new Promise((resolve) => child.once("exit", resolve)));
  running.forEach((child) => stopGroup(child, "SIGTERM"));
  const forceKill = setTimeout(
    () => running.forEach((child) => stopGroup(child, "SIGKILL")),
    SHUTDOWN_GRACE_MS,
  );
  await Promise.all(exited);
  clearTimeout(forceKill);
}
