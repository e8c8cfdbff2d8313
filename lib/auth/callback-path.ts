import { callbackPathSchema } from "@/lib/auth/schemas";

/** Next.js's router marks its own requests with `?_rsc=` (a cache key): never part of a page's address. */
const ROUTER_MARKER = "_rsc";

/** The path and query of a URL on this site, without the router's marker. */
function pathAndQuery(url: URL): string {
  const query = new URLSearchParams(url.search);
  query.delete(ROUTER_MARKER);
  const search = query.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}

/**
 * The page to open after signing in, from `?callbackUrl=` (a path, or a full URL from older links).
 * Only the path and query are kept, so the destination is always on this site.
 */
export function callbackPathFromQuery(value: string | string[] | undefined): string {
  if (typeof value !== "string") return "/";
  try {
    return callbackPathSchema.parse(pathAndQuery(new URL(value, "http://placeholder.invalid")));
  } catch {
    return "/";
  }
}

/**
 * Where the proxy sends a signed-out visitor: `/sign-in?callbackUrl=<the page they asked for>`,
 * and nothing else. (Auth.js's own redirect copies every parameter of the request onto the sign-in
 * address, and keeps the router's marker in the callback.)
 */
export function signInRedirectUrl(requested: URL): URL {
  const signIn = new URL("/sign-in", requested.origin);
  signIn.searchParams.set("callbackUrl", pathAndQuery(requested));
  return signIn;
}
