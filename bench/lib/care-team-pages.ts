import type { Db } from "@/lib/db/db-client";
import { seedVisitHistory } from "@/prisma/seed-visit-history";

import type { LoadResult, PlannedRequest } from "../load-worker";
import { type AppServer, cpuMs } from "./app-server";
import {
  assertPageShows,
  documentLoad,
  type NavigationOrigin,
  type PageRequest,
  rscNavigation,
} from "./page-requests";
import { runLoad } from "./run-load";
import { assertSearchPageListsResults, searchPageRequests } from "./search-page";
import { SEARCH_QUERIES } from "./search-queries";

// The pages the care team and patients land on, measured as the browser asks for them (a
// client-side navigation's RSC payload and a full document load), side by side with /api/health.

export const HEALTH_KIND = "GET /api/health";
const PAGE_ROUNDS = 120;
const WARM_UP_PASSES = 2;
/** Requests of one kind sent alone to read the app's CPU time per request of that kind. */
const CPU_SAMPLE = 160;
const PAST_VISITS = 20;

/** Where the care team's navigations start: the search page, whose layouts the browser keeps. */
const SEARCH_PAGE: NavigationOrigin = { path: "/subjects", segments: ["(care-team)", "subjects"] };
const TODAY: NavigationOrigin = { path: "/today", segments: ["(care-team)", "today"] };
const MY_VISITS: NavigationOrigin = { path: "/visits", segments: ["(patient)", "visits"] };

type PageKind = { kind: string; request: (i: number) => PageRequest; check: () => Promise<void> };

export type PageSessions = { careTeamCookie: string; patientCookie: string };

/** A subject of the bulk seed with 20 past visits, so its Video Conferencing page lists a history. */
async function subjectWithHistory(db: Db, organizationId: string) {
  const [provider, subject] = await Promise.all([
    db.user.findFirstOrThrow({
      where: { organizationId, email: "provider@carevisit.test" },
      select: { id: true },
    }),
    db.subject.findFirstOrThrow({
      where: { organizationId, userId: null, visits: { none: {} } },
      orderBy: { recordNumber: "desc" },
      select: { id: true, recordNumber: true },
    }),
  ]);
  await seedVisitHistory(db, {
    organizationId,
    providerIds: [provider.id],
    subjectIds: [subject.id],
    count: PAST_VISITS,
    days: 60,
    now: new Date(),
  });
  return subject;
}

async function pageKinds(app: AppServer, db: Db, organizationId: string, sessions: PageSessions) {
  const subject = await subjectWithHistory(db, organizationId);
  const { careTeamCookie, patientCookie } = sessions;
  const fromSearch = await rscNavigation(app.url, careTeamCookie, SEARCH_PAGE);
  const fromToday = await rscNavigation(app.url, careTeamCookie, TODAY);
  const fromMyVisits = await rscNavigation(app.url, patientCookie, MY_VISITS);
  const searchPage = await searchPageRequests(app.url, careTeamCookie);
  const overview = `/subjects/${subject.id}`;
  const video = `${overview}/video`;
  const searchKind = (name: "record number (prefix)" | "date of birth"): PageKind => ({
    kind: `search box (server action): ${name}`,
    request: (i) => searchPage(SEARCH_QUERIES[name](i)),
    check: () =>
      assertSearchPageListsResults(searchPage, app.url, careTeamCookie, SEARCH_QUERIES[name](0)),
  });
  const page = (kind: string, request: PageRequest, marker: string): PageKind => ({
    kind,
    request: () => request,
    check: () => assertPageShows(kind, request, marker),
  });
  return [
    searchKind("record number (prefix)"),
    searchKind("date of birth"),
    page(
      "search page (document)",
      documentLoad(app.url, careTeamCookie, SEARCH_PAGE.path),
      "Subjects",
    ),
    page("Today board (RSC, refreshed)", fromToday(TODAY.path), "Today"),
    page("Today board (document)", documentLoad(app.url, careTeamCookie, TODAY.path), "Today"),
    page("subject Overview (RSC, from search)", fromSearch(overview), subject.recordNumber),
    page(
      "subject Overview (document)",
      documentLoad(app.url, careTeamCookie, overview),
      "Key facts",
    ),
    page(
      "Video Conferencing, 20 past visits (RSC, from search)",
      fromSearch(video),
      "Past and cancelled",
    ),
    page(
      "Video Conferencing, 20 past visits (document)",
      documentLoad(app.url, careTeamCookie, video),
      "Past and cancelled",
    ),
    page("patient's My visits (RSC, refreshed)", fromMyVisits(MY_VISITS.path), "My visits"),
    page(
      "patient's My visits (document)",
      documentLoad(app.url, patientCookie, MY_VISITS.path),
      "My visits",
    ),
  ];
}

function assertAllOk(result: LoadResult) {
  for (const [kind, entry] of Object.entries(result.byKind))
    if (Object.keys(entry.statuses).some((status) => status !== "200"))
      throw new Error(`${kind}: answers other than 200 (${JSON.stringify(entry.statuses)})`);
}

/** The app's CPU time per request of one kind, sent alone (8 at a time) so nothing else counts. */
export async function cpuPerRequest(app: AppServer, requests: PlannedRequest[]): Promise<number> {
  const pid = app.child.pid ?? 0;
  const before = cpuMs(pid);
  await runLoad({ concurrency: 8, requests });
  return (cpuMs(pid) - before) / requests.length;
}

/**
 * Every page kind and health, interleaved, from 8 clients: warmed up unmeasured first (a fresh
 * process pays the JIT), then measured; then each kind alone for its CPU per request.
 */
export async function pagesPhase(
  app: AppServer,
  db: Db,
  organizationId: string,
  sessions: PageSessions,
) {
  const kinds = await pageKinds(app, db, organizationId, sessions);
  for (const kind of kinds) await kind.check();
  const health: PlannedRequest = { kind: HEALTH_KIND, url: `${app.url}/api/health` };
  const requests: PlannedRequest[] = [];
  for (let i = 0; i < PAGE_ROUNDS; i += 1) {
    requests.push(health);
    for (const kind of kinds) requests.push({ kind: kind.kind, ...kind.request(i) });
  }
  for (let pass = 0; pass < WARM_UP_PASSES; pass += 1) await runLoad({ concurrency: 8, requests });
  const measured = await runLoad({ concurrency: 8, requests });
  assertAllOk(measured);
  const cpuMsPerRequest: Record<string, number> = {};
  for (const kind of [{ kind: HEALTH_KIND, request: () => health }, ...kinds]) {
    const alone = Array.from({ length: CPU_SAMPLE }, (_, i) => ({
      kind: kind.kind,
      ...kind.request(i),
    }));
    cpuMsPerRequest[kind.kind] = await cpuPerRequest(app, alone);
  }
  return { byKind: measured.byKind, cpuMsPerRequest };
}
