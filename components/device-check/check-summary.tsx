import { useTranslations } from "next-intl";

import { DeviceCheckStatus } from "@/generated/prisma/enums";
import { rateNetwork } from "@/lib/visits/device-check/constants";

import type { NetworkMeasurement } from "./measure-network";
import type { MediaResult } from "./media-step";
import { NetworkVerdict } from "./network-verdict";

type CheckSummaryProps = {
  media: MediaResult;
  speaker: DeviceCheckStatus;
  network: NetworkMeasurement;
};

function partWords(status: DeviceCheckStatus | "good" | "bad") {
  if (status === DeviceCheckStatus.PASSED || status === "good")
    return { mark: "✓", words: "partPassed" } as const;
  if (status === DeviceCheckStatus.SKIPPED) return { mark: "–", words: "partSkipped" } as const;
  return { mark: "✗", words: "partFailed" } as const;
}

/** Each part of the check in words, with a mark that does not rely on colour. */
export function CheckSummary({ media, speaker, network }: CheckSummaryProps) {
  const t = useTranslations("DeviceCheck");
  const rating = rateNetwork(network.roundTripMs, network.downloadKbps);
  const parts: [string, DeviceCheckStatus | "good" | "bad"][] = [
    [t("partCamera"), media.camera],
    [t("partMicrophone"), media.microphone],
    [t("partSpeaker"), speaker],
    [t("partNetwork"), rating === "GOOD" || rating === "FAIR" ? "good" : "bad"],
  ];
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-1">
        {parts.map(([part, status]) => {
          const { mark, words } = partWords(status);
          return (
            <li key={part}>
              <span aria-hidden className="inline-block w-5 font-bold">
                {mark}
              </span>
              <span className="font-medium">{part}:</span> {t(words)}
            </li>
          );
        })}
      </ul>
      <NetworkVerdict measurement={network} />
    </div>
  );
}
