// CareVisit's service worker: the installable portal's offline page, and nothing else.
//
// - Page loads (navigations) go to the network as always; only when the network cannot be reached
//   does it answer, with an offline page it writes itself from the summary the portal left in
//   the cache (the time of the patient's next visit, as the patient last saw it).
// - It never caches a response: no page, no API answer, no join or start URL. Every other request
//   is left to the browser (only the app's icon is kept, for the offline page).
// - The summary is deleted at sign-out (the sign-in page asks) and whenever a page load ends on
//   the sign-in page (the session is over).
// Plain JavaScript with no build step, so that it can be read as it runs. Registered by
// components/pwa/service-worker-registration.tsx; the names below match components/pwa/constants.ts.

const SHELL_CACHE = "carevisit-shell-v1";
const SUMMARY_CACHE = "carevisit-offline-summary";
const SUMMARY_KEY = "/offline-summary.json";
const ICON = "/icons/icon-192.png";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.add(ICON))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith("carevisit-shell-") && name !== SHELL_CACHE)
          .map((name) => caches.delete(name)),
      );
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "clear-offline-summary")
    event.waitUntil(caches.delete(SUMMARY_CACHE));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  if (request.mode === "navigate") event.respondWith(navigate(event));
  // The offline page's one image (a static file, no personal data): from the cache when offline.
  else if (new URL(request.url).pathname === ICON)
    event.respondWith(fetch(request).catch(() => caches.match(ICON)));
});

async function navigate(event) {
  try {
    const response = (await event.preloadResponse) || (await fetch(event.request));
    if (new URL(response.url).pathname.startsWith("/sign-in")) await caches.delete(SUMMARY_CACHE);
    return response;
  } catch {
    return offlinePage();
  }
}

async function readSummary() {
  try {
    const cache = await caches.open(SUMMARY_CACHE);
    const stored = await cache.match(SUMMARY_KEY);
    const summary = stored ? await stored.json() : null;
    return summary && typeof summary.heading === "string" ? summary : null;
  } catch {
    return null;
  }
}

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (character) => ESCAPES[character]);

/** The page's words: the portal's summary, or plain English when there is none. */
async function offlinePage() {
  const summary = (await readSummary()) || {
    lang: "en",
    title: "You are offline",
    heading: "You are offline",
    lines: ["Connect to the internet to see your visits and join them."],
    retry: "Try again",
  };
  const lines = Array.isArray(summary.lines) ? summary.lines : [];
  const html = `<!doctype html>
<html lang="${escapeHtml(summary.lang || "en")}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(summary.title || summary.heading)}</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #f8fafc; color: #0f172a; }
  main { max-width: 32rem; margin: 0 auto; padding: 3rem 1.25rem; text-align: center; }
  img { width: 72px; height: 72px; }
  h1 { font-size: 1.75rem; margin: 1.5rem 0 1rem; }
  p { font-size: 1.125rem; line-height: 1.6; margin: 0.5rem 0; }
  a { display: inline-block; margin-top: 2rem; min-height: 44px; padding: 0.75rem 1.5rem;
      border-radius: 0.375rem; background: #1d4ed8; color: #fff; font-weight: 600;
      text-decoration: underline; box-sizing: border-box; }
  a:focus-visible { outline: 3px solid #0f172a; outline-offset: 3px; }
</style>
</head>
<body>
<main>
<img src="${ICON}" alt="">
<h1>${escapeHtml(summary.heading)}</h1>
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n")}
<a href="">${escapeHtml(summary.retry || "Try again")}</a>
</main>
</body>
</html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      // No script at all: nothing on this page can run, whatever the summary held.
      "Content-Security-Policy":
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}
