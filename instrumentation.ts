// Runs once when a Next.js server process starts, in the Node.js runtime only: the routes the
// production server answers before Next.js (lib/server/direct-routes.ts), and the background jobs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ registerDirectRoute }, { serveZoomWebhook }, { startBackgroundJobs }] =
    await Promise.all([
      import("@/lib/server/direct-routes"),
      import("@/lib/zoom/webhook/serve-zoom-webhook"),
      import("@/lib/jobs/background-jobs"),
    ]);
  registerDirectRoute("POST", "/api/zoom/webhook", serveZoomWebhook);
  await startBackgroundJobs();
}
