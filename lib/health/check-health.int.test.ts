import { describe, expect, it } from "vitest";

import { checkHealth } from "@/lib/health/check-health";
import { loadFresh } from "@/tests/support/fresh-modules";

describe("checkHealth", () => {
  it("is ok when the database answers", async () => {
    await expect(checkHealth()).resolves.toEqual({ status: "ok" });
  });

  it("is unavailable, not an error, when the database does not answer", async () => {
    const shared = globalThis as { carevisitDb?: unknown; carevisitPool?: unknown };
    const saved = {
      url: process.env.DATABASE_URL,
      db: shared.carevisitDb,
      pool: shared.carevisitPool,
    };
    try {
      delete shared.carevisitDb;
      delete shared.carevisitPool;
      process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/nowhere";
      const fresh = await loadFresh(() => import("@/lib/health/check-health"));
      await expect(fresh.checkHealth()).resolves.toEqual({
        status: "unavailable",
        reason: "database",
      });
    } finally {
      process.env.DATABASE_URL = saved.url;
      shared.carevisitDb = saved.db;
      shared.carevisitPool = saved.pool;
    }
  });
});
