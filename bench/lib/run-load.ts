import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import type { LoadPlan, LoadResult } from "../load-worker";

/** Runs the load worker in its own process; the orchestrator stays free to sample memory meanwhile. */
export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "carevisit-bench-"));
  const file = path.join(dir, "plan.json");
  writeFileSync(file, JSON.stringify(plan));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [require.resolve("tsx/cli"), path.join(__dirname, "..", "load-worker.ts"), file],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as LoadResult;
}
