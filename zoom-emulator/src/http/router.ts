import { type IncomingMessage, type ServerResponse } from "node:http";

// A tiny router: "/v2/meetings/:meetingId" patterns matched on the raw (still percent-encoded)
// path, so "%2F" inside a segment never splits it. Params are decoded once.

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

export type Handler = (context: RequestContext) => Promise<void> | void;

export interface Route {
  method: string;
  pattern: string[];
  handler: Handler;
}

export function route(method: string, path: string, handler: Handler): Route {
  return { method, pattern: path.split("/"), handler };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function matchPattern(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index] ?? "";
    if (part.startsWith(":")) {
      const decoded = decodeSegment(segment);
      if (decoded === null || decoded === "") return null;
      params[part.slice(1)] = decoded;
    } else if (part !== segment) {
      return null;
    }
  }
  return params;
}

export function matchRoute(
  routes: Route[],
  method: string,
  rawPath: string,
): { route: Route; params: Record<string, string> } | null {
  const segments = rawPath.split("/");
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const params = matchPattern(candidate.pattern, segments);
    if (params) return { route: candidate, params };
  }
  return null;
}
