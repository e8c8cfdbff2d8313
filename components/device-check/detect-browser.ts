import type { BrowserFamily } from "@/lib/visits/device-check/constants";

// Which browser the patient uses, only to word the help for its settings: a wrong guess shows the
// general help, never blocks anything. Order matters: Samsung Internet and Edge say "Chrome" too,
// and every iPhone browser is Safari underneath (CriOS, FxiOS, EdgiOS use WebKit's settings).

export type BrowserGuess = { family: BrowserFamily; isMobile: boolean };

export function detectBrowser(userAgent: string): BrowserGuess {
  const isIos = /iPhone|iPad|iPod/.test(userAgent);
  const isMobile = isIos || /Android|Mobile/.test(userAgent);
  if (isIos) return { family: "safari_ios", isMobile };
  if (/SamsungBrowser\//.test(userAgent)) return { family: "samsung", isMobile };
  if (/Edg(A|iOS)?\//.test(userAgent)) return { family: "edge", isMobile };
  if (/Firefox\//.test(userAgent)) return { family: "firefox", isMobile };
  if (/(Chrome|Chromium|CriOS)\//.test(userAgent)) return { family: "chrome", isMobile };
  if (/Safari\//.test(userAgent) && /Macintosh/.test(userAgent))
    return { family: "safari", isMobile };
  return { family: "other", isMobile };
}
