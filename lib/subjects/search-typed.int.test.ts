import { describe, expect, it } from "vitest";

import { DateOrder } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { subjectSearchParamsSchema } from "@/lib/subjects/schemas";
import { searchSubjects } from "@/lib/subjects/search-subjects";
import { createSubject } from "@/prisma/factories";
import { createClinic } from "@/tests/support/viewers";

// Issue 14, item 4: what people type into the search box finds the subject (letter swaps,
// a misspelled first name, record numbers without prefix or zeros, dates of birth as written).

type Clinic = Awaited<ReturnType<typeof createClinic>>;

function search(clinic: Clinic, q: string) {
  return searchSubjects({
    ...subjectSearchParamsSchema.parse({ q }),
    viewer: clinic.viewers.provider,
  });
}

const ids = (result: { items: { id: string }[] }) => result.items.map((item) => item.id);

/** A clinic like the demo one: Maria Lopez is RFC-0000001, born on 17 May 1984. */
async function demoLikeClinic(dateOrder: DateOrder = DateOrder.MDY) {
  const clinic = await createClinic(db);
  const organizationId = clinic.organization.id;
  await db.organization.update({ where: { id: organizationId }, data: { dateOrder } });
  const subject = (recordNumber: string, firstName: string, lastName: string, born: string) =>
    createSubject(db, {
      organizationId,
      recordNumber,
      firstName,
      lastName,
      dateOfBirth: new Date(`${born}T00:00:00Z`),
    });
  return {
    clinic,
    maria: await subject("RFC-0000001", "Maria", "Lopez", "1984-05-17"),
    john: await subject("RFC-0000002", "John", "Smith", "1950-05-06"),
    ann: await subject("RFC-0000010", "Ann", "Brown", "1971-11-30"),
  };
}

describe("searchSubjects finds what people type", () => {
  it("corrects letter swaps and a misspelled first name with a correct surname", async () => {
    const { clinic, maria, john, ann } = await demoLikeClinic();
    const smtih = await search(clinic, "Smtih");
    expect(smtih.correctedQuery).toBe("smith");
    expect(ids(smtih)).toEqual([john.id]);
    expect(ids(await search(clinic, "Brwon"))).toEqual([ann.id]);
    const maira = await search(clinic, "Maira Lopez");
    expect(maira.correctedQuery).toBe("maria lopez");
    expect(ids(maira)).toEqual([maria.id]);
  });

  it("finds a record number by its digits, without its prefix or zeros", async () => {
    const { clinic, maria, ann } = await demoLikeClinic();
    expect(ids(await search(clinic, "0000001"))).toEqual([maria.id]);
    expect(ids(await search(clinic, "rfc1"))).toEqual([maria.id]);
    expect(ids(await search(clinic, "RFC-10"))).toEqual([ann.id]);
    expect(ids(await search(clinic, "abc1"))).toEqual([]);
  });

  it.each(["05/17/84", "May 17 1984", "17.05.1984", "17 mayo 1984", "1984-05-17"])(
    "finds a date of birth written %s",
    async (typed) => {
      const { clinic, maria } = await demoLikeClinic();
      expect(ids(await search(clinic, typed))).toEqual([maria.id]);
    },
  );

  it("reads an ambiguous date in the clinic's date order only", async () => {
    const us = await demoLikeClinic(DateOrder.MDY);
    expect(ids(await search(us.clinic, "05/06/1950"))).toEqual([us.john.id]);
    expect(ids(await search(us.clinic, "06/05/1950"))).toEqual([]);
    const eu = await demoLikeClinic(DateOrder.DMY);
    expect(ids(await search(eu.clinic, "06/05/1950"))).toEqual([eu.john.id]);
    expect(ids(await search(eu.clinic, "05/06/1950"))).toEqual([]);
  });
});
