import { describe, expect, it } from "vitest";

import { buildWebManifest, shortNameOf } from "@/lib/pwa/web-manifest";

describe("the web app manifest", () => {
  it("names the clinic, with CareVisit when there is none to name", () => {
    expect(buildWebManifest("Riverside Family Clinic")).toMatchObject({
      name: "Riverside Family Clinic · CareVisit",
      short_name: "Riverside",
    });
    expect(buildWebManifest(null)).toMatchObject({ name: "CareVisit", short_name: "CareVisit" });
  });

  it("has what Chromium needs to install it: 192 and 512 px icons, a maskable one, standalone", () => {
    const manifest = buildWebManifest(null);
    expect(manifest.display).toBe("standalone");
    expect(manifest.icons?.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual([
      "192x192 any",
      "512x512 any",
      "512x512 maskable",
    ]);
  });

  it("fits the home-screen label in 12 characters", () => {
    expect(shortNameOf("Main St Clinic")).toBe("Main St");
    expect(shortNameOf("Supercalifragilistic Clinic")).toBe("Supercalifra");
    expect(shortNameOf("Small Clinic")).toBe("Small Clinic");
  });
});
