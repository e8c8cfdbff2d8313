// npm run bundle-sizes (after `next build`): each route's first-load JavaScript, gzipped.
// Next 16 reports only uncompressed sizes (.next/diagnostics/route-bundle-stats.json).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

type RouteStats = {
  route: string;
  firstLoadUncompressedJsBytes: number;
  firstLoadChunkPaths: string[];
};

const stats = JSON.parse(
  readFileSync(".next/diagnostics/route-bundle-stats.json", "utf8"),
) as RouteStats[];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const rows = stats
  .map((route) => ({
    route: route.route,
    raw: route.firstLoadUncompressedJsBytes,
    gzip: route.firstLoadChunkPaths.reduce(
      (sum, chunk) => sum + gzipSync(readFileSync(chunk), { level: 9 }).length,
      0,
    ),
  }))
  .sort((a, b) => a.route.localeCompare(b.route));
console.log("Route".padEnd(36), "First load JS (gzip)".padStart(22), "(uncompressed)".padStart(16));
for (const row of rows)
  console.log(row.route.padEnd(36), kb(row.gzip).padStart(22), kb(row.raw).padStart(16));
