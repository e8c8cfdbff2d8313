import { computeCacheBustingSearchParam } from "next/dist/shared/lib/router/utils/cache-busting-search-param";

// The requests a browser sends for a page, as Chromium sends them from the App Router (captured
// with Next.js 16.4), less the headers that change nothing on the server (sec-fetch-*, …).

export type PageRequest = { url: string; headers: Record<string, string> };

/**
 * The router state tree a browser sends from the page at `segments` (a route group first, e.g.
 * `["(care-team)", "subjects"]`) when it asks for a page: it keeps the layouts of that page, so the
 * server renders only the segments that differ (all of the page's, for a page asked for again).
 */
export function routerStateTree(segments: string[]): string {
  let tree: unknown = ["__PAGE__", {}, null, "refetch", 0];
  for (const segment of [...segments].reverse())
    tree = [segment, { children: tree }, null, null, 0];
  return encodeURIComponent(JSON.stringify(["", { children: tree }, null, null, 16]));
}

/** Where a client-side navigation starts: the page the browser shows, and its router state tree. */
export type NavigationOrigin = { path: string; segments: string[] };

/**
 * A client-side navigation from `from` to `path` (a `<Link>` or `router.push`): the page's React
 * Server Components payload. `_rsc` is the hash of the router headers that Next.js's client adds
 * (the server answers any other `_rsc` with a 307 to the right one), so Next.js's own function
 * computes it.
 */
export async function rscNavigation(
  appUrl: string,
  cookie: string,
  from: NavigationOrigin,
): Promise<(path: string) => PageRequest> {
  const tree = routerStateTree(from.segments);
  const rsc = await computeCacheBustingSearchParam(undefined, undefined, tree, from.path);
  const headers = {
    cookie,
    rsc: "1",
    "next-router-state-tree": tree,
    "next-url": from.path,
    accept: "*/*",
    // The browser's: the payload comes compressed, and compressing it is part of what it costs.
    "accept-encoding": "gzip, deflate, br, zstd",
  };
  return (path) => {
    const url = new URL(path, appUrl);
    url.searchParams.set("_rsc", rsc);
    return { url: url.toString(), headers };
  };
}

/** A full document load (typing the address, a reload, a link opened in a new tab). */
export function documentLoad(appUrl: string, cookie: string, path: string): PageRequest {
  return {
    url: new URL(path, appUrl).toString(),
    headers: {
      cookie,
      accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      "accept-encoding": "gzip, deflate, br, zstd",
    },
  };
}

/**
 * The load worker sees only statuses: this checks once that a page answers with its kind of
 * payload (RSC or HTML) containing `marker`, not with a redirect, the sign-in page or an error.
 */
export async function assertPageShows(kind: string, request: PageRequest, marker: string) {
  const response = await fetch(request.url, { headers: request.headers, redirect: "manual" });
  const body = await response.text();
  const type = response.headers.get("content-type") ?? "";
  const expected = request.headers.rsc ? "text/x-component" : "text/html";
  if (response.status !== 200 || !type.startsWith(expected) || !body.includes(marker))
    throw new Error(
      `${kind}: answered ${response.status} (${type})${body.includes(marker) ? "" : ` without "${marker}"`}`,
    );
}
