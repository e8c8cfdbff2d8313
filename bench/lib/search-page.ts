import { readFileSync } from "node:fs";
import path from "node:path";

// The request the care team's search sends. The search box keeps the query out of the URL and
// calls the server action `searchSubjectsAction` (decision 029): a POST to /subjects whose body
// holds the search, answered with a React Server Components payload. The headers are those
// Chromium sends from /subjects (Next.js 16.4), less those that change nothing on the server.

const SEARCH_PAGE_PATH = "/subjects";
const ACTION_FILE = "app/(care-team)/subjects/actions.ts";
const ACTION_NAME = "searchSubjectsAction";

/** The router state a browser on /subjects sends with an action. */
const ROUTER_STATE_TREE = encodeURIComponent(
  JSON.stringify([
    "",
    {
      children: [
        "(care-team)",
        { children: ["subjects", { children: ["__PAGE__", {}, null, null, 0] }, null, null, 0] },
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

type ActionManifest = {
  node: Record<string, { filename?: string; exportedName?: string }>;
};

/** The action's id in the build the bench serves (ids change from build to build). */
function searchActionId(): string {
  const file = path.join(process.cwd(), ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as ActionManifest;
  const found = Object.entries(manifest.node).find(
    ([, action]) => action.filename === ACTION_FILE && action.exportedName === ACTION_NAME,
  );
  if (!found) throw new Error(`${ACTION_NAME} is not in the build's server-reference manifest`);
  return found[0];
}

export type SearchPageRequest = (query: string) => {
  url: string;
  method: "POST";
  body: string;
  headers: Record<string, string>;
};

/** The search box's request for a query, on `appUrl` with the session `cookie`. */
export async function searchPageRequests(
  appUrl: string,
  cookie: string,
): Promise<SearchPageRequest> {
  const headers = {
    cookie,
    "next-action": searchActionId(),
    "next-router-state-tree": ROUTER_STATE_TREE,
    "content-type": "text/plain;charset=UTF-8",
    accept: "text/x-component",
    origin: appUrl,
    // The browser's: the payload comes compressed, and compressing it is part of what it costs.
    "accept-encoding": "gzip, deflate, br, zstd",
  };
  return Promise.resolve((query) => ({
    url: `${appUrl}${SEARCH_PAGE_PATH}`,
    method: "POST",
    body: JSON.stringify([{ q: query }]),
    headers,
  }));
}

/**
 * The load worker sees only statuses: this checks once that the action answers a query with an
 * RSC payload listing every subject the JSON API finds for it, not with a redirect or an error.
 */
export async function assertSearchPageListsResults(
  request: SearchPageRequest,
  appUrl: string,
  cookie: string,
  query: string,
) {
  const { url, headers, body } = request(query);
  const page = await fetch(url, { method: "POST", headers, body, redirect: "manual" });
  const payload = await page.text();
  const api = await fetch(`${appUrl}/api/subjects`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ q: query }),
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
      `The search action for "${query}" answered ${page.status} (${type}) without the ${items.length} results of /api/subjects`,
    );
}
