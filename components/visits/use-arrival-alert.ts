"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";

// Opt-in alerts when a patient starts waiting: a short chime and, where the browser allows it, a
// desktop notification. Neither names the patient. The choice is kept in this browser.

const STORAGE_KEY = "carevisit.arrival-alerts";
const CHANGE_EVENT = "carevisit:arrival-alerts";

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

const isOnInThisBrowser = () => window.localStorage.getItem(STORAGE_KEY) === "on";

let audio: AudioContext | null = null;

/**
 * Two soft tones. The audio context is created on the click that turns alerts on; after a reload
 * the browser allows it once the person has interacted with the page.
 */
function chime() {
  audio ??= new AudioContext();
  void audio.resume();
  const start = audio.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.25, 660],
  ] as const) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.15, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.4);
    tone.connect(gain).connect(audio.destination);
    tone.start(start + offset);
    tone.stop(start + offset + 0.4);
  }
}

/** The chime and, where allowed, the desktop notification "A patient is waiting" (no name). */
export function announcePatientWaiting(body: string, tag = "carevisit-patient-waiting") {
  chime();
  if ("Notification" in window && Notification.permission === "granted")
    new Notification("A patient is waiting", { body, tag });
}

/** Whether alerts are on in this browser, and the switch (asks for notifications when turned on). */
export function useArrivalAlertSetting() {
  const isOn = useSyncExternalStore(subscribe, isOnInThisBrowser, () => false);
  const toggle = async () => {
    if (isOn) {
      window.localStorage.removeItem(STORAGE_KEY);
    } else {
      audio ??= new AudioContext();
      await audio.resume();
      window.localStorage.setItem(STORAGE_KEY, "on");
      if ("Notification" in window && Notification.permission === "default")
        await Notification.requestPermission();
    }
    window.dispatchEvent(new Event(CHANGE_EVENT));
  };
  return { isOn, toggle };
}

export function useArrivalAlert(isWaiting: boolean) {
  const setting = useArrivalAlertSetting();
  const { isOn } = setting;
  const wasWaiting = useRef(isWaiting);

  useEffect(() => {
    if (isWaiting && !wasWaiting.current && isOn)
      announcePatientWaiting("Your video visit's patient is in the waiting room.");
    wasWaiting.current = isWaiting;
  }, [isWaiting, isOn]);

  return setting;
}
