import { spawn } from "node:child_process";

/**
 * `prisma migrate deploy` against the given database. The CLI's chatter (including a warning that
 * the schema's `url` is unused, which the offline recipe needs) is shown only when it fails.
 */
export function applyMigrations(
  url: string,
  log: (line: string) => void = console.log,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [require.resolve("prisma/build/index.js"), "migrate", "deploy"],
      {
        env: { ...process.env, DATABASE_URL: url },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) {
        reject(new Error(`prisma migrate deploy failed:\n${output}`));
        return;
      }
      const applied =
        output.match(/^\s*└─ (\S+)\/$/gm)?.map((line) => line.replace(/[\s└─/]/g, "")) ?? [];
      log(
        applied.length > 0
          ? `Applied migrations: ${applied.join(", ")}.`
          : "The database schema is up to date.",
      );
      resolve();
    });
  });
}
