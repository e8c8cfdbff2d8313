import type { APIRequestContext, BrowserContext } from "@playwright/test";

// What one request of the access matrix got: its status and, for a redirect, the Location's path.

export type Observed = { status: number; location?: string };

export type Probe = {
  method: "GET" | "POST" | "HEAD";
  url: string;
  body?: unknown;
  isStream?: boolean;
};

const STREAM_TIMEOUT_MS = 5_000;

function locationPath(location: string | undefined, baseURL: string): string | undefined {
  return location ? new URL(location, baseURL).pathname : undefined;
}

/**
 * A Server-Sent Events stream never ends, and Playwright's request API reads the whole body: the
 * stream is requested with fetch instead (the context's cookies sent along), and aborted as soon
 * as the headers are in.
 */
async function observeStream(
  probe: Probe,
  baseURL: string,
  context: BrowserContext | undefined,
): Promise<Observed> {
  const cookies = context ? await context.cookies(baseURL) : [];
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), STREAM_TIMEOUT_MS);
  try {
    const response = await fetch(new URL(probe.url, baseURL), {
      method: probe.method,
      headers: { Cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ") },
      redirect: "manual",
      signal: controller.signal,
    });
    const location = locationPath(response.headers.get("location") ?? undefined, baseURL);
    controller.abort();
    return { status: response.status, location };
  } finally {
    clearTimeout(timer);
  }
}

export async function observe(
  request: APIRequestContext,
  probe: Probe,
  baseURL: string,
  context?: BrowserContext,
): Promise<Observed> {
  if (probe.isStream) return observeStream(probe, baseURL, context);
  const response = await request.fetch(probe.url, {
    method: probe.method,
    data: probe.body,
    maxRedirects: 0,
  });
  return {
    status: response.status(),
    location: locationPath(response.headers().location, baseURL),
  };
}
