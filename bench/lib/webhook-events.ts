import { ZoomConnectionStatus } from "@/generated/prisma/enums";
import { hmacSha256Hex } from "@/lib/crypto/hmac";
import type { Db } from "@/lib/db/db-client";

// Signed Zoom webhook deliveries for the benchmark: each visit's meeting goes through a realistic
// sequence (the patient waits, the host starts and admits, both leave, the meeting ends).

export type BenchVisit = {
  meetingId: string;
  hostZoomId: string;
  patientEmail: string;
  providerEmail: string;
};

export const BENCH_ACCOUNT_ID = "bench-zoom-account";

type Step = { event: string; atSeconds: number; who: "patient" | "host" | null };

const SEQUENCE: Step[] = [
  { event: "meeting.participant_joined_waiting_room", atSeconds: 0, who: "patient" },
  { event: "meeting.started", atSeconds: 60, who: null },
  { event: "meeting.participant_joined", atSeconds: 60, who: "host" },
  { event: "meeting.participant_admitted", atSeconds: 90, who: "patient" },
  { event: "meeting.participant_joined", atSeconds: 91, who: "patient" },
  { event: "meeting.participant_left", atSeconds: 900, who: "patient" },
  { event: "meeting.participant_left", atSeconds: 905, who: "host" },
  { event: "meeting.ended", atSeconds: 906, who: null },
];

export const EVENTS_PER_VISIT = SEQUENCE.length;

const TIME_FIELD: Record<string, string> = {
  "meeting.participant_joined": "join_time",
  "meeting.participant_left": "leave_time",
};

function participant(visit: BenchVisit, index: number, who: "patient" | "host") {
  return who === "host"
    ? {
        user_id: `${16_700_000 + index}`,
        user_name: "Provider",
        id: visit.hostZoomId,
        participant_uuid: `host-${visit.meetingId}`,
        email: visit.providerEmail,
      }
    : {
        user_id: `${16_800_000 + index}`,
        user_name: "Patient",
        id: "",
        participant_uuid: `patient-${visit.meetingId}`,
        email: visit.patientEmail,
      };
}

/** The JSON bodies of every visit's sequence, with event times from `startMs`. */
export function visitEventBodies(visits: BenchVisit[], startMs: number): string[][] {
  return visits.map((visit, index) =>
    SEQUENCE.map((step) => {
      const atMs = startMs + index * 1000 + step.atSeconds * 1000;
      const at = new Date(atMs).toISOString().replace(/\.\d{3}Z$/, "Z");
      const object: Record<string, unknown> = {
        id: visit.meetingId,
        uuid: `bench-${visit.meetingId}==`,
        host_id: visit.hostZoomId,
        topic: "CareVisit video visit",
        type: 2,
      };
      if (step.who) {
        object.participant = {
          ...participant(visit, index, step.who),
          [TIME_FIELD[step.event] ?? "date_time"]: at,
        };
      }
      return JSON.stringify({
        event: step.event,
        event_ts: atMs,
        payload: { account_id: BENCH_ACCOUNT_ID, object },
      });
    }),
  );
}

/** The headers Zoom sends with a delivery, signed now. */
export function signedHeaders(secret: string, body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    "content-type": "application/json; charset=utf-8",
    "x-zm-request-timestamp": timestamp,
    "x-zm-signature": `v0=${hmacSha256Hex(secret, `v0:${timestamp}:${body}`)}`,
  };
}

/** The clinic's Zoom connection to the account the bench's webhooks name. */
export async function connectBenchZoom(db: Db, organizationId: string, linkedById: string) {
  await db.zoomConnection.create({
    data: {
      organizationId,
      status: ZoomConnectionStatus.ACTIVE,
      zoomAccountId: BENCH_ACCOUNT_ID,
      scopes: [],
      accessTokenExpiresAt: new Date(),
      linkedById,
    },
  });
}
