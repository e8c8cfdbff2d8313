import { describe, expect, it } from "vitest";

import { Prisma } from "@/generated/prisma/client";
import { actionErrorFrom } from "@/lib/action-state";
import { db } from "@/lib/db/db";
import { isUnstorableTextError, UNSTORABLE_TEXT_MESSAGE } from "@/lib/errors";
import { toErrorResponse } from "@/lib/server/http";
import { pooledSql } from "@/lib/db/sql";
import { createClinic } from "@/tests/support/viewers";

// A NUL byte passes zod's string checks but PostgreSQL refuses it: such input must be a 400 or a
// form error everywhere, never a 500, whichever way the query went.

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("Expected the query to fail");
}

describe("text PostgreSQL cannot store", () => {
  it("is recognised from Prisma, from a Prisma transaction and from plain SQL, and writes nothing", async () => {
    const { organization } = await createClinic(db);
    const errors = [
      await failure(() => db.user.findFirst({ where: { email: "care\u0000team@example.test" } })),
      await failure(() =>
        db.$transaction((tx) =>
          tx.organization.update({ where: { id: organization.id }, data: { name: "A\u0000B" } }),
        ),
      ),
      await failure(() => pooledSql.query(Prisma.sql`SELECT ${"a\u0000b"}::text`)),
    ];
    expect(errors.map(isUnstorableTextError)).toEqual([true, true, true]);
    const stored = await db.organization.findUniqueOrThrow({ where: { id: organization.id } });
    expect(stored.name).toBe(organization.name);

    const response = toErrorResponse(errors[0]);
    expect(response.status).toBe(400);
    await expect(response.json()).resolves.toEqual({
      error: { code: "bad_request", message: UNSTORABLE_TEXT_MESSAGE },
    });
    expect(actionErrorFrom(errors[1])).toEqual({
      status: "error",
      message: UNSTORABLE_TEXT_MESSAGE,
    });
  });

  it("is not any other database error", async () => {
    const error = await failure(() => pooledSql.query(Prisma.sql`SELECT 1 / 0`));
    expect(isUnstorableTextError(error)).toBe(false);
    expect(toErrorResponse(error).status).toBe(500);
  });
});
