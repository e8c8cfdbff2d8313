import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/db";
import { createSubject } from "@/lib/subjects/create-subject";
import {
  buildSubjectFormSchema,
  SUBJECT_FIELD_NAMES,
  subjectSearchParamsSchema,
} from "@/lib/subjects/schemas";
import { searchSubjects } from "@/lib/subjects/search-subjects";
import { updateSubject } from "@/lib/subjects/update-subject";
import { uniqueToken } from "@/prisma/factories";
import { appErrorOf } from "@/tests/support/app-error";
import { createClinic } from "@/tests/support/viewers";

type Clinic = Awaited<ReturnType<typeof createClinic>>;

/** Letters only, unique per test: names must be words. */
const uniqueWord = () =>
  uniqueToken()
    .replace(/\d/g, (digit) => "abcdefghij"[Number(digit)] ?? "a")
    .slice(0, 9);

function form(input: Record<string, string>) {
  return buildSubjectFormSchema().parse({
    firstName: "Ada",
    lastName: uniqueWord(),
    dateOfBirth: "1984-05-17",
    assignNextNumber: "on",
    ...input,
  });
}

const add = (clinic: Clinic, input: Record<string, string> = {}) =>
  createSubject({ viewer: clinic.viewers.provider, ...form(input) });

async function found(clinic: Clinic, q: string) {
  const result = await searchSubjects({
    ...subjectSearchParamsSchema.parse({ q }),
    viewer: clinic.viewers.provider,
  });
  return result.items.map((item) => item.id);
}

describe("createSubject", () => {
  it("adds a subject with the next number, found by search at once, audited with field names", async () => {
    const clinic = await createClinic(db);
    const lastName = uniqueWord();
    const created = await add(clinic, {
      lastName,
      phone: "(555) 010-2030",
      email: "ada@example.test",
    });
    if (created.status !== "created") throw new Error("expected a new subject");
    expect(created.recordNumber).toBe("RFC-0000001");
    const row = await db.subject.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ phone: "(555) 010-2030", phoneDigits: "5550102030" });
    expect(await found(clinic, lastName)).toEqual([created.id]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: created.id, action: "subject.create" },
    });
    expect(audit.details).toMatchObject({
      changed: [...SUBJECT_FIELD_NAMES],
    });
    expect(JSON.stringify(audit.details)).not.toContain(lastName);
  });

  it("asks before adding a probable duplicate, and adds it when told to", async () => {
    const clinic = await createClinic(db);
    const lastName = uniqueWord();
    const first = await add(clinic, { lastName, email: "same@example.test" });
    const again = await add(clinic, { lastName: lastName.toUpperCase() });
    expect(again).toMatchObject({
      status: "duplicate",
      duplicate: { reason: "name_and_dob", recordNumber: "RFC-0000001" },
    });
    const sameEmail = await add(clinic, { firstName: "Other", email: "same@example.test" });
    expect(sameEmail).toMatchObject({ status: "duplicate", duplicate: { reason: "email" } });
    expect(first.status).toBe("created");
    expect(await add(clinic, { lastName, addAnyway: "on" })).toMatchObject({ status: "created" });
    expect(await db.subject.count({ where: { organizationId: clinic.organization.id } })).toBe(3);
  });

  it("never sees another clinic's subjects as duplicates", async () => {
    const [clinic, other] = [await createClinic(db), await createClinic(db)];
    const lastName = uniqueWord();
    await add(other, { lastName });
    expect(await add(clinic, { lastName })).toMatchObject({ status: "created" });
  });

  it("refuses a record number the clinic already has, on its field", async () => {
    const clinic = await createClinic(db);
    await add(clinic, { recordNumber: "MRN-1", assignNextNumber: "" });
    const error = await appErrorOf(add(clinic, { recordNumber: "mrn-1", assignNextNumber: "" }));
    expect(error.extra.fields?.recordNumber).toEqual([
      "Another subject of this clinic has this record number.",
    ]);
  });

  it("gives two concurrent adds two numbers, skipping numbers already used", async () => {
    const clinic = await createClinic(db);
    await add(clinic, { recordNumber: "RFC-0000001", assignNextNumber: "" });
    await add(clinic, { recordNumber: "RFC-0000002", assignNextNumber: "" });
    const results = await Promise.all([add(clinic), add(clinic), add(clinic)]);
    const numbers = results.map((result) =>
      result.status === "created" ? result.recordNumber : null,
    );
    expect(numbers.sort()).toEqual(["RFC-0000003", "RFC-0000004", "RFC-0000005"]);
  });
});

describe("updateSubject", () => {
  it("edits a subject: found by its new name at once, no longer by the old, audited", async () => {
    const clinic = await createClinic(db);
    const [oldName, newName] = [uniqueWord(), uniqueWord()];
    const created = await add(clinic, { lastName: oldName });
    if (created.status !== "created") throw new Error("expected a new subject");
    const result = await updateSubject({
      viewer: clinic.viewers.provider,
      subjectId: created.id,
      confirmEmailChange: false,
      ...form({ lastName: newName, phone: "555 111 2222" }),
    });
    expect(result).toEqual({ status: "updated", changed: ["lastName", "phone"] });
    expect(await found(clinic, newName)).toEqual([created.id]);
    expect(await found(clinic, oldName)).toEqual([]);
  });

  it("moves the portal account's sign-in email once confirmed; refuses one another user has", async () => {
    const clinic = await createClinic(db);
    const subject = await db.subject.findUniqueOrThrow({
      where: { id: clinic.patient.subject.id },
    });
    const edit = (email: string, confirmEmailChange: boolean) =>
      updateSubject({
        viewer: clinic.viewers.admin,
        subjectId: subject.id,
        confirmEmailChange,
        ...form({
          recordNumber: subject.recordNumber,
          assignNextNumber: "",
          firstName: subject.firstName,
          lastName: subject.lastName,
          dateOfBirth: subject.dateOfBirth.toISOString().slice(0, 10),
          phone: subject.phone ?? "",
          email,
        }),
      });
    const email = `${uniqueWord()}@example.test`;
    expect(await edit(email, false)).toEqual({ status: "confirm_email" });
    expect(await edit(email, true)).toMatchObject({ status: "updated", changed: ["email"] });
    const user = await db.user.findUniqueOrThrow({ where: { id: clinic.patient.user.id } });
    expect(user.email).toBe(email);
    const error = await appErrorOf(edit(clinic.provider.email, true));
    expect(error.extra.fields?.email).toEqual([
      "This email address cannot be used to sign in. Use another one.",
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(email);
  });

  it("does not find another clinic's subject", async () => {
    const [clinic, other] = [await createClinic(db), await createClinic(db)];
    const error = await appErrorOf(
      updateSubject({
        viewer: clinic.viewers.provider,
        subjectId: other.patient.subject.id,
        confirmEmailChange: false,
        ...form({}),
      }),
    );
    expect(error.code).toBe("not_found");
  });
});
