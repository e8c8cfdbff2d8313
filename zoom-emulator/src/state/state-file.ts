import { readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";

import { type Logger } from "../log";
import { type EmulatorState, emulatorStateSchema } from "./state-schema";

// The optional JSON snapshot that lets `npm run dev` restarts keep tokens and meetings. Writes
// are debounced and atomic (write a temporary file, then rename), so a crash never leaves half a
// file. A file that does not parse is ignored with a warning; it is replaced on the next write.

export interface StateFile {
  load(): EmulatorState | null;
  scheduleWrite(): void;
  flush(): Promise<void>;
}

export function createStateFile(
  path: string,
  getState: () => EmulatorState,
  log: Logger,
  delayMs = 200,
): StateFile {
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  function write(): Promise<void> {
    timer = null;
    const json = JSON.stringify(getState(), null, 2);
    const temporary = `${path}.${process.pid}.tmp`;
    writing = writing
      .then(() => writeFile(temporary, json, "utf8"))
      .then(() => rename(temporary, path))
      .catch((error: unknown) =>
        log("state.write_failed", {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    return writing;
  }

  return {
    load() {
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch {
        return null;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        log("state.ignored", { reason: "not JSON" });
        return null;
      }
      const parsed = emulatorStateSchema.safeParse(json);
      if (!parsed.success) {
        log("state.ignored", { reason: "does not match the state schema" });
        return null;
      }
      return parsed.data;
    },
    scheduleWrite() {
      timer ??= setTimeout(() => void write(), delayMs);
    },
    async flush() {
      if (timer) clearTimeout(timer);
      await write();
    },
  };
}
