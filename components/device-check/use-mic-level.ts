"use client";

import { useEffect, useState } from "react";

/** Level (0–100) from which we say "we can hear you": about -45 dBFS, a quiet voice at arm's length. */
const HEARD_LEVEL = 25;
/** Frames above that level within the window before it counts, so that one click is not a voice. */
const HEARD_FRAMES = 3;
const UPDATES_PER_SECOND = 10;
/** The window: the last two seconds of frames. */
const WINDOW_FRAMES = 2 * UPDATES_PER_SECOND;

/** The microphone's level, 0 (silence, -60 dBFS or less) to 100 (0 dBFS), from its RMS. */
function levelOf(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const rms = Math.sqrt(sum / samples.length);
  const decibels = rms > 0 ? 20 * Math.log10(rms) : -100;
  return Math.round(Math.min(100, Math.max(0, ((decibels + 60) / 60) * 100)));
}

/** Follows the stream's microphone level (Web Audio analyser) and whether a voice was heard. */
export function useMicLevel(stream: MediaStream | null) {
  const [level, setLevel] = useState(0);
  const [isHeard, setIsHeard] = useState(false);

  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0) return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
    void context.resume();
    const samples = new Float32Array(analyser.fftSize);
    const recent: boolean[] = [];
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const next = levelOf(samples);
      recent.push(next >= HEARD_LEVEL);
      if (recent.length > WINDOW_FRAMES) recent.shift();
      if (recent.filter(Boolean).length >= HEARD_FRAMES) setIsHeard(true);
      setLevel(next);
    }, 1000 / UPDATES_PER_SECOND);
    return () => {
      clearInterval(timer);
      void context.close();
    };
  }, [stream]);

  return { level, isHeard };
}
