import { describe, expect, it } from "vitest";

import { detectBrowser } from "./detect-browser";

const AGENTS = {
  chromeAndroid:
    "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  chromeDesktop:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  edge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
  iphoneSafari:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  iphoneChrome:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
  macSafari:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  firefox: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  samsung:
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
};

describe("detectBrowser", () => {
  it.each([
    ["chromeAndroid", "chrome", true],
    ["chromeDesktop", "chrome", false],
    ["edge", "edge", false],
    ["iphoneSafari", "safari_ios", true],
    ["iphoneChrome", "safari_ios", true],
    ["macSafari", "safari", false],
    ["firefox", "firefox", false],
    ["samsung", "samsung", true],
  ] as const)("%s is %s", (agent, family, isMobile) => {
    expect(detectBrowser(AGENTS[agent])).toEqual({ family, isMobile });
  });

  it("says 'other' for what it does not know", () => {
    expect(detectBrowser("curl/8.5.0").family).toBe("other");
  });
});
