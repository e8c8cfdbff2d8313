import { type ServerResponse } from "node:http";

// Response writers. JSON uses Zoom's content type; HTML pages are for the consent page and the
// web-client stand-in.

export type HeaderMap = Record<string, string | number>;

function writeHeaders(res: ServerResponse, headers: HeaderMap) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: HeaderMap = {},
) {
  const bytes = Buffer.from(JSON.stringify(body), "utf8");
  writeHeaders(res, headers);
  res.writeHead(status, {
    "content-type": "application/json;charset=UTF-8",
    "content-length": bytes.length,
  });
  res.end(bytes);
}

export function sendEmpty(res: ServerResponse, status: number, headers: HeaderMap = {}) {
  writeHeaders(res, headers);
  res.writeHead(status);
  res.end();
}

export function sendHtml(res: ServerResponse, status: number, html: string) {
  const bytes = Buffer.from(html, "utf8");
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-length": bytes.length,
    "cache-control": "no-store",
  });
  res.end(bytes);
}

// 302 for OAuth (what Zoom sends); 303 after our own form posts so reloads do not resubmit.
export function redirect(res: ServerResponse, location: string, status: 302 | 303 = 302) {
  res.writeHead(status, { location, "cache-control": "no-store" });
  res.end();
}
