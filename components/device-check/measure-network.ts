import { NETWORK_DOWNLOAD_BYTES, NETWORK_PINGS } from "@/lib/visits/device-check/constants";

// The network check, against our own server's probe route (random bytes, no personal data,
// Cache-Control: no-store): the median of a few round trips, then one timed download.

const PROBE = "/api/device-check/network";
const MAX_KBPS = 10_000_000;

export type NetworkMeasurement = { roundTripMs: number | null; downloadKbps: number | null };

async function probe(bytes: number, signal: AbortSignal): Promise<ArrayBuffer> {
  const response = await fetch(`${PROBE}?bytes=${bytes}`, { cache: "no-store", signal });
  if (!response.ok) throw new Error(`Network probe answered ${response.status}`);
  return response.arrayBuffer();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function measureNetwork(signal: AbortSignal): Promise<NetworkMeasurement> {
  try {
    const trips: number[] = [];
    for (let ping = 0; ping < NETWORK_PINGS; ping += 1) {
      const started = performance.now();
      await probe(0, signal);
      trips.push(performance.now() - started);
    }
    const roundTripMs = Math.round(median(trips));
    const started = performance.now();
    const body = await probe(NETWORK_DOWNLOAD_BYTES, signal);
    // The download's time less one round trip (the request's way there and the first byte's back).
    const seconds = Math.max(performance.now() - started - roundTripMs, 1) / 1000;
    const downloadKbps = Math.min(MAX_KBPS, Math.round((body.byteLength * 8) / 1000 / seconds));
    return { roundTripMs, downloadKbps };
  } catch (error) {
    if (signal.aborted) throw error;
    return { roundTripMs: null, downloadKbps: null };
  }
}
