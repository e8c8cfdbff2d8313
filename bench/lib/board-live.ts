// The Today board's rows of `npm run bench`: 200 visits today in the demo clinic, 50 boards of the
// whole clinic open as Server-Sent Events streams (25 on each app process), and 20 signed Zoom
// participant webhooks a second for 30 s, posted to the two processes in turn, each on a random
// one of the 200 visits. For every (change, board) pair: the time from posting the change to the
// board's frame that shows it. At the end every board's rows must equal the database's and no
// board may have missed a change. Also the board's first load (whole clinic, 200 rows) beside
// /api/health, before the streams open.
import http from "node:http";

import type { Db } from "@/lib/db/db-client";
import { instantToZonedTime, startOfDay } from "@/lib/time-zone";
import { createUser, DEMO_PASSWORD } from "@/prisma/factories";

import { type AppServer, BENCH_WEBHOOK_SECRET, cpuMs, signIn } from "./app-server";
import { cpuPerRequest, HEALTH_KIND } from "./care-team-pages";
import { assertPageShows, documentLoad, rscNavigation } from "./page-requests";
import { random } from "./random";
import { runLoad } from "./run-load";
import { summarize, type Summary } from "./stats";
import { BENCH_ACCOUNT_ID, signedHeaders } from "./webhook-events";

export const BOARD_VISITS = 200;
const BOARDS = 50;
/** The stream cap per user and instance (lib/today/stream-slots.ts): one user per 5 boards. */
const BOARDS_PER_USER = 5;
const CHANGES_PER_SECOND = 20;
const CHANGE_SECONDS = Number(process.env.BENCH_BOARD_SECONDS ?? 30);
const LATENCY_GOAL_MS = 250;
/** How long the last changes may take to reach every board before they count as missed. */
const DRAIN_MS = 5_000;
const FIRST_LOAD_ROUNDS = 80;
const FIRST_MEETING = 91_000_000_000;
const BOARD_PATH = "/today?who=clinic";

type BoardVisit = {
  id: string;
  meetingId: string;
  hostZoomId: string;
  patientEmail: string;
  providerEmail: string;
};

/** The fields of a board row that the participant events change, and the rest that must match. */
type LiveRow = {
  visitId: string;
  status: string;
  patientPresence: string;
  patientWaitingSince: string | null;
  isProviderPresent: boolean;
  providerJoinedAt: string | null;
  noShowAt: string | null;
  scheduledStart: string;
};

const keyOf = (
  row: Pick<LiveRow, "patientPresence" | "isProviderPresent" | "patientWaitingSince">,
) => `${row.patientPresence}|${row.isProviderPresent}|${row.patientWaitingSince}`;

/** Ten care-team users (the streams' cap is per user), the clinic's providers, 200 visits today. */
async function prepareBoard(db: Db, organizationId: string) {
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { timeZone: true },
  });
  const users = [];
  for (let n = 0; n < BOARDS / BOARDS_PER_USER; n += 1)
    users.push(
      await createUser(db, {
        organizationId,
        role: "CARE_TEAM",
        email: `board-${n}@carevisit.test`,
      }),
    );
  const providers = await db.user.findMany({
    where: { organizationId, role: "CARE_TEAM", isActive: true },
    orderBy: { email: "asc" },
    select: { id: true, email: true },
  });
  const today = instantToZonedTime(new Date(), organization.timeZone).date;
  const from = startOfDay(today, organization.timeZone);
  const already = await db.visit.count({
    where: {
      organizationId,
      scheduledStart: { gte: from, lt: new Date(from.getTime() + 86_400_000) },
    },
  });
  const count = BOARD_VISITS - already;
  if (count < 1) throw new Error(`The clinic's day already holds ${already} visits`);
  const subjects = await db.subject.findMany({
    where: { organizationId, email: { not: null }, userId: null, visits: { none: {} } },
    orderBy: { recordNumber: "desc" },
    take: count,
    select: { id: true, email: true, recordNumber: true },
  });
  const providerOf = (index: number) => providers[index % providers.length]!;
  // Spread over the day, 7 minutes apart: 200 visits fill 23 h 20 min of it.
  await db.visit.createMany({
    data: subjects.map((subject, index) => ({
      organizationId,
      subjectId: subject.id,
      providerId: providerOf(index).id,
      createdById: providerOf(index).id,
      scheduledStart: new Date(from.getTime() + (5 + index * 7) * 60_000),
      durationMinutes: 30,
      zoomMeetingId: BigInt(FIRST_MEETING + index),
      zoomHostId: `board-host-${providerOf(index).id}`,
    })),
  });
  const visits = await db.visit.findMany({
    where: { organizationId, zoomMeetingId: { gte: BigInt(FIRST_MEETING) } },
    orderBy: { zoomMeetingId: "asc" },
    select: {
      id: true,
      zoomMeetingId: true,
      zoomHostId: true,
      subject: { select: { email: true } },
      provider: { select: { email: true } },
    },
  });
  return {
    users,
    lastRecordNumber: subjects.at(-1)?.recordNumber ?? "",
    visits: visits.map((visit): BoardVisit => ({
      id: visit.id,
      meetingId: String(visit.zoomMeetingId),
      hostZoomId: visit.zoomHostId ?? "",
      patientEmail: visit.subject.email ?? "",
      providerEmail: visit.provider.email,
    })),
  };
}

/** Each visit goes round these five participant events, each changing what its row shows. */
const CYCLE = [
  { event: "meeting.participant_joined_waiting_room", who: "patient", field: "date_time" },
  { event: "meeting.participant_joined", who: "host", field: "join_time" },
  { event: "meeting.participant_joined", who: "patient", field: "join_time" },
  { event: "meeting.participant_left", who: "patient", field: "leave_time" },
  { event: "meeting.participant_left", who: "host", field: "leave_time" },
] as const;

type Change = { visitId: string; body: string; key: string; instance: number };

/** The changes in order: event times a second apart, so that each visit's events are in order. */
function planChanges(visits: BoardVisit[]): Change[] {
  const next = random(20261207);
  const state = new Map<string, { step: number; isHostIn: boolean; waitingSince: string | null }>();
  const startMs = Math.floor((Date.now() - 2 * 3_600_000) / 1000) * 1000;
  return Array.from({ length: CHANGES_PER_SECOND * CHANGE_SECONDS }, (_, index) => {
    const visit = visits[Math.floor(next() * visits.length)]!;
    const now = state.get(visit.id) ?? { step: 0, isHostIn: false, waitingSince: null };
    const step = CYCLE[now.step % CYCLE.length]!;
    const at = new Date(startMs + index * 1000).toISOString();
    const isHost = step.who === "host";
    const presence = isHost
      ? now.step % CYCLE.length === 1
        ? "WAITING"
        : "LEFT"
      : { date_time: "WAITING", join_time: "IN_MEETING", leave_time: "LEFT" }[step.field];
    const isHostIn = isHost ? step.event === "meeting.participant_joined" : now.isHostIn;
    const waitingSince =
      presence !== "WAITING" ? null : isHost ? now.waitingSince : new Date(at).toISOString();
    state.set(visit.id, { step: now.step + 1, isHostIn, waitingSince });
    const participant = isHost
      ? {
          user_id: "16700001",
          user_name: "Provider",
          id: visit.hostZoomId,
          participant_uuid: `board-host-${visit.meetingId}`,
          email: visit.providerEmail,
        }
      : {
          user_id: "16800001",
          user_name: "Patient",
          id: "",
          participant_uuid: `board-patient-${visit.meetingId}`,
          email: visit.patientEmail,
        };
    const body = JSON.stringify({
      event: step.event,
      event_ts: startMs + index * 1000,
      payload: {
        account_id: BENCH_ACCOUNT_ID,
        object: {
          id: visit.meetingId,
          uuid: `board-${visit.meetingId}==`,
          host_id: visit.hostZoomId,
          topic: "CareVisit video visit",
          type: 2,
          participant: { ...participant, [step.field]: at.replace(/\.\d{3}Z$/, "Z") },
        },
      },
    });
    return {
      visitId: visit.id,
      body,
      key: keyOf({
        patientPresence: presence,
        isProviderPresent: isHostIn,
        patientWaitingSince: waitingSince,
      }),
      instance: index % 2,
    };
  });
}

type Frame = { at: number; visitId: string; key: string };

type Board = {
  rows: Map<string, LiveRow>;
  frames: Frame[];
  /** Frames other than rows and row (gone, an unknown event), and streams that ended early. */
  oddities: string[];
  close: () => void;
};

/** One board's stream, read with node:http (fetch costs several times the CPU per frame). */
function openBoard(appUrl: string, cookie: string): Promise<Board> {
  return new Promise((resolve, reject) => {
    const board: Board = { rows: new Map(), frames: [], oddities: [], close: () => undefined };
    let buffer = "";
    let isOpen = false;
    const request = http.get(`${appUrl}${BOARD_PATH.replace("/today", "/api/today/events")}`, {
      headers: { cookie, accept: "text/event-stream" },
    });
    board.close = () => request.destroy();
    request.on("error", (error) => (isOpen ? board.oddities.push(error.message) : reject(error)));
    request.on("response", (response) => {
      if (response.statusCode !== 200)
        return reject(new Error(`Board stream refused (${response.statusCode})`));
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data === undefined) continue; // a ping, the reconnect delay
          if (event === "rows") {
            board.rows.clear();
            for (const row of JSON.parse(data) as LiveRow[]) board.rows.set(row.visitId, row);
            if (!isOpen) {
              isOpen = true;
              resolve(board);
            } else board.oddities.push("rows again (a resync)");
          } else if (event === "row") {
            const row = JSON.parse(data) as LiveRow;
            board.rows.set(row.visitId, row);
            board.frames.push({ at, visitId: row.visitId, key: keyOf(row) });
          } else board.oddities.push(`${event}: ${data}`);
        }
      });
      response.on("end", () => board.oddities.push("stream ended"));
    });
  });
}

/** Posts one change, signed as Zoom signs it; resolves with the status. */
function post(agent: http.Agent, appUrl: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.request(
      `${appUrl}/api/zoom/webhook`,
      {
        method: "POST",
        agent,
        headers: {
          ...signedHeaders(BENCH_WEBHOOK_SECRET, body),
          "content-length": String(Buffer.byteLength(body)),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", () => resolve(0));
    request.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** For every board, the delay of each change: the first frame of its visit showing it or later. */
function latencies(boards: Board[], changes: Change[], sentAt: number[]) {
  const byVisit = new Map<string, number[]>();
  changes.forEach((change, index) =>
    byVisit.set(change.visitId, [...(byVisit.get(change.visitId) ?? []), index]),
  );
  const samples: number[] = [];
  let missed = 0;
  let unmatched = 0;
  for (const board of boards) {
    const framesOf = new Map<string, Frame[]>();
    for (const frame of board.frames)
      framesOf.set(frame.visitId, [...(framesOf.get(frame.visitId) ?? []), frame]);
    for (const [visitId, indexes] of byVisit) {
      let first = 0; // the first change of the visit no frame has shown yet
      for (const frame of framesOf.get(visitId) ?? []) {
        const shown = indexes.findIndex(
          (index, position) =>
            position >= first && changes[index]!.key === frame.key && sentAt[index]! <= frame.at,
        );
        if (shown < 0) {
          unmatched += 1;
          continue;
        }
        for (const index of indexes.slice(first, shown + 1))
          samples.push(frame.at - sentAt[index]!);
        first = shown + 1;
      }
      missed += indexes.length - first;
    }
  }
  return { summary: summarize(samples), missed, unmatched };
}

/** Every board's rows against the database's, field by field; returns the boards that differ. */
async function wrongBoards(db: Db, organizationId: string, boards: Board[]) {
  const rows = await db.visit.findMany({
    where: { organizationId, id: { in: [...(boards[0]?.rows.keys() ?? [])] } },
    select: {
      id: true,
      status: true,
      patientPresence: true,
      patientWaitingSince: true,
      isProviderPresent: true,
      providerJoinedAt: true,
      noShowAt: true,
      scheduledStart: true,
    },
  });
  const truth = new Map(
    rows.map((row) => [
      row.id,
      JSON.stringify([
        row.status,
        row.patientPresence,
        row.patientWaitingSince?.toISOString() ?? null,
        row.isProviderPresent,
        row.providerJoinedAt?.toISOString() ?? null,
        row.noShowAt?.toISOString() ?? null,
        row.scheduledStart.toISOString(),
      ]),
    ]),
  );
  return boards.filter(
    (board) =>
      board.rows.size !== BOARD_VISITS ||
      truth.size !== BOARD_VISITS ||
      [...board.rows.values()].some(
        (row) =>
          truth.get(row.visitId) !==
          JSON.stringify([
            row.status,
            row.patientPresence,
            row.patientWaitingSince,
            row.isProviderPresent,
            row.providerJoinedAt,
            row.noShowAt,
            row.scheduledStart,
          ]),
      ),
  ).length;
}

/** The board's first load (whole clinic, 200 rows) and health, interleaved, from 8 clients. */
async function firstLoad(app: AppServer, cookie: string, marker: string) {
  const today = { path: "/today", segments: ["(care-team)", "today"] };
  const kinds = {
    "Today board, whole clinic, 200 visits (document)": documentLoad(app.url, cookie, BOARD_PATH),
    "Today board, whole clinic, 200 visits (RSC, refreshed)": (
      await rscNavigation(app.url, cookie, today)
    )(BOARD_PATH),
  };
  for (const [kind, request] of Object.entries(kinds)) await assertPageShows(kind, request, marker);
  const health = { kind: HEALTH_KIND, url: `${app.url}/api/health` };
  const requests = Array.from({ length: FIRST_LOAD_ROUNDS }, () => [
    health,
    ...Object.entries(kinds).map(([kind, request]) => ({ kind, ...request })),
  ]).flat();
  for (let pass = 0; pass < 2; pass += 1) await runLoad({ concurrency: 8, requests });
  const measured = await runLoad({ concurrency: 8, requests });
  const summaries: Record<string, Summary> = {};
  const cpu: Record<string, number> = {};
  for (const [kind, entry] of Object.entries(measured.byKind)) {
    if (Object.keys(entry.statuses).some((status) => status !== "200"))
      throw new Error(`${kind}: answers other than 200 (${JSON.stringify(entry.statuses)})`);
    summaries[kind] = summarize(entry.latenciesMs);
    cpu[kind] = await cpuPerRequest(
      app,
      requests.filter((request) => request.kind === kind),
    );
  }
  return { summaries, cpu };
}

export type BoardLiveResult = Awaited<ReturnType<typeof measureBoardLive>>;

/** The whole phase on the two app processes; the demo clinic's day must hold at most 200 visits. */
export async function measureBoardLive(
  db: Db,
  organizationId: string,
  apps: [AppServer, AppServer],
) {
  const { users, visits, lastRecordNumber } = await prepareBoard(db, organizationId);
  const cookies = await Promise.all(
    users.map((user, index) => signIn(apps[index % 2]!.url, user.email, DEMO_PASSWORD)),
  );
  console.log("  the board's first load, whole clinic, beside health, 8 clients…");
  const load = await firstLoad(apps[0], cookies[0]!, lastRecordNumber);
  console.log(`  ${BOARDS} boards open, ${CHANGES_PER_SECOND} changes/s for ${CHANGE_SECONDS} s…`);
  // Board n belongs to user n mod 10, on that user's app process: 5 per user, 25 per process.
  const boards = await Promise.all(
    Array.from({ length: BOARDS }, (_, n) =>
      openBoard(apps[(n % users.length) % 2]!.url, cookies[n % users.length]!),
    ),
  );
  const changes = planChanges(visits);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const sentAt: number[] = [];
  const pids = apps.map((app) => app.child.pid ?? 0);
  const cpuBefore = pids.map(cpuMs);
  const started = performance.now();
  const acks = changes.map(async (change, index) => {
    await sleep(started + (index * 1000) / CHANGES_PER_SECOND - performance.now());
    sentAt[index] = performance.now();
    return post(agent, apps[change.instance]!.url, change.body);
  });
  const statuses = await Promise.all(acks);
  // Until every board shows every visit's last change, or the drain time is up.
  const lastKey = new Map(changes.map((change) => [change.visitId, change.key]));
  const drainEnd = performance.now() + DRAIN_MS;
  const isCaughtUp = () =>
    boards.every((board) =>
      [...lastKey].every(([visitId, key]) => {
        const row = board.rows.get(visitId);
        return row !== undefined && keyOf(row) === key;
      }),
    );
  while (!isCaughtUp() && performance.now() < drainEnd) await sleep(50);
  const cpuAfter = pids.map(cpuMs);
  const wallS = (performance.now() - started) / 1000;
  for (const board of boards) board.close();
  agent.destroy();
  const measured = latencies(boards, changes, sentAt);
  return {
    firstLoad: load,
    boards: boards.length,
    changes: changes.length,
    changesPerSecond: changes.length / ((sentAt.at(-1)! - started) / 1000),
    wallS,
    refused: statuses.filter((status) => status !== 200).length,
    latency: measured.summary,
    missed: measured.missed,
    unmatched: measured.unmatched,
    oddities: boards.flatMap((board) => board.oddities),
    wrongBoards: await wrongBoards(db, organizationId, boards),
    cpuMsPerChange: cpuAfter.map((after, index) => (after - cpuBefore[index]!) / changes.length),
  };
}

type BoardRow = {
  measure: string;
  figure: string;
  goal: string;
  met: boolean | null;
  cpuMs?: number;
};

const ms = (summary: Summary) => `p50 ${summary.p50} / p95 ${summary.p95} / p99 ${summary.p99} ms`;

/** The table rows of the phase. */
export function boardRows(result: BoardLiveResult): BoardRow[] {
  const { summaries, cpu } = result.firstLoad;
  const health = summaries[HEALTH_KIND];
  const loadRows = Object.entries(summaries).map(([kind, summary]): BoardRow => {
    if (kind === HEALTH_KIND)
      return {
        measure: `${kind} (in the board's mix)`,
        figure: ms(summary),
        goal: "baseline",
        met: null,
        cpuMs: cpu[kind],
      };
    const ratio = summary.p95 / Math.max(health?.p95 ?? 0, 0.1);
    return {
      measure: kind,
      figure: `${ms(summary)} (${ratio.toFixed(2)}× health p95)`,
      goal: "p95 ≤ 2× health p95",
      met: ratio <= 2,
      cpuMs: cpu[kind],
    };
  });
  const pairs = result.changes * result.boards;
  return [
    ...loadRows,
    {
      measure: `Change to board: ${result.boards} boards (2 processes), ${Math.round(result.changesPerSecond)} webhooks/s for ${CHANGE_SECONDS} s on ${BOARD_VISITS} visits`,
      figure: `${ms(result.latency)} over ${result.latency.count.toLocaleString("en-US")} of ${pairs.toLocaleString("en-US")} (change, board) pairs; app CPU per change ${result.cpuMsPerChange.map((cpuMs) => cpuMs.toFixed(2)).join(" + ")} ms`,
      goal: `p95 ≤ ${LATENCY_GOAL_MS} ms`,
      met: result.latency.p95 <= LATENCY_GOAL_MS && result.latency.count === pairs,
    },
    {
      measure: "Every open board correct after the changes",
      figure: `${result.boards - result.wrongBoards}/${result.boards} boards equal the database; ${result.missed} changes missed, ${result.unmatched} unexpected frames, ${result.refused} webhooks refused, ${result.oddities.length} other events`,
      goal: "all equal, none missed",
      met:
        result.wrongBoards === 0 &&
        result.missed === 0 &&
        result.unmatched === 0 &&
        result.refused === 0 &&
        result.oddities.length === 0,
    },
  ];
}
