import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";

import { describe, expect, it } from "vitest";
import { z } from "zod";

// The CLI as `npm run dev` and the e2e setup use it: one READY line on stdout, JSON lines on
// stderr, a clean exit on SIGTERM.

const require = createRequire(import.meta.url);
const TSX_CLI = require.resolve("tsx/cli");
const logLineSchema = z.object({ event: z.string() });

describe("main.ts", () => {
  it("prints the READY line, logs JSON to stderr and stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [TSX_CLI, join(import.meta.dirname, "main.ts"), "--port", "0"],
      {
        env: { ...process.env, ZOOM_EMULATOR_APP_NAME: "CLI Test" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + 15_000;
    while (!stdout.includes("\n") && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const match = /^ZOOM_EMULATOR_READY (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(stdout);
    expect(match).not.toBeNull();
    const page = await fetch(
      `${match?.[1]}/oauth/authorize?response_type=code&client_id=carevisit-dev-client&redirect_uri=${encodeURIComponent("http://localhost:3000/api/zoom/oauth/callback")}`,
    );
    expect(await page.text()).toContain("Allow CLI Test to access your Zoom account?");
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(0);
    expect(stdout.split("\n").filter((line) => line !== "")).toHaveLength(1);
    const lines = stderr.split("\n").filter((line) => line.startsWith("{"));
    expect(lines.map((line) => logLineSchema.parse(JSON.parse(line)).event)).toContain("http");
    expect(stderr).not.toContain("carevisit-dev-secret");
  }, 20_000);
});
