import { computeCacheBustingSearchParam } from "next/dist/shared/lib/router/utils/cache-busting-search-param";

import type { PlannedRequest } from "../load-worker";

// The Today board's first load, as the care team's browser asks for it: the document after
// sign-in (HTML), and the React Server Components payload when the board is reached from the
// navigation (a client-side navigation keeps the root and (care-team) layouts). Headers as in
// search-page.ts.

const BOARD_PATH = "/today";

const ROUTER_STATE_TREE = encodeURIComponent(
  JSON.stringify([
    "",
    {
      children: [
        "(care-team)",
        { children: ["today", { children: ["__PAGE__", {}, null, "refetch", 0] }, null, null, 0] },
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

export const TODAY_DOCUMENT = "Today board: document";
export const TODAY_RSC = "Today board: RSC";

/** The board's two first-load requests on `appUrl` with the session `cookie`. */
export async function todayBoardRequests(appUrl: string, cookie: string) {
  const rsc = await computeCacheBustingSearchParam(
    undefined,
    undefined,
    ROUTER_STATE_TREE,
    BOARD_PATH,
  );
  const encoding = { "accept-encoding": "gzip, deflate, br, zstd" };
  const document: PlannedRequest = {
    kind: TODAY_DOCUMENT,
    url: `${appUrl}${BOARD_PATH}`,
    headers: { cookie, accept: "text/html", ...encoding },
  };
  const payload: PlannedRequest = {
    kind: TODAY_RSC,
    url: `${appUrl}${BOARD_PATH}?_rsc=${rsc}`,
    headers: {
      cookie,
      rsc: "1",
      "next-router-state-tree": ROUTER_STATE_TREE,
      "next-url": BOARD_PATH,
      accept: "*/*",
      ...encoding,
    },
  };
  return { document, payload };
}

/** Checks once that both answer 200 with the board (not a redirect to sign-in or an error). */
export async function assertTodayBoardLoads(requests: PlannedRequest[]) {
  for (const request of requests) {
    const response = await fetch(request.url, { headers: request.headers, redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200 || !body.includes("Today"))
      throw new Error(`${request.kind} answered ${response.status} without the board`);
  }
}
