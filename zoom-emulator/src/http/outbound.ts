import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

// Outbound calls (webhooks, Epic GETs) with node:http, so the emulator sends exactly the headers
// Zoom sends and nothing that fetch would add.

export interface OutboundRequest {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body: Buffer | null;
  timeoutMs: number;
}

export interface OutboundResponse {
  status: number;
  body: string;
}

const MAX_RESPONSE_BYTES = 64_000;

export function sendOutbound(outbound: OutboundRequest): Promise<OutboundResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(outbound.url);
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    const headers: Record<string, string | number> = { ...outbound.headers };
    if (outbound.body) headers["content-length"] = outbound.body.length;
    const req = send(target, { method: outbound.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
      });
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    // One deadline for connect, send and the whole answer, like Zoom's 3-second rule.
    const timer = setTimeout(
      () => req.destroy(new Error(`No answer within ${outbound.timeoutMs} ms`)),
      outbound.timeoutMs,
    );
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(outbound.body ?? undefined);
  });
}
