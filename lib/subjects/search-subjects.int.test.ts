import { describe, expect, it, vi } from "vitest";

import { db } from "@/lib/db/db";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { findSubjectForViewer, subjectDetailSelect } from "@/lib/subjects/find-subject";
import { SUBJECTS_PAGE_SIZE } from "@/lib/subjects/constants";
import { subjectSearchParamsSchema } from "@/lib/subjects/schemas";
import { searchSubjects } from "@/lib/subjects/search-subjects";
import { createClinic } from "@/tests/support/viewers";
import { createSubject, createVisit, uniqueToken } from "@/prisma/factories";

type Clinic = Awaited<ReturnType<typeof createClinic>>;

/** Searches as the clinic's care team member, with the URL defaults for anything not given. */
function search(clinic: Clinic, query: Record<string, string>) {
  return searchSubjects({
    ...subjectSearchParamsSchema.parse(query),
    viewer: clinic.viewers.provider,
  });
}

const ids = (result: { items: { id: string }[] }) => result.items.map((item) => item.id);

/** Letters only, unique per test: names must be words. */
function uniqueWord(): string {
  return uniqueToken()
    .replace(/\d/g, (digit) => "abcdefghij"[Number(digit)] ?? "a")
    .slice(0, 9);
}

describe("searchSubjects", () => {
  it("finds by record number, exactly or by its start, first", async () => {
    const clinic = await createClinic(db);
    const organizationId = clinic.organization.id;
    const base = `MRN${uniqueWord().toUpperCase()}`;
    const exact = await createSubject(db, { organizationId, recordNumber: base });
    const longer = await createSubject(db, { organizationId, recordNumber: `${base}7` });
    expect(ids(await search(clinic, { q: base.toLowerCase() }))).toEqual([exact.id, longer.id]);
    expect(ids(await search(clinic, { q: base.slice(0, -2) }))).toEqual([exact.id, longer.id]);
  });

  it("finds by surname, first name and full name in either order, surnames first", async () => {
    const clinic = await createClinic(db);
    const organizationId = clinic.organization.id;
    const word = uniqueWord();
    const bySurname = await createSubject(db, {
      organizationId,
      firstName: "Ann",
      lastName: `${word}son`,
    });
    const byFirstName = await createSubject(db, {
      organizationId,
      firstName: word,
      lastName: "Zed",
    });
    const other = await createSubject(db, { organizationId, firstName: "Ann", lastName: "Other" });
    expect(ids(await search(clinic, { q: word }))).toEqual([bySurname.id, byFirstName.id]);
    expect(ids(await search(clinic, { q: `Ann ${word}` }))).toEqual([bySurname.id]);
    expect(ids(await search(clinic, { q: `${word}son, Ann` }))).toEqual([bySurname.id]);
    expect(ids(await search(clinic, { q: `${word} zed` }))).toEqual([byFirstName.id]);
    expect(ids(await search(clinic, { q: word }))).not.toContain(other.id);
  });

  it("corrects a misspelled name from the clinic's own names, and says so", async () => {
    const clinic = await createClinic(db);
    const other = await createClinic(db);
    const word = `${uniqueWord()}ez`;
    const subject = await createSubject(db, {
      organizationId: clinic.organization.id,
      firstName: "Maria",
      lastName: word,
    });
    const typo = `${word.slice(0, -2)}ze`;
    const result = await search(clinic, { q: `maria ${typo}` });
    expect(result.correctedQuery).toBe(`maria ${word}`);
    expect(ids(result)).toEqual([subject.id]);
    const elsewhere = await search(other, { q: `maria ${typo}` });
    expect(ids(elsewhere)).toEqual([]);
  });

  it("finds by date of birth in ISO and US forms, by email start and by phone in any punctuation", async () => {
    const clinic = await createClinic(db);
    const organizationId = clinic.organization.id;
    const word = uniqueWord();
    const subject = await createSubject(db, {
      organizationId,
      dateOfBirth: new Date(Date.UTC(1921, 2, 4)),
      email: `${word}.person@example.com`,
      phone: "(555) 867-5309",
      phoneDigits: `55586${word.length}5309`,
    });
    expect(ids(await search(clinic, { q: "1921-03-04" }))).toContain(subject.id);
    expect(ids(await search(clinic, { q: "3/4/1921" }))).toContain(subject.id);
    expect(ids(await search(clinic, { q: `${word}.pers` }))).toEqual([subject.id]);
    expect(ids(await search(clinic, { q: `(555) 86${word.length}-5309` }))).toContain(subject.id);
  });

  it("pages through many matches in a stable order, and sorts by a column", async () => {
    const clinic = await createClinic(db);
    const word = uniqueWord();
    for (let i = 0; i < SUBJECTS_PAGE_SIZE + 5; i++) {
      await createSubject(db, {
        organizationId: clinic.organization.id,
        lastName: word,
        firstName: `First${String.fromCharCode(97 + (i % 26))}${i}`,
        dateOfBirth: new Date(Date.UTC(1950 + i, 0, 1)),
      });
    }
    const first = await search(clinic, { q: word });
    const second = await search(clinic, { q: word, page: "2" });
    expect(first.items).toHaveLength(SUBJECTS_PAGE_SIZE);
    expect(first.hasNextPage).toBe(true);
    expect(second.items).toHaveLength(5);
    expect(second.hasNextPage).toBe(false);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(SUBJECTS_PAGE_SIZE + 5);
    const names = [...first.items, ...second.items].map((item) => item.firstName.toLowerCase());
    expect(names).toEqual([...names].sort());

    const byBirth = await search(clinic, { q: word, sort: "dob", dir: "desc" });
    const years = byBirth.items.map((item) => item.dateOfBirth.getUTCFullYear());
    expect(years[0]).toBe(1950 + SUBJECTS_PAGE_SIZE + 4);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it("filters by portal account and by upcoming visit", async () => {
    const clinic = await createClinic(db);
    const organizationId = clinic.organization.id;
    const word = uniqueWord();
    const withVisit = await createSubject(db, { organizationId, lastName: word });
    const plain = await createSubject(db, { organizationId, lastName: word });
    await createVisit(db, {
      organizationId,
      subjectId: withVisit.id,
      providerId: clinic.provider.id,
    });
    expect(ids(await search(clinic, { q: word, upcoming: "1" }))).toEqual([withVisit.id]);
    expect(ids(await search(clinic, { q: word, portal: "with" }))).toEqual([]);
    expect(new Set(ids(await search(clinic, { q: word, portal: "without" })))).toEqual(
      new Set([withVisit.id, plain.id]),
    );
    expect(
      ids(await search(clinic, { q: clinic.patient.subject.lastName, portal: "with" })),
    ).toContain(clinic.patient.subject.id);
  });

  it("never returns another organization's subjects, and audits without the query text", async () => {
    const clinic = await createClinic(db);
    const other = await createClinic(db);
    const word = uniqueWord();
    await createSubject(db, {
      organizationId: other.organization.id,
      lastName: word,
      recordNumber: `X${word.toUpperCase()}`,
    });
    expect(ids(await search(clinic, { q: word }))).toEqual([]);
    expect(ids(await search(clinic, { q: `X${word}` }))).toEqual([]);
    const browse = await search(clinic, {});
    expect(browse.items.every((item) => item.id !== other.patient.subject.id)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { actorUserId: clinic.provider.id, action: "subject.search" },
    });
    expect(JSON.stringify(audit.details)).not.toContain(word);
  });

  it("writes one audit row per search, with its page, result count and whether it was corrected", async () => {
    const clinic = await createClinic(db);
    const organizationId = clinic.organization.id;
    const word = `${uniqueWord()}ez`;
    for (let i = 0; i < SUBJECTS_PAGE_SIZE + 2; i++)
      await createSubject(db, { organizationId, firstName: "Maria", lastName: word });
    await search(clinic, { q: word });
    await search(clinic, { q: word, page: "2" });
    await search(clinic, { q: `maria ${word.slice(0, -2)}ze` });
    await search(clinic, { q: "qxqxqxqx" });
    await search(clinic, { q: "%" });
    await search(clinic, {});
    const audits = await db.auditEvent.findMany({
      where: { actorUserId: clinic.provider.id, action: "subject.search" },
      orderBy: { id: "asc" },
      select: { organizationId: true, actorRole: true, targetType: true, details: true },
    });
    const common = { organizationId, actorRole: "CARE_TEAM", targetType: "subject" };
    const page = (details: object) => ({ ...common, details });
    expect(audits).toEqual([
      page({ page: 1, hasQuery: true, isCorrected: false, resultCount: SUBJECTS_PAGE_SIZE }),
      page({ page: 2, hasQuery: true, isCorrected: false, resultCount: 2 }),
      page({ page: 1, hasQuery: true, isCorrected: true, resultCount: SUBJECTS_PAGE_SIZE }),
      page({ page: 1, hasQuery: true, isCorrected: false, resultCount: 0 }),
      page({ page: 1, hasQuery: true, isCorrected: false, resultCount: 0 }),
      page({ page: 1, hasQuery: false, isCorrected: false, resultCount: SUBJECTS_PAGE_SIZE }),
    ]);
  });

  it("writes no audit row for a search that fails: the row and the search are one statement", async () => {
    const clinic = await createClinic(db);
    await db.$executeRawUnsafe(`ALTER TABLE "Subject" RENAME TO "SubjectAway"`);
    try {
      await expect(search(clinic, { q: "maria" })).rejects.toThrow();
      await expect(search(clinic, { q: "RFC-01" })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "SubjectAway" RENAME TO "Subject"`);
    }
    const count = await db.auditEvent.count({
      where: { actorUserId: clinic.provider.id, action: "subject.search" },
    });
    expect(count).toBe(0);
  });

  it("still answers, and audits, when the name correction cannot be looked up", async () => {
    const clinic = await createClinic(db);
    const word = `${uniqueWord()}ez`;
    const subject = await createSubject(db, {
      organizationId: clinic.organization.id,
      firstName: "Maria",
      lastName: word,
    });
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    await db.$executeRawUnsafe(`ALTER TABLE "SubjectNameTerm" RENAME TO "SubjectNameTermAway"`);
    try {
      expect(ids(await search(clinic, { q: `maria ${word}` }))).toEqual([subject.id]);
      expect(await search(clinic, { q: `maria ${word.slice(0, -2)}ze` })).toMatchObject({
        items: [],
        correctedQuery: null,
      });
      expect(warn).toHaveBeenCalledWith(
        "subject.search.correction_failed",
        expect.objectContaining({ organizationId: clinic.organization.id }),
      );
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "SubjectNameTermAway" RENAME TO "SubjectNameTerm"`);
      warn.mockRestore();
    }
    const audits = await db.auditEvent.findMany({
      where: { actorUserId: clinic.provider.id, action: "subject.search" },
      orderBy: { id: "asc" },
      select: { details: true },
    });
    expect(audits.map((audit) => audit.details)).toEqual([
      { page: 1, hasQuery: true, isCorrected: false, resultCount: 1 },
      { page: 1, hasQuery: true, isCorrected: false, resultCount: 0 },
    ]);
  });

  it.each([
    "%",
    "_",
    "%%%%",
    "\\",
    '\'; DROP TABLE "Subject"; --',
    "😀",
    "--",
    "1/1",
    "@",
    "x".repeat(200),
  ])("treats %j as plain text: no error, no wildcard", async (q) => {
    const clinic = await createClinic(db);
    await expect(search(clinic, { q })).resolves.toMatchObject({ items: [], hasNextPage: false });
  });

  it("answers one or two letters with surname starts", async () => {
    const clinic = await createClinic(db);
    const subject = await createSubject(db, {
      organizationId: clinic.organization.id,
      lastName: "Qx",
    });
    expect(ids(await search(clinic, { q: "q" }))).toContain(subject.id);
    expect(ids(await search(clinic, { q: "QX" }))).toEqual([subject.id]);
  });

  it("is not for patients", async () => {
    const clinic = await createClinic(db);
    const error = await searchSubjects({
      ...subjectSearchParamsSchema.parse({}),
      viewer: clinic.viewers.patient,
    }).catch((caught: unknown) => caught);
    expect(isAppError(error, "forbidden")).toBe(true);
  });
});

describe("findSubjectForViewer", () => {
  it("returns the organization's subject to its care team and audits the read", async () => {
    const clinic = await createClinic(db);
    const subject = await findSubjectForViewer({
      subjectId: clinic.patient.subject.id,
      viewer: clinic.viewers.provider,
    });
    // As Prisma reads it: the same fields, types (dates, the user) and values.
    expect(subject).toEqual(
      await db.subject.findUnique({
        where: { id: clinic.patient.subject.id },
        select: subjectDetailSelect,
      }),
    );
    const audits = await db.auditEvent.findMany({
      where: { actorUserId: clinic.provider.id, action: "subject.view" },
    });
    expect(audits).toMatchObject([
      { subjectId: clinic.patient.subject.id, targetId: clinic.patient.subject.id },
    ]);
  });

  it("hides another organization's subject and another patient's record, auditing no read", async () => {
    const clinic = await createClinic(db);
    const other = await createClinic(db);
    expect(
      await findSubjectForViewer({
        subjectId: other.patient.subject.id,
        viewer: clinic.viewers.provider,
      }),
    ).toBeNull();
    expect(
      await findSubjectForViewer({
        subjectId: other.patient.subject.id,
        viewer: clinic.viewers.admin,
      }),
    ).toBeNull();
    const neighbour = await createSubject(db, { organizationId: clinic.organization.id });
    expect(
      await findSubjectForViewer({ subjectId: neighbour.id, viewer: clinic.viewers.patient }),
    ).toBeNull();
    expect(
      await findSubjectForViewer({
        subjectId: clinic.patient.subject.id,
        viewer: clinic.viewers.patient,
      }),
    ).not.toBeNull();
    const audited = await db.auditEvent.findMany({
      where: { organizationId: clinic.organization.id, action: "subject.view" },
      select: { subjectId: true },
    });
    expect(audited).toEqual([{ subjectId: clinic.patient.subject.id }]);
  });
});
