// Runs once when a Next.js server process starts: background jobs need the Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundJobs } = await import("@/lib/jobs/background-jobs");
  await startBackgroundJobs();
}
