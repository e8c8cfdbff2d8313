// The benchmark's load generator, run as its own process so that it does not share a CPU
// scheduler queue (or a garbage collector) with the orchestrator. Reads a plan file, sends its
// requests with a fixed number of concurrent clients, and prints per-kind latencies as JSON.
//   tsx bench/load-worker.ts <plan.json>
import { readFileSync } from "node:fs";
import http from "node:http";

import { signedHeaders } from "./lib/webhook-events";

export type PlannedRequest = {
  kind: string;
  url: string;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
};

export type LoadPlan = {
  concurrency: number;
  requests: PlannedRequest[];
  /** Signs each POST body as Zoom does, at the moment it is sent. */
  webhookSecret?: string;
};

export type LoadResult = {
  wallMs: number;
  byKind: Record<string, { latenciesMs: number[]; statuses: Record<string, number> }>;
};

/**
 * One request on a kept-alive connection. node:http rather than fetch: fetch costs several times
 * the CPU per request, and this process shares the machine's 2 cores with the server it measures.
 */
function send(
  agent: http.Agent,
  request: PlannedRequest,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      request.url,
      {
        method: request.method ?? "GET",
        headers: request.body
          ? { ...headers, "content-length": String(Buffer.byteLength(request.body)) }
          : headers,
        agent,
      },
      (response) => {
        response.on("data", () => undefined);
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
  const byKind: LoadResult["byKind"] = {};
  let next = 0;
  const client = async () => {
    for (;;) {
      const index = next;
      next += 1;
      const request = plan.requests[index];
      if (!request) return;
      const headers = {
        ...request.headers,
        ...(plan.webhookSecret && request.body
          ? signedHeaders(plan.webhookSecret, request.body)
          : {}),
      };
      const started = performance.now();
      let status = "error";
      try {
        status = String(await send(agent, request, headers));
      } catch {
        // Counted as "error".
      }
      const entry = (byKind[request.kind] ??= { latenciesMs: [], statuses: {} });
      entry.latenciesMs.push(performance.now() - started);
      entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: plan.concurrency }, client));
  agent.destroy();
  return { wallMs: performance.now() - started, byKind };
}

const planPath = process.argv[2];
if (!planPath) throw new Error("Usage: tsx bench/load-worker.ts <plan.json>");
run(JSON.parse(readFileSync(planPath, "utf8")) as LoadPlan).then(
  (result) => process.stdout.write(JSON.stringify(result)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
