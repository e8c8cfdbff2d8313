import { useFormatter, useTranslations } from "next-intl";

import { rateNetwork, type NetworkRating } from "@/lib/visits/device-check/constants";

import type { NetworkMeasurement } from "./measure-network";

const VERDICTS = {
  GOOD: { text: "networkGood", mark: "✓" },
  FAIR: { text: "networkFair", mark: "!" },
  POOR: { text: "networkPoor", mark: "✗" },
  OFFLINE: { text: "networkOffline", mark: "✗" },
} as const satisfies Record<NetworkRating, { text: string; mark: string }>;

/** The network check's figures and its verdict in plain words (the mark repeats it, not colour). */
export function NetworkVerdict({ measurement }: { measurement: NetworkMeasurement }) {
  const t = useTranslations("DeviceCheck");
  const format = useFormatter();
  const rating = rateNetwork(measurement.roundTripMs, measurement.downloadKbps);
  const verdict = VERDICTS[rating];
  return (
    <div className="flex flex-col gap-1">
      <p className="font-semibold">
        <span aria-hidden>{verdict.mark} </span>
        {t(verdict.text)}
      </p>
      {measurement.roundTripMs !== null && measurement.downloadKbps !== null ? (
        <p className="text-sm text-slate-700">
          {t("roundTrip", { ms: measurement.roundTripMs })} ·{" "}
          {t("download", {
            mbps: format.number(measurement.downloadKbps / 1000, { maximumFractionDigits: 1 }),
          })}
        </p>
      ) : null}
    </div>
  );
}
