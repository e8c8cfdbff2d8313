import type { LaunchOptions } from "@playwright/test";

// How every spec launches the system Chromium (never a downloaded browser), and the flags that
// keep it off the internet. Specs that need more flags (fake media devices) add theirs.

const QUIET_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function chromiumLaunchOptions(extraArgs: string[] = []): LaunchOptions {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...QUIET_ARGS, ...extraArgs],
  };
}
