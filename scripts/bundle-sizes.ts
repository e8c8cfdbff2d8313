// npm run bundle-sizes (after `next build`): each route's first-load JavaScript, gzipped.
import { kilobytes, readFirstLoadJs } from "./lib/first-load-js";

console.log("Route".padEnd(36), "First load JS (gzip)".padStart(22), "(uncompressed)".padStart(16));
for (const row of readFirstLoadJs())
  console.log(
    row.route.padEnd(36),
    kilobytes(row.gzipBytes).padStart(22),
    kilobytes(row.uncompressedBytes).padStart(16),
  );
