import { describe, expect, it } from "vitest";

import { CalendarSubjectName } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { fieldErrorsOf } from "@/lib/errors";
import {
  findReminderSettings,
  updateReminderSettings,
} from "@/lib/organizations/reminder-settings";
import { reminderSettingsInputSchema } from "@/lib/organizations/schemas";
import { appErrorOf } from "@/tests/support/app-error";
import { createClinic } from "@/tests/support/viewers";

const DEFAULTS = {
  reminderOffsetsMinutes: [1440, 15],
  calendarSubjectName: CalendarSubjectName.INITIALS,
};

/** The form's fields as the action reads them: ticked checkboxes' values, the radio's value. */
const form = (offsets: string[], calendarSubjectName: string = "INITIALS") =>
  reminderSettingsInputSchema.safeParse({ reminderOffsetsMinutes: offsets, calendarSubjectName });

describe("reminder settings", () => {
  it("start at 24 hours and 15 minutes with the patient's initials in calendar entries", async () => {
    const clinic = await createClinic(db);
    expect(await findReminderSettings({ viewer: clinic.viewers.admin })).toEqual(DEFAULTS);
  });

  it("store the offsets largest first and the calendar naming, audited, for this clinic only", async () => {
    const clinic = await createClinic(db);
    const other = await createClinic(db);
    const input = form(["15", "10080", "90"], "NONE");
    expect(input.success).toBe(true);
    await updateReminderSettings({ ...input.data!, viewer: clinic.viewers.admin });
    expect(await findReminderSettings({ viewer: clinic.viewers.admin })).toEqual({
      reminderOffsetsMinutes: [10080, 90, 15],
      calendarSubjectName: CalendarSubjectName.NONE,
    });
    expect(await findReminderSettings({ viewer: other.viewers.admin })).toEqual(DEFAULTS);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: clinic.organization.id, action: "organization.update" },
      orderBy: { id: "desc" },
      select: { actorUserId: true, targetId: true, details: true },
    });
    expect(audit).toEqual({
      actorUserId: clinic.admin.id,
      targetId: clinic.organization.id,
      details: {
        changed: ["reminderOffsetsMinutes", "calendarSubjectName"],
        to: { reminderOffsetsMinutes: [10080, 90, 15], calendarSubjectName: "NONE" },
      },
    });
  });

  it("turn reminders off with no offset chosen, and name only what changed", async () => {
    const clinic = await createClinic(db);
    await updateReminderSettings({ ...form([]).data!, viewer: clinic.viewers.admin });
    expect(await findReminderSettings({ viewer: clinic.viewers.admin })).toEqual({
      ...DEFAULTS,
      reminderOffsetsMinutes: [],
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: clinic.organization.id, action: "organization.update" },
      select: { details: true },
    });
    expect(audit.details).toMatchObject({ changed: ["reminderOffsetsMinutes"] });
  });

  it.each([
    [["10080", "4320", "2880", "1440", "240", "60"], "Choose at most 4 reminder times."],
    [["3"], "Each reminder goes between 5 minutes and 1 week before the visit."],
    [["20000"], "Each reminder goes between 5 minutes and 1 week before the visit."],
    [["15", "15"], "Choose each time only once."],
    [["15", "a quarter"], "Choose times from the list."],
  ])("refuse %j with one message on the field", (offsets, message) => {
    const result = form(offsets);
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ reminderOffsetsMinutes: [message] });
  });

  it("refuse an unknown calendar naming on its field", () => {
    const result = form(["15"], "NICKNAME");
    expect(Object.keys(fieldErrorsOf(result.error!))).toEqual(["calendarSubjectName"]);
  });

  it("are changed by administrators only", async () => {
    const clinic = await createClinic(db);
    const error = await appErrorOf(
      updateReminderSettings({
        reminderOffsetsMinutes: [60],
        calendarSubjectName: CalendarSubjectName.FULL_NAME,
        viewer: clinic.viewers.provider,
      }),
    );
    expect(error.code).toBe("forbidden");
    expect(await findReminderSettings({ viewer: clinic.viewers.admin })).toEqual(DEFAULTS);
    expect(
      await db.auditEvent.count({
        where: { organizationId: clinic.organization.id, action: "organization.update" },
      }),
    ).toBe(0);
  });
});
