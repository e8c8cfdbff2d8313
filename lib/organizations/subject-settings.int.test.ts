import { describe, expect, it } from "vitest";

import { DateOrder } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { isAppError } from "@/lib/errors";
import {
  findSubjectSettings,
  subjectSettingsInputSchema,
  updateSubjectSettings,
} from "@/lib/organizations/subject-settings";
import { takeNextRecordNumber } from "@/lib/subjects/record-number-counter";
import { createClinic } from "@/tests/support/viewers";

describe("updateSubjectSettings", () => {
  it("sets the record prefix Add subject assigns and the clinic's date order, audited", async () => {
    const clinic = await createClinic(db);
    const other = await createClinic(db);
    await updateSubjectSettings({
      viewer: clinic.viewers.admin,
      subjectRecordPrefix: "MRN-",
      dateOrder: DateOrder.DMY,
    });
    expect(await findSubjectSettings({ viewer: clinic.viewers.admin })).toEqual({
      subjectRecordPrefix: "MRN-",
      dateOrder: DateOrder.DMY,
    });
    expect(await findSubjectSettings({ viewer: other.viewers.admin })).toEqual({
      subjectRecordPrefix: "RFC-",
      dateOrder: DateOrder.MDY,
    });
    const next = await db.$transaction((tx) => takeNextRecordNumber(tx, clinic.organization.id));
    expect(next).toBe("MRN-0000001");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: clinic.organization.id, action: "organization.update" },
      orderBy: { id: "desc" },
      select: { actorUserId: true, details: true },
    });
    expect(audit).toEqual({
      actorUserId: clinic.admin.id,
      details: { changed: ["subjectRecordPrefix", "dateOrder"] },
    });
  });

  it("refuses the care team and leaves the settings as they were", async () => {
    const clinic = await createClinic(db);
    const error = await updateSubjectSettings({
      viewer: clinic.viewers.provider,
      subjectRecordPrefix: "X-",
      dateOrder: DateOrder.DMY,
    }).catch((caught: unknown) => caught);
    expect(isAppError(error, "forbidden")).toBe(true);
    expect(await findSubjectSettings({ viewer: clinic.viewers.admin })).toEqual({
      subjectRecordPrefix: "RFC-",
      dateOrder: DateOrder.MDY,
    });
  });

  it("gives each bad field its own message", () => {
    const result = subjectSettingsInputSchema.safeParse({
      subjectRecordPrefix: "RFC\u202E-",
      dateOrder: "YMD",
    });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(["subjectRecordPrefix", "dateOrder"]);
    expect(
      subjectSettingsInputSchema.safeParse({ subjectRecordPrefix: " A1- ", dateOrder: "MDY" }),
    ).toMatchObject({ success: true, data: { subjectRecordPrefix: "A1-" } });
  });
});
