import { describe, expect, it } from "vitest";

import { checkHealth } from "@/lib/health/check-health";
import { loadFresh } from "@/lib/testing/fresh-modules";

describe("checkHealth", () => {
  it("is ok when the database answers", async () => {
    await expect(checkHealth()).resolves.toEqual({ status: "ok" });
  });

  it("is unavailable, not an error, when the database does not answer", async () => {
    const saved = {
      url: process.env.DATABASE_URL,
      db: (globalThis as { carevisitDb?: unknown }).carevisitDb,
    };
    try {
      delete (globalThis as { carevisitDb?: unknown }).carevisitDb;
      process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/nowhere";
      const fresh = await loadFresh(() => import("@/lib/health/check-health"));
      await expect(fresh.checkHealth()).resolves.toEqual({
        status: "unavailable",
        reason: "database",
      });
    } finally {
      process.env.DATABASE_URL = saved.url;
      (globalThis as { carevisitDb?: unknown }).carevisitDb = saved.db;
    }
  });
});
