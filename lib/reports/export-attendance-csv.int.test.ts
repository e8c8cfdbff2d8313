import { describe, expect, it } from "vitest";

import { ParticipantRole, Role, VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { isAppError } from "@/lib/errors";
import { ATTENDANCE_CSV_BATCH, exportAttendanceCsv } from "@/lib/reports/export-attendance-csv";
import { parseCsv } from "@/tests/support/parse-csv";
import { parseReportFilters, type ReportFilters } from "@/lib/reports/report-filters";
import { createClinic } from "@/tests/support/viewers";
import { createUser, createVisit } from "@/prisma/factories";

const NOW = new Date("2026-01-07T20:00:00Z");

function filtersFor(query: Record<string, string>): ReportFilters {
  const parsed = parseReportFilters(query, { timeZone: "America/New_York", now: NOW });
  if (!parsed.success) throw new Error(parsed.message);
  return parsed.filters;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  // Keep the byte-order mark: Response.text() would drop it.
  const bytes = await new Response(stream).arrayBuffer();
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

async function seedExportClinic() {
  const clinic = await createClinic(db);
  const organizationId = clinic.organization.id;
  // A name that needs quoting: a comma and double quotes.
  const provider = await createUser(db, {
    organizationId,
    role: Role.CARE_TEAM,
    firstName: 'Ana "Doc"',
    lastName: "Smith, Jr",
  });
  const base = { organizationId, subjectId: clinic.patient.subject.id, providerId: provider.id };
  // The patient signed consent v1 before the first visit, and v2 after the second one ended.
  for (const [version, acceptedAt] of [
    [1, "2026-01-05T12:00:00Z"],
    [2, "2026-01-06T16:00:00Z"],
  ] as const) {
    const text = await db.telehealthConsentVersion.create({
      data: { organizationId, version, body: `Consent v${version}`, createdById: clinic.admin.id },
    });
    await db.telehealthConsent.create({
      data: {
        organizationId,
        subjectId: clinic.patient.subject.id,
        userId: clinic.patient.user.id,
        versionId: text.id,
        version,
        signedName: "Signed",
        acceptedAt: new Date(acceptedAt),
      },
    });
  }
  const first = await createVisit(db, {
    ...base,
    scheduledStart: new Date("2026-01-05T14:00:00Z"),
    status: VisitStatus.ENDED,
  });
  await db.attendance.createMany({
    data: [
      {
        visitId: first.id,
        participantKey: "patient",
        sequence: 1,
        role: ParticipantRole.PATIENT,
        userId: clinic.patient.user.id,
        zoomUserId: "zu-patient",
        waitingRoomJoinedAt: new Date("2026-01-05T13:58:00Z"),
        joinedAt: new Date("2026-01-05T14:06:30Z"),
        leftAt: new Date("2026-01-05T14:26:00Z"),
      },
      {
        // A guest whose Zoom display name is a spreadsheet formula and spans two lines.
        visitId: first.id,
        participantKey: "guest",
        sequence: 1,
        role: ParticipantRole.UNKNOWN,
        displayName: '=HYPERLINK("http://evil.test","Click")\nme',
        joinedAt: new Date("2026-01-05T14:10:00Z"),
      },
    ],
  });
  // More stays than one batch, so the keyset has to carry on across batches.
  const crowded = await createVisit(db, {
    ...base,
    scheduledStart: new Date("2026-01-06T15:00:00Z"),
    status: VisitStatus.ENDED,
  });
  const crowd = ATTENDANCE_CSV_BATCH + 120;
  await db.attendance.createMany({
    data: Array.from({ length: crowd }, (_, n) => ({
      visitId: crowded.id,
      participantKey: `guest-${n}`,
      sequence: 1,
      role: ParticipantRole.STAFF,
      displayName: `Observer ${String(n).padStart(4, "0")}`,
      joinedAt: new Date("2026-01-06T15:01:00Z"),
    })),
  });
  // Not exported: after the range, and another clinic's visit in it.
  const later = await createVisit(db, {
    ...base,
    scheduledStart: new Date("2026-01-08T05:00:00Z"),
  });
  await db.attendance.create({
    data: { visitId: later.id, participantKey: "late", sequence: 1, displayName: "Later" },
  });
  const other = await createClinic(db);
  const foreign = await createVisit(db, {
    organizationId: other.organization.id,
    subjectId: other.patient.subject.id,
    providerId: other.provider.id,
    scheduledStart: new Date("2026-01-06T14:00:00Z"),
  });
  await db.attendance.create({
    data: { visitId: foreign.id, participantKey: "x", sequence: 1, displayName: "Elsewhere" },
  });
  return { clinic, provider, first, crowded, crowd, other };
}

describe("exportAttendanceCsv", () => {
  it("streams every stay in the range, escaped, in keyset order, and audits the export", async () => {
    const { clinic, first, crowded, crowd } = await seedExportClinic();
    const viewer = clinic.viewers.admin;
    const filters = filtersFor({ from: "2026-01-05", to: "2026-01-07" });

    const csv = await exportAttendanceCsv({ viewer, filters });
    // The audit row exists before a single byte is read.
    const audit = await db.auditEvent.findMany({
      where: { organizationId: clinic.organization.id, action: "attendance.export" },
      select: { actorUserId: true, targetType: true, targetId: true, details: true },
    });
    expect(audit).toEqual([
      {
        actorUserId: viewer.id,
        targetType: "organization",
        targetId: clinic.organization.id,
        details: { from: "2026-01-05", to: "2026-01-07", providerId: null },
      },
    ]);
    expect(csv.filename).toBe("attendance-2026-01-05-to-2026-01-07.csv");

    const text = await readAll(csv.stream);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([
      "Visit ID",
      "Scheduled start (America/New_York)",
      "Provider",
      "Patient record number",
      "Person",
      "Role",
      "Zoom user ID",
      "Waiting room joined",
      "Joined",
      "Left",
      "Waited (minutes)",
      "Telehealth consent",
    ]);
    expect(rows).toHaveLength(2 + crowd);
    const providerName = 'Ana "Doc" Smith, Jr';
    const record = clinic.patient.subject.recordNumber;
    const firstRows = rows.slice(0, 2).sort((a, b) => (a[5] ?? "").localeCompare(b[5] ?? ""));
    expect(firstRows).toEqual([
      [
        first.id,
        "2026-01-05 09:00:00",
        providerName,
        record,
        `${clinic.patient.user.firstName} ${clinic.patient.user.lastName}`,
        "PATIENT",
        "zu-patient",
        "2026-01-05 08:58:00",
        "2026-01-05 09:06:30",
        "2026-01-05 09:26:00",
        "9", // 8.5 minutes, rounded
        "v1 signed 2026-01-05 07:00:00",
      ],
      [
        first.id,
        "2026-01-05 09:00:00",
        providerName,
        record,
        // The formula is defused with a leading quote; the newline survives inside quotes.
        `'=HYPERLINK("http://evil.test","Click")\nme`,
        "UNKNOWN",
        "",
        "",
        "2026-01-05 09:10:00",
        "",
        "",
        "v1 signed 2026-01-05 07:00:00",
      ],
    ]);
    const crowdRows = rows.slice(2);
    expect(new Set(crowdRows.map((row) => row[0]))).toEqual(new Set([crowded.id]));
    expect(new Set(crowdRows.map((row) => row[4])).size).toBe(crowd);
    expect(crowdRows[0]?.slice(1, 4)).toEqual(["2026-01-06 10:00:00", providerName, record]);
    // v2 was signed after this visit's end: the visit ran under v1.
    expect(new Set(crowdRows.map((row) => row[11]))).toEqual(
      new Set(["v1 signed 2026-01-05 07:00:00"]),
    );
    expect(rows.some((row) => row[4] === "Later" || row[4] === "Elsewhere")).toBe(false);
  });

  it("exports one provider's visits only", async () => {
    const { clinic, crowd } = await seedExportClinic();
    const emptyFilters = filtersFor({
      from: "2026-01-05",
      to: "2026-01-07",
      providerId: clinic.provider.id, // the clinic's other care team member, who hosted nothing
    });
    const csv = await exportAttendanceCsv({ viewer: clinic.viewers.admin, filters: emptyFilters });
    expect(parseCsv((await readAll(csv.stream)).slice(1))).toHaveLength(1); // the header only
    expect(crowd).toBeGreaterThan(ATTENDANCE_CSV_BATCH);
  });

  it("refuses another clinic's provider and a care team member, writing no audit row", async () => {
    const { clinic, other } = await seedExportClinic();
    const refused: unknown = await exportAttendanceCsv({
      viewer: clinic.viewers.admin,
      filters: filtersFor({ providerId: other.provider.id }),
    }).catch((error: unknown) => error);
    expect(isAppError(refused, "bad_request")).toBe(true);
    const forbidden: unknown = await exportAttendanceCsv({
      viewer: clinic.viewers.provider,
      filters: filtersFor({}),
    }).catch((error: unknown) => error);
    expect(isAppError(forbidden, "forbidden")).toBe(true);
    expect(
      await db.auditEvent.count({
        where: { organizationId: clinic.organization.id, action: "attendance.export" },
      }),
    ).toBe(0);
  });
});
