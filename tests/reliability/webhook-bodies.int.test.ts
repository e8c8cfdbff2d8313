import http from "node:http";

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST } from "@/app/api/zoom/webhook/route";
import { db } from "@/lib/db/db";
import { startRouteServer } from "@/tests/support/route-server";
import { startWebhookReceiver } from "@/tests/support/webhook-receiver";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { TEST_ZOOM_WEBHOOK_SECRET } from "@/tests/support/zoom-emulator-process";

import { baseZoomHeaders, signZoomBody } from "./zoom-deliveries";

// Issue 17, finding 7: webhook bodies were read before any check. Over real HTTP, at both entry
// points (the production server's direct route, serveZoomWebhook, and the App Router route that
// `next start` and `next dev` use), generated deliveries must be refused as soon as they can be:
// a missing or malformed signature header or a stale timestamp before a byte of the body is read
// (the client has not finished sending it), a body over 64 KB as soon as it passes the cap, a
// body that drips in slowly after 10 s, and JSON nested thousands deep with 400, not 500. None of
// them leaves a stored notification.

withZoomEmulator();

const SEED = 20_261_208;
const CAP = 64 * 1024;
const BODY_TIMEOUT_MS = 10_000;
const SECRET = TEST_ZOOM_WEBHOOK_SECRET;

type Server = { name: string; url: string; stop: () => Promise<void> };
let servers: Server[];

beforeAll(async () => {
  const direct = await startWebhookReceiver();
  const route = await startRouteServer(POST);
  servers = [
    { name: "direct route", ...direct },
    { name: "App Router route", url: `${route.url}/api/zoom/webhook`, stop: route.stop },
  ];
});
afterAll(() => Promise.all(servers.map((server) => server.stop())));

let unique = 0;
/** A meeting event of an account that is not ours: accepted ("ignored"/"unmatched") when valid. */
const eventBody = (payload: Record<string, unknown> = {}) =>
  JSON.stringify({
    event: "meeting.sharing_started",
    event_ts: Date.now() + (unique += 1),
    payload: { account_id: "acc-bodies", object: { id: String(unique) }, ...payload },
  });

const nowSeconds = () => Math.floor(Date.now() / 1000);

function signedHeaders(body: string, timestamp = String(nowSeconds())): Record<string, string> {
  return {
    ...Object.fromEntries(baseZoomHeaders()),
    "x-zm-request-timestamp": timestamp,
    "x-zm-signature": signZoomBody(SECRET, timestamp, body),
  };
}

type Answer = {
  status: number;
  body: string;
  connection: string | undefined;
  /** Whether the client had sent its whole body when the answer came. */
  hadSentAll: boolean;
  elapsedMs: number;
};

type Sending = {
  headers: Record<string, string>;
  /** The body's chunks, written one after another, `gapMs` apart. */
  chunks: string[];
  gapMs?: number;
  /** Do not end the request after the last chunk (only a server that stops reading answers). */
  keepOpen?: boolean;
  /** Give up after this long without an answer. */
  patienceMs: number;
};

/** One raw POST; `null` when no answer came within `patienceMs`. */
function post(url: string, sending: Sending): Promise<Answer | null> {
  return new Promise((resolve) => {
    const started = Date.now();
    let hadSentAll = false;
    let isAnswered = false;
    const request = http.request(url, { method: "POST", headers: sending.headers }, (response) => {
      isAnswered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        clearTimeout(patience);
        request.destroy();
        resolve({
          status: response.statusCode ?? 0,
          body,
          connection: response.headers.connection,
          hadSentAll,
          elapsedMs: Date.now() - started,
        });
      });
    });
    request.on("error", () => undefined); // the server may close while we still write
    const patience = setTimeout(() => {
      request.destroy();
      resolve(null);
    }, sending.patienceMs);
    const write = async () => {
      request.flushHeaders();
      for (const chunk of sending.chunks) {
        if (isAnswered || request.destroyed) return;
        request.write(chunk);
        if (sending.gapMs) await new Promise((wait) => setTimeout(wait, sending.gapMs));
      }
      if (sending.keepOpen || isAnswered || request.destroyed) return;
      hadSentAll = true;
      request.end();
    };
    void write();
  });
}

const notifications = () => db.inboundNotification.count();
const messageOf = (answer: Answer | null) => {
  try {
    return (JSON.parse(answer?.body ?? "") as { error?: { message?: string } }).error?.message;
  } catch {
    return undefined;
  }
};

type Defect = { label: string; headers: (body: string) => Record<string, string>; reason: RegExp };

const PRINTABLE = fc.string({ unit: fc.constantFrom(..."abcdefXYZ0189=v:- "), maxLength: 70 });
const HEX64 = fc.string({
  unit: fc.constantFrom(..."0123456789abcdef"),
  minLength: 64,
  maxLength: 64,
});

/** What can be wrong with a delivery's headers, each refusable without its body. */
const headerDefects: fc.Arbitrary<Defect> = fc.oneof(
  fc.constantFrom("x-zm-signature", "x-zm-request-timestamp").map((header) => ({
    label: `no ${header}`,
    headers: (body: string) => {
      const { [header]: _left, ...rest } = signedHeaders(body);
      return rest;
    },
    reason: /missing_headers/,
  })),
  fc
    .oneof(
      PRINTABLE.filter((value) => !/^v0=[0-9a-f]{64}$/.test(value)),
      HEX64.map((hex) => `v0=${hex.toUpperCase()}A`),
      HEX64.map((hex) => `v1=${hex}`),
      HEX64.map((hex) => `v0=${hex}, v0=${hex}`),
    )
    .filter((value) => value.trim() !== "")
    .map((signature) => ({
      label: `signature ${JSON.stringify(signature.slice(0, 30))}`,
      headers: (body: string) => ({ ...signedHeaders(body), "x-zm-signature": signature }),
      reason: /bad_signature/,
    })),
  // 302, not 301: the test's clock reading and the server's may fall either side of a second.
  fc.integer({ min: 302, max: 400_000 }).chain((age) =>
    fc.constantFrom(-1, 1).map((sign) => ({
      label: `timestamp ${sign * age} s off`,
      headers: (body: string) => signedHeaders(body, String(nowSeconds() + sign * age)),
      reason: /stale_timestamp/,
    })),
  ),
  fc.constantFrom("17000000001234", "soon", "1.7e9", "-5").map((timestamp) => ({
    label: `timestamp ${timestamp}`,
    headers: (body: string) => signedHeaders(body, timestamp),
    reason: /bad_timestamp/,
  })),
);

/** JSON nested `depth` deep, of arrays, objects or both. */
function nested(depth: number, shape: "array" | "object" | "mixed"): string {
  let open = "";
  let close = "";
  for (let level = 0; level < depth; level += 1) {
    const isArray = shape === "array" || (shape === "mixed" && level % 2 === 0);
    open += isArray ? "[" : '{"a":';
    close = (isArray ? "]" : "}") + close;
  }
  return `${open}1${close}`;
}

describe("webhook bodies, at both entry points", () => {
  it("are refused before they are read when the signature header is missing or malformed, or the timestamp stale", async () => {
    const before = await notifications();
    const defects = fc.sample(fc.tuple(headerDefects, fc.boolean()), { seed: SEED, numRuns: 24 });
    const wrong: unknown[] = [];
    for (const server of servers)
      for (const [defect, isAnnounced] of defects) {
        const body = eventBody({ padding: "x".repeat(600_000) });
        // A 1 MB body announced (or sent without a length), of which not a byte ever comes: only
        // a server that answers on the headers alone answers at all.
        const headers = defect.headers(body);
        if (isAnnounced) headers["content-length"] = String(1024 * 1024);
        else headers["transfer-encoding"] = "chunked";
        const answer = await post(server.url, {
          headers,
          chunks: [],
          keepOpen: true,
          patienceMs: 5_000,
        });
        if (
          answer?.status !== 401 ||
          answer.hadSentAll ||
          !defect.reason.test(messageOf(answer) ?? "")
        )
          wrong.push({ server: server.name, defect: defect.label, isAnnounced, answer });
      }
    expect(wrong).toEqual([]);
    expect(await notifications()).toBe(before);
  });

  it("are refused with 413 once they pass 64 KB, and taken up to 64 KB", async () => {
    const before = await notifications();
    const sizes = fc.sample(fc.tuple(fc.integer({ min: CAP + 1, max: 900_000 }), fc.boolean()), {
      seed: SEED + 1,
      numRuns: 10,
    });
    const wrong: unknown[] = [];
    for (const server of servers) {
      for (const [size, isAnnounced] of sizes) {
        const bare = eventBody({ padding: "" });
        const body = eventBody({ padding: "x".repeat(size - bare.length) });
        const headers = signedHeaders(body);
        if (isAnnounced) headers["content-length"] = String(Buffer.byteLength(body));
        const middle = Math.floor(body.length / 2);
        const answer = await post(server.url, {
          headers,
          chunks: [body.slice(0, middle), body.slice(middle)],
          patienceMs: 5_000,
        });
        if (answer?.status !== 413 || !/larger than 64 KB/.test(messageOf(answer) ?? ""))
          wrong.push({ server: server.name, size, isAnnounced, answer });
      }
      const bare = eventBody({ padding: "" });
      const atCap = eventBody({ padding: "x".repeat(CAP - bare.length) });
      expect(Buffer.byteLength(atCap)).toBe(CAP);
      const taken = await post(server.url, {
        headers: signedHeaders(atCap),
        chunks: [atCap],
        patienceMs: 5_000,
      });
      expect(taken, server.name).toMatchObject({ status: 200 });
    }
    expect(wrong).toEqual([]);
    expect(await notifications()).toBe(before + servers.length);
  });

  it("are refused with 400 when their JSON is nested too deeply, and taken when it is not", async () => {
    const before = await notifications();
    const cases = fc.sample(
      fc.tuple(
        fc.constantFrom(40, 200, 1_000, 5_000, 10_000),
        fc.constantFrom<"array" | "object" | "mixed">("array", "object", "mixed"),
        fc.boolean(),
      ),
      { seed: SEED + 2, numRuns: 12 },
    );
    const wrong: unknown[] = [];
    for (const server of servers) {
      for (const [depth, shape, isInPayload] of cases) {
        const deep = nested(depth, shape);
        const body = isInPayload
          ? eventBody().replace('"account_id"', `"deep":${deep},"account_id"`)
          : `{"event":"meeting.started","event_ts":${Date.now()},"payload":${deep}}`;
        const answer = await post(server.url, {
          headers: signedHeaders(body),
          chunks: [body],
          patienceMs: 5_000,
        });
        if (answer?.status !== 400 || !/nested/.test(messageOf(answer) ?? ""))
          wrong.push({ server: server.name, depth, shape, isInPayload, answer: answer?.status });
      }
      const shallow = eventBody({ deep: JSON.parse(nested(10, "mixed")) as unknown });
      const taken = await post(server.url, {
        headers: signedHeaders(shallow),
        chunks: [shallow],
        patienceMs: 5_000,
      });
      expect(taken, server.name).toMatchObject({ status: 200 });
    }
    expect(wrong).toEqual([]);
    expect(await notifications()).toBe(before + servers.length);
  });

  it("are refused with 408 after 10 s when they drip in slowly, however many at once", async () => {
    const before = await notifications();
    const drips = fc.sample(
      fc.record({
        chunkBytes: fc.integer({ min: 1, max: 40 }),
        gapMs: fc.integer({ min: 300, max: 900 }),
        isAnnounced: fc.boolean(),
      }),
      { seed: SEED + 3, numRuns: 40 },
    );
    const answers = await Promise.all(
      servers.flatMap((server) =>
        drips.map(async (drip) => {
          // Enough chunks to take over 16 s in all: a server that waits for the end answers late.
          const count = Math.ceil(16_000 / drip.gapMs) + 1;
          const body = eventBody({ padding: "x".repeat(count * drip.chunkBytes) });
          const chunks = Array.from({ length: Math.ceil(body.length / drip.chunkBytes) }, (_, i) =>
            body.slice(i * drip.chunkBytes, (i + 1) * drip.chunkBytes),
          );
          const headers = signedHeaders(body);
          if (drip.isAnnounced) headers["content-length"] = String(Buffer.byteLength(body));
          const answer = await post(server.url, {
            headers,
            chunks,
            gapMs: drip.gapMs,
            patienceMs: 30_000,
          });
          return { server: server.name, drip, answer };
        }),
      ),
    );
    const wrong = answers.filter(
      ({ answer }) =>
        answer?.status !== 408 ||
        answer.hadSentAll ||
        answer.elapsedMs < BODY_TIMEOUT_MS - 500 ||
        answer.elapsedMs > BODY_TIMEOUT_MS + 3_000 ||
        answer.connection !== "close",
    );
    expect(wrong).toEqual([]);
    expect(await notifications()).toBe(before);
  }, 60_000);
});
