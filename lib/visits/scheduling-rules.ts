import "server-only";

import { Role, VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import {
  instantToZonedTime,
  isCalendarDate,
  type LocalDateTime,
  zonedTimeToInstant,
} from "@/lib/time-zone";
import { SCHEDULING_HORIZON_YEARS } from "@/lib/visits/constants";
import type { DateRange } from "@/lib/visits/types";

// Checks shared by scheduling and rescheduling. Each failure is a 400 or 409 whose message says
// what to change, shown on the form.

function invalid(field: string, message: string): AppError {
  return new AppError("bad_request", message, {
    userMessage: message,
    fields: { [field]: [message] },
  });
}

/** The latest start that may be scheduled: SCHEDULING_HORIZON_YEARS after now. */
function schedulingHorizon(now: Date): Date {
  const horizon = new Date(now.getTime());
  horizon.setUTCFullYear(horizon.getUTCFullYear() + SCHEDULING_HORIZON_YEARS);
  return horizon;
}

/** The dates a visit may be scheduled on, in the clinic's zone, for the forms' date pickers. */
export function deriveSchedulableDates(now: Date, timeZone: string): DateRange {
  return {
    min: instantToZonedTime(now, timeZone).date,
    max: instantToZonedTime(schedulingHorizon(now), timeZone).date,
  };
}

/**
 * The instant of a wall-clock time in the clinic's zone, in the future and within the scheduling
 * horizon. Checked here as well as in the form's schema, so that no caller stores a rolled-over date.
 */
export function startInstant(local: LocalDateTime, timeZone: string, now: Date): Date {
  if (!isCalendarDate(local.date)) throw invalid("date", "Choose a date that exists.");
  const start = zonedTimeToInstant(local, timeZone);
  if (!start)
    throw invalid(
      "time",
      "That time does not exist in the clinic's time zone (the clocks change). Choose another.",
    );
  if (start.getTime() <= now.getTime())
    throw invalid("date", "Choose a date and time in the future.");
  if (start.getTime() > schedulingHorizon(now).getTime())
    throw invalid("date", `Choose a date within the next ${SCHEDULING_HORIZON_YEARS} years.`);
  return start;
}

/** A care team member or administrator of the organization, still active. */
export async function assertSchedulableProvider(
  organizationId: string,
  providerId: string,
): Promise<void> {
  const provider = await db.user.findFirst({
    where: {
      id: providerId,
      organizationId,
      isActive: true,
      role: { in: [Role.CARE_TEAM, Role.ADMIN] },
    },
    select: { id: true },
  });
  if (!provider) throw invalid("providerId", "Choose a provider from the list.");
}

/** A provider holds one visit at a time: no overlap with their other scheduled or running visits. */
export async function assertNoOverlap(options: {
  providerId: string;
  start: Date;
  durationMinutes: number;
  timeZone: string;
  exceptVisitId?: string;
}) {
  const end = new Date(options.start.getTime() + options.durationMinutes * 60_000);
  const candidates = await db.visit.findMany({
    where: {
      providerId: options.providerId,
      status: { in: [VisitStatus.SCHEDULED, VisitStatus.IN_PROGRESS] },
      scheduledStart: { lt: end, gte: new Date(options.start.getTime() - 24 * 3_600_000) },
      ...(options.exceptVisitId ? { id: { not: options.exceptVisitId } } : {}),
    },
    select: { scheduledStart: true, durationMinutes: true },
    orderBy: { scheduledStart: "asc" },
    take: 50,
  });
  const clash = candidates.find(
    (visit) =>
      visit.scheduledStart.getTime() + visit.durationMinutes * 60_000 > options.start.getTime(),
  );
  if (clash) {
    const message = `The provider already has a visit at ${formatDateTime(clash.scheduledStart, options.timeZone)}. Choose another time.`;
    throw new AppError("conflict", message, { userMessage: message, fields: { time: [message] } });
  }
}
