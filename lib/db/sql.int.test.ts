import { describe, expect, it } from "vitest";

import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/db";
import { sqlOf, sqlTime, withSqlTransaction } from "@/lib/db/sql";

const ROUND_TRIP = Prisma.sql`SELECT ${sqlTime(new Date("2026-11-30T23:59:58.123Z"))}::timestamp(3) AS "at",
  ${"9223372036854775807"}::bigint::text AS "big",
  ${["01a22b6d-7c03-7027-bb8d-ea691523fe75"]}::uuid[] AS "ids"`;

describe("plain SQL", () => {
  it("gives the same values in a Prisma transaction and on its own connection", async () => {
    const inPrisma = await db.$transaction((tx) => sqlOf(tx).query(ROUND_TRIP));
    const onItsOwn = await withSqlTransaction((sql) => sql.query(ROUND_TRIP));
    const expected = {
      at: new Date("2026-11-30T23:59:58.123Z"),
      big: "9223372036854775807",
      ids: ["01a22b6d-7c03-7027-bb8d-ea691523fe75"],
    };
    expect(inPrisma).toEqual([expected]);
    expect(onItsOwn).toEqual([expected]);
  });

  it("commits only when the work succeeds", async () => {
    await withSqlTransaction((sql) =>
      sql.execute(Prisma.sql`CREATE TABLE "SqlProbe" ("n" int PRIMARY KEY)`),
    );
    await expect(
      withSqlTransaction(async (sql) => {
        await sql.execute(Prisma.sql`INSERT INTO "SqlProbe" VALUES (1)`);
        await sql.execute(Prisma.sql`INSERT INTO "SqlProbe" VALUES (1)`);
      }),
    ).rejects.toThrow(/duplicate key/);
    await withSqlTransaction((sql) => sql.execute(Prisma.sql`INSERT INTO "SqlProbe" VALUES (2)`));
    const rows = await withSqlTransaction((sql) =>
      sql.query<{ n: number }>(Prisma.sql`SELECT "n" FROM "SqlProbe" ORDER BY "n"`),
    );
    expect(rows).toEqual([{ n: 2 }]);
  });
});
