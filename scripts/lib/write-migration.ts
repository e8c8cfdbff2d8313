import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that turns the schema as the
// migrations left it into prisma/schema.prisma. Each migration folder keeps a copy of the schema it
// produces (schema.prisma), so the next diff starts from there, committed or not. The diff itself
// is computed by the Wasm schema engine; the CLI only needs a reachable database for its adapter.

const SCHEMA = "prisma/schema.prisma";
const MIGRATIONS = "prisma/migrations";

function previousSchemaArgs(): string[] {
  const folders = readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const latest = folders.at(-1);
  if (!latest) return ["--from-empty"];
  const snapshot = path.join(MIGRATIONS, latest, "schema.prisma");
  if (existsSync(snapshot)) return ["--from-schema-datamodel", snapshot];
  // Older migrations have no snapshot: fall back to the schema as last committed.
  const previous = execFileSync("git", ["show", `HEAD:${SCHEMA}`], { encoding: "utf8" });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "carevisit-schema-")), "schema.prisma");
  writeFileSync(file, previous);
  return ["--from-schema-datamodel", file];
}

export function writeMigration(url: string, name: string | undefined): void {
  if (!name || !/^[a-z0-9_]+$/.test(name))
    throw new Error("Usage: npm run db:migration -- <snake_case_name>");
  mkdirSync(MIGRATIONS, { recursive: true });
  const cli = require.resolve("prisma/build/index.js");
  const sql = execFileSync(
    process.execPath,
    [cli, "migrate", "diff", ...previousSchemaArgs(), "--to-schema-datamodel", SCHEMA, "--script"],
    {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: url },
    },
  );
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(MIGRATIONS, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
  copyFileSync(SCHEMA, path.join(folder, "schema.prisma"));
  console.log(
    `Wrote ${folder}/migration.sql. Review it, and add any raw SQL (extensions, triggers).`,
  );
}
