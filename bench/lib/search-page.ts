import { computeCacheBustingSearchParam } from "next/dist/shared/lib/router/utils/cache-busting-search-param";

// The request the care team's search sends. The search box calls router.replace("/subjects?q=…"),
// so the browser fetches the page's React Server Components payload (a client-side navigation):
// neither the page's HTML nor /api/subjects. The headers are those Chromium sends from /subjects
// (captured with Next.js 16.4), less those that change nothing on the server (sec-fetch-*, …).

const SEARCH_PAGE_PATH = "/subjects";

/**
 * The router state a browser on /subjects sends: it keeps the root, (care-team) and subjects
 * layouts and asks for the page again, so the server renders the page segment only.
 */
const ROUTER_STATE_TREE = encodeURIComponent(
  JSON.stringify([
    "",
    {
      children: [
        "(care-team)",
        {
          children: ["subjects", { children: ["__PAGE__", {}, null, "refetch", 0] }, null, null, 0],
        },
        null,
        null,
        0,
      ],
    },
    null,
    null,
    16,
  ]),
);

export type SearchPageRequest = (query: string) => { url: string; headers: Record<string, string> };

/**
 * The search page's request for a query, on `appUrl` with the session `cookie`. `_rsc` is the hash
 * of the router headers that Next.js's client adds (the server answers any other `_rsc` with a
 * 307 to the right one), so it is computed by Next.js's own function.
 */
export async function searchPageRequests(
  appUrl: string,
  cookie: string,
): Promise<SearchPageRequest> {
  const rsc = await computeCacheBustingSearchParam(
    undefined,
    undefined,
    ROUTER_STATE_TREE,
    SEARCH_PAGE_PATH,
  );
  const headers = {
    cookie,
    rsc: "1",
    "next-router-state-tree": ROUTER_STATE_TREE,
    "next-url": SEARCH_PAGE_PATH,
    accept: "*/*",
    // The browser's: the payload comes compressed, and compressing it is part of what it costs.
    "accept-encoding": "gzip, deflate, br, zstd",
  };
  return (query) => ({
    url: `${appUrl}${SEARCH_PAGE_PATH}?${new URLSearchParams({ q: query, _rsc: rsc }).toString()}`,
    headers,
  });
}

/**
 * The load worker sees only statuses: this checks once that the page answers a query with an RSC
 * payload listing every subject the JSON API finds for it, not with a redirect or HTML.
 */
export async function assertSearchPageListsResults(
  request: SearchPageRequest,
  appUrl: string,
  cookie: string,
  query: string,
) {
  const { url, headers } = request(query);
  const page = await fetch(url, { headers, redirect: "manual" });
  const payload = await page.text();
  const api = await fetch(`${appUrl}/api/subjects?q=${encodeURIComponent(query)}`, {
    headers: { cookie },
  });
  const { items } = api.ok
    ? ((await api.json()) as { items: { recordNumber: string }[] })
    : { items: [] };
  const type = page.headers.get("content-type") ?? "";
  const listsAll = items.every((subject) => payload.includes(subject.recordNumber));
  if (
    page.status !== 200 ||
    !type.startsWith("text/x-component") ||
    items.length === 0 ||
    !listsAll
  )
    throw new Error(
      `The search page for "${query}" answered ${page.status} (${type}) without the ${items.length} results of /api/subjects`,
    );
}
