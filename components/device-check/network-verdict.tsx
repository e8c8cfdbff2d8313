import { rateNetwork, type NetworkRating } from "@/lib/visits/device-check/constants";

import type { NetworkMeasurement } from "./measure-network";
import { DEVICE_CHECK_TEXT as TEXT } from "./messages";

const VERDICTS: Record<NetworkRating, { text: string; mark: string }> = {
  GOOD: { text: TEXT.networkGood, mark: "✓" },
  FAIR: { text: TEXT.networkFair, mark: "!" },
  POOR: { text: TEXT.networkPoor, mark: "✗" },
  OFFLINE: { text: TEXT.networkOffline, mark: "✗" },
};

/** The network check's figures and its verdict in plain words (the mark repeats it, not colour). */
export function NetworkVerdict({ measurement }: { measurement: NetworkMeasurement }) {
  const rating = rateNetwork(measurement.roundTripMs, measurement.downloadKbps);
  const verdict = VERDICTS[rating];
  return (
    <div className="flex flex-col gap-1">
      <p className="font-semibold">
        <span aria-hidden>{verdict.mark} </span>
        {verdict.text}
      </p>
      {measurement.roundTripMs !== null && measurement.downloadKbps !== null ? (
        <p className="text-sm text-slate-700">
          {TEXT.roundTrip(measurement.roundTripMs)} ·{" "}
          {TEXT.download(
            new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(
              measurement.downloadKbps / 1000,
            ),
          )}
        </p>
      ) : null}
    </div>
  );
}
