import { DeviceCheckStatus } from "@/generated/prisma/enums";
import { rateNetwork } from "@/lib/visits/device-check/constants";

import type { NetworkMeasurement } from "./measure-network";
import type { MediaResult } from "./media-step";
import { DEVICE_CHECK_TEXT as TEXT } from "./messages";
import { NetworkVerdict } from "./network-verdict";

type CheckSummaryProps = {
  media: MediaResult;
  speaker: DeviceCheckStatus;
  network: NetworkMeasurement;
};

function partWords(status: DeviceCheckStatus | "good" | "bad") {
  if (status === DeviceCheckStatus.PASSED || status === "good")
    return { mark: "✓", words: TEXT.partPassed };
  if (status === DeviceCheckStatus.SKIPPED) return { mark: "–", words: TEXT.partSkipped };
  return { mark: "✗", words: TEXT.partFailed };
}

/** Each part of the check in words, with a mark that does not rely on colour. */
export function CheckSummary({ media, speaker, network }: CheckSummaryProps) {
  const rating = rateNetwork(network.roundTripMs, network.downloadKbps);
  const parts: [string, DeviceCheckStatus | "good" | "bad"][] = [
    [TEXT.partCamera, media.camera],
    [TEXT.partMicrophone, media.microphone],
    [TEXT.partSpeaker, speaker],
    [TEXT.partNetwork, rating === "GOOD" || rating === "FAIR" ? "good" : "bad"],
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
              <span className="font-medium">{part}:</span> {words}
            </li>
          );
        })}
      </ul>
      <NetworkVerdict measurement={network} />
    </div>
  );
}
