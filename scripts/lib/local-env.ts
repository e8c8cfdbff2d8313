import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Development conveniences shared by scripts: the .env file and generated local secrets.

export const DATA_DIR = path.resolve(".data");

/** Loads ./.env into process.env when it exists (values already set win). */
export function loadDotEnv(): void {
  if (existsSync(".env")) process.loadEnvFile(".env");
}

type LocalSecrets = { AUTH_SECRET: string; TOKEN_ENCRYPTION_KEY: string };

/**
 * Secrets for local development, generated once into .data/dev-secrets.json (git-ignored), so a
 * newcomer needs no .env and no secret is ever committed. Values from the environment win.
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
