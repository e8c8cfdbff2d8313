import "server-only";

import { randomBytes } from "node:crypto";

import { NETWORK_MAX_BYTES } from "@/lib/visits/device-check/constants";

// The network check downloads random bytes from us: random so that no proxy or compression on the
// way can shrink them, and the same process-wide block for every request (no personal data, nothing
// computed per call).

let block: Uint8Array<ArrayBuffer> | null = null;

/** `bytes` random bytes (at most NETWORK_MAX_BYTES) for the device check's download. */
export function networkProbePayload(bytes: number): Uint8Array<ArrayBuffer> {
  block ??= new Uint8Array(randomBytes(NETWORK_MAX_BYTES));
  return block.subarray(0, Math.min(bytes, NETWORK_MAX_BYTES));
}
