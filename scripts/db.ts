// npm run db:migrate | npm run db:seed [-- --subjects N] | npm run db:migration -- <name>
// Works on DATABASE_URL, or on the embedded PostgreSQL when DATABASE_URL is unset.
import { parseArgs } from "node:util";

import { createDbClient } from "@/lib/db/db-client";
import { DEMO_ORGANIZATION_SLUG, seedDemo } from "@/prisma/seed";
import { seedBulkSubjects } from "@/prisma/seed-bulk-subjects";

import { applyMigrations } from "@/prisma/apply-migrations";

import { isLocalDatabase, openDatabase } from "./lib/database";
import { loadDotEnv } from "./lib/local-env";
import { writeMigration } from "./lib/write-migration";

async function seed(url: string, args: string[]) {
  const { values } = parseArgs({
    args,
    options: { subjects: { type: "string" }, "allow-remote": { type: "boolean" } },
  });
  if (!isLocalDatabase(url) && !values["allow-remote"]) {
    throw new Error(
      "Refusing to seed demo accounts (their password is published) into a database on another host. Pass --allow-remote to do it anyway.",
    );
  }
  const bulk = values.subjects === undefined ? 0 : Number(values.subjects);
  if (!Number.isInteger(bulk) || bulk < 0) throw new Error("--subjects takes a whole number");
  const db = createDbClient(url);
  try {
    const started = Date.now();
    const demo = await seedDemo(db);
    console.log(
      demo.created
        ? "Seeded the demo clinic and accounts."
        : `The demo clinic (${DEMO_ORGANIZATION_SLUG}) already exists.`,
    );
    if (bulk > 0) {
      await seedBulkSubjects(db, demo.organizationId, bulk, (done) =>
        console.log(`  ${done.toLocaleString("en-US")} subjects…`),
      );
      console.log(
        `Added ${bulk.toLocaleString("en-US")} subjects in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
    }
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  loadDotEnv();
  const [command, ...args] = process.argv.slice(2);
  if (command !== "migrate" && command !== "seed" && command !== "migration") {
    console.error("Usage: tsx scripts/db.ts migrate | seed [--subjects N] | migration <name>");
    process.exit(2);
  }
  const database = await openDatabase();
  try {
    if (command === "migrate") await applyMigrations(database.url);
    if (command === "seed") await seed(database.url, args);
    if (command === "migration") writeMigration(database.url, args[0]);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
