import { readFileSync } from "node:fs";

import { parseCliOptions, USAGE } from "./cli-options";
import { createStderrLogger } from "./log";
import { startEmulator } from "./server";

// npx tsx zoom-emulator/src/main.ts [--port 9100] … — the stand-in Zoom for `npm run dev` and
// tests. stdout gets exactly one line, `ZOOM_EMULATOR_READY http://127.0.0.1:<port>`, which
// callers wait for; everything else is JSON lines on stderr.

async function main() {
  let options;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env, (path) =>
      readFileSync(path, "utf8"),
    );
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(2);
  }
  const emulator = await startEmulator({ ...options, log: createStderrLogger() });
  process.stdout.write(`ZOOM_EMULATOR_READY ${emulator.url}\n`);

  let isStopping = false;
  const stop = () => {
    if (isStopping) return;
    isStopping = true;
    // close() flushes the state file before we exit.
    void emulator.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
