import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

// Each route's first-load JavaScript after `next build`, gzipped as a server or CDN sends it.
// Next 16 reports only uncompressed sizes (.next/diagnostics/route-bundle-stats.json).

type RouteStats = {
  route: string;
  firstLoadUncompressedJsBytes: number;
  firstLoadChunkPaths: string[];
};

export type FirstLoadJs = { route: string; gzipBytes: number; uncompressedBytes: number };

/** The budget per page, gzipped (issue 19). */
export const FIRST_LOAD_JS_BUDGET_BYTES = 150 * 1024;

export function readFirstLoadJs(): FirstLoadJs[] {
  const stats = JSON.parse(
    readFileSync(".next/diagnostics/route-bundle-stats.json", "utf8"),
  ) as RouteStats[];
  return stats
    .map((route) => ({
      route: route.route,
      uncompressedBytes: route.firstLoadUncompressedJsBytes,
      gzipBytes: route.firstLoadChunkPaths.reduce(
        (sum, chunk) => sum + gzipSync(readFileSync(chunk), { level: 9 }).length,
        0,
      ),
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
