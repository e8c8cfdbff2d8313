import { z } from "zod";

import { type Emulator } from "../emulator";
import { restError, type RestResponse } from "./rest-errors";

// `page_size` (default 30, capped at 300) and an opaque `next_page_token` that expires after
// 15 minutes (zoom-rest.md#participant-reports). The token carries the offset and when it was
// issued.

const DEFAULT_PAGE_SIZE = 30;
const MAX_PAGE_SIZE = 300;
const TOKEN_LIFETIME_MS = 15 * 60 * 1000;

export interface Page<T> {
  items: T[];
  envelope: {
    page_count: number;
    page_number: number;
    page_size: number;
    total_records: number;
    next_page_token: string;
  };
}

function parsePageSize(text: string | null): number {
  const size = Number(text);
  if (text === null || !Number.isInteger(size) || size < 1) return DEFAULT_PAGE_SIZE;
  return Math.min(size, MAX_PAGE_SIZE);
}

const pageTokenSchema = z.object({ offset: z.number().int().min(0), issuedAt: z.number() });

function parseToken(emulator: Emulator, token: string): number | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = pageTokenSchema.safeParse(decoded);
  if (!parsed.success) return null;
  return emulator.now() - parsed.data.issuedAt > TOKEN_LIFETIME_MS ? null : parsed.data.offset;
}

export function paginate<T>(
  emulator: Emulator,
  items: T[],
  query: URLSearchParams,
): Page<T> | RestResponse {
  const pageSize = parsePageSize(query.get("page_size"));
  const token = query.get("next_page_token") ?? "";
  const offset = token === "" ? 0 : parseToken(emulator, token);
  if (offset === null) return restError(400, 300, "The next page token is invalid or expired.");
  const end = offset + pageSize;
  const nextToken =
    end < items.length
      ? Buffer.from(JSON.stringify({ offset: end, issuedAt: emulator.now() })).toString("base64url")
      : "";
  return {
    items: items.slice(offset, end),
    envelope: {
      page_count: Math.max(1, Math.ceil(items.length / pageSize)),
      page_number: Math.floor(offset / pageSize) + 1,
      page_size: pageSize,
      total_records: items.length,
      next_page_token: nextToken,
    },
  };
}

export function isPage<T>(value: Page<T> | RestResponse): value is Page<T> {
  return "envelope" in value;
}
