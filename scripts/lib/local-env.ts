import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

// Development conveniences shared by scripts: the .env file, generated local secrets, and the folder
// that holds the development state (embedded PostgreSQL, the Zoom emulator's state and log).

/**
 * The development state lives outside the project: `next dev` watches the project folder
 * (Turbopack, and the folders Tailwind scans), and PostgreSQL writes its files all the time, so state
 * inside the tree made an open page rebuild and reload over and over. One folder per checkout (its
 * path's hash), under $XDG_STATE_HOME or ~/.local/state; as root under /var/lib, since PostgreSQL
 * then runs as the `postgres` user, who cannot enter root's home. CAREVISIT_DEV_DATA_DIR overrides it.
 */
function devDataDir(): string {
  if (process.env.CAREVISIT_DEV_DATA_DIR) return path.resolve(process.env.CAREVISIT_DEV_DATA_DIR);
  const project = realpathSync(process.cwd());
  const id = createHash("sha256").update(project).digest("hex").slice(0, 10);
  const stateHome =
    process.getuid?.() === 0
      ? "/var/lib"
      : process.env.XDG_STATE_HOME || path.join(homedir(), ".local", "state");
  return path.join(stateHome, "carevisit", `${path.basename(project)}-${id}`);
}

export const DATA_DIR = devDataDir();

/** Where earlier versions kept the development state: inside the project. */
const LEGACY_DATA_DIR = path.resolve(".data");

/** Whether a PostgreSQL server is running on a data folder (its postmaster.pid names a live process). */
export function postgresPidIn(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null;
  }
  return { pid: Number(pid), port: Number(port) };
}

/**
 * Moves the state of a checkout where an earlier `npm run dev` kept it in .data (the database, the
 * Zoom link, the generated secrets that encrypt it) to DATA_DIR, once, while nothing runs on it.
 */
export function moveLegacyDataDir(log: (line: string) => void): void {
  if (!existsSync(LEGACY_DATA_DIR) || existsSync(DATA_DIR) || LEGACY_DATA_DIR === DATA_DIR) return;
  if (postgresPidIn(path.join(LEGACY_DATA_DIR, "postgres"))) {
    throw new Error(
      "A PostgreSQL server is running on .data/postgres (an older `npm run dev`?): stop it, then run `npm run dev` again.",
    );
  }
  mkdirSync(path.dirname(DATA_DIR), { recursive: true });
  try {
    renameSync(LEGACY_DATA_DIR, DATA_DIR);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    // Another file system: copy with owners and modes (PostgreSQL checks both), then remove.
    execFileSync("cp", ["-a", LEGACY_DATA_DIR, DATA_DIR]);
    rmSync(LEGACY_DATA_DIR, { recursive: true, force: true });
  }
  log(
    `Moved the development data from .data to ${DATA_DIR} (outside the folder next dev watches).`,
  );
}

/** Loads ./.env into process.env when it exists (values already set win). */
export function loadDotEnv(): void {
  if (existsSync(".env")) process.loadEnvFile(".env");
}

type LocalSecrets = { AUTH_SECRET: string; TOKEN_ENCRYPTION_KEY: string };

/**
 * Secrets for local development, generated once into DATA_DIR/dev-secrets.json (outside the
 * repository), so a newcomer needs no .env and no secret is ever committed. Values from the
 * environment win.
 */
export function ensureLocalSecrets(): LocalSecrets {
  const file = path.join(DATA_DIR, "dev-secrets.json");
  mkdirSync(DATA_DIR, { recursive: true });
  if (!existsSync(file)) {
    const generated: LocalSecrets = {
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    };
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  const stored = JSON.parse(readFileSync(file, "utf8")) as LocalSecrets;
  return {
    AUTH_SECRET: process.env.AUTH_SECRET || stored.AUTH_SECRET,
    TOKEN_ENCRYPTION_KEY: process.env.TOKEN_ENCRYPTION_KEY || stored.TOKEN_ENCRYPTION_KEY,
  };
}
