import { randomBytes } from "node:crypto";

import { afterAll, inject } from "vitest";

import { createDatabase, dropDatabases } from "./test-database";

// Before each integration test file: its own copy of the migrated template, and the environment
// the app's modules read. lib/env and lib/db read it lazily, so this runs before either is used.

const serverUrl = inject("testServerUrl");
const name = `${inject("runPrefix")}_${randomBytes(4).toString("hex")}`;
process.env.DATABASE_URL = await createDatabase(serverUrl, name, inject("templateDatabase"));
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.TOKEN_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.EMAIL_TRANSPORT = "outbox";
process.env.LOG_LEVEL ??= "warn";

afterAll(async () => {
  const { carevisitDb } = globalThis as { carevisitDb?: { $disconnect(): Promise<void> } };
  await carevisitDb?.$disconnect();
  await dropDatabases(serverUrl, [name]);
});
