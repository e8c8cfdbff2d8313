// Form posts (server actions) that Next.js refuses before any action runs, answered by the proxy
// with the right 4xx instead: Next.js answers both with a 500. The checks are Next.js's own: its
// CSRF check (the Origin's host must be the request's, as `x-forwarded-host` or `Host` give it) and
// its server-action body limit (serverActions.bodySizeLimit, 1 MB by default).

/**
 * Next.js's default serverActions.bodySizeLimit ("1mb"). next.config.ts sets no serverActions
 * options (bodySizeLimit, allowedOrigins): setting one means changing this file to match.
 */
export const FORM_POST_MAX_BYTES = 1024 * 1024;

type IncomingPost = { method: string; headers: Headers };

function requestHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/** The host an Origin header names, or null for "null" and anything that is not a URL. */
function originHost(origin: string): string | null {
  if (origin === "null") return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * A page for a form posted without JavaScript; plain text for one posted by Next.js's client (it
 * sends `Next-Action`), which shows a text/plain error's words and nothing of any other answer.
 */
function refusal(request: IncomingPost, status: number, title: string, message: string): Response {
  const isFetchAction = request.headers.has("next-action");
  const body = isFetchAction
    ? message
    : `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title} · CareVisit</title><h1>${title}</h1><p>${message}</p><p><a href="/">Back to CareVisit</a></p></html>`;
  // Exactly "text/plain": Next.js's client compares the whole header (the message is ASCII).
  const contentType = isFetchAction ? "text/plain" : "text/html; charset=utf-8";
  return new Response(body, {
    status,
    headers: { "Content-Type": contentType, "Cache-Control": "no-store" },
  });
}

/** Next.js's CSRF check: an Origin that names another host. Without an Origin, a post passes. */
export function isCrossSitePost(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = originHost(origin);
  return host === null || host !== requestHost(headers);
}

/** The 4xx for a form post that Next.js would refuse with a 500, or null to let it through. */
export function refuseBadFormPost(request: IncomingPost): Response | null {
  if (request.method !== "POST") return null;
  // Like Next.js, a post without an Origin passes: browsers send one with every form post.
  if (isCrossSitePost(request.headers))
    return refusal(
      request,
      403,
      "Form not accepted",
      "This form was sent from another site, so it was not accepted. Open CareVisit and try again.",
    );
  // A body sent in chunks, without a length, is left to Next.js's own limit.
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > FORM_POST_MAX_BYTES)
    return refusal(
      request,
      413,
      "Form too large",
      "This form is over 1 MB, too large to send. Shorten what you typed and try again.",
    );
  return null;
}
