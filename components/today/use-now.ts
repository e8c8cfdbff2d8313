"use client";

import { useEffect, useState } from "react";

/** The current time, renewed every `everyMs` (waits are shown in whole minutes). */
export function useNow(everyMs = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
