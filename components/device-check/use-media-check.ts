"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** Why the camera and microphone could not be opened, as the patient is told. */
export type MediaProblem = "blocked" | "missing_devices" | "in_use" | "unsupported";

export type MediaCheck =
  | { phase: "idle" }
  | { phase: "asking" }
  | { phase: "live"; stream: MediaStream; hasCamera: boolean; hasMicrophone: boolean }
  | { phase: "problem"; problem: MediaProblem };

const BLOCKED = new Set(["NotAllowedError", "PermissionDeniedError", "SecurityError"]);
const MISSING = new Set(["NotFoundError", "DevicesNotFoundError", "OverconstrainedError"]);

const errorName = (error: unknown) => (error instanceof Error ? error.name : "");

type Outcome = { stream: MediaStream } | { problem: MediaProblem | "missing" };

async function request(constraints: MediaStreamConstraints): Promise<Outcome> {
  try {
    return { stream: await navigator.mediaDevices.getUserMedia(constraints) };
  } catch (error) {
    if (BLOCKED.has(errorName(error))) return { problem: "blocked" };
    return { problem: MISSING.has(errorName(error)) ? "missing" : "in_use" };
  }
}

function live(stream: MediaStream): MediaCheck {
  const hasCamera = stream.getVideoTracks().length > 0;
  return { phase: "live", stream, hasCamera, hasMicrophone: stream.getAudioTracks().length > 0 };
}

/**
 * Opens the camera and microphone with getUserMedia (the browser asks the patient first). A missing
 * camera or microphone is not the end: the other one alone is tried, since a patient can still
 * join with sound only (or with a picture and the phone's sound).
 */
async function openMedia(): Promise<MediaCheck> {
  if (!navigator.mediaDevices?.getUserMedia) return { phase: "problem", problem: "unsupported" };
  const both = await request({ video: { facingMode: "user" }, audio: true });
  if ("stream" in both) return live(both.stream);
  if (both.problem !== "missing") return { phase: "problem", problem: both.problem };
  for (const constraints of [{ audio: true }, { video: { facingMode: "user" } }]) {
    const one = await request(constraints);
    if ("stream" in one) return live(one.stream);
    if (one.problem !== "missing") return { phase: "problem", problem: one.problem };
  }
  return { phase: "problem", problem: "missing_devices" };
}

/** The camera and microphone check's state; the devices are released on stop and on unmount. */
export function useMediaCheck() {
  const [check, setCheck] = useState<MediaCheck>({ phase: "idle" });
  const streamRef = useRef<MediaStream | null>(null);

  const stop = useCallback(() => {
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
  }, []);

  const start = useCallback(async () => {
    stop();
    setCheck({ phase: "asking" });
    const next = await openMedia();
    if (next.phase === "live") streamRef.current = next.stream;
    setCheck(next);
  }, [stop]);

  useEffect(() => stop, [stop]);

  return { check, start, stop };
}
