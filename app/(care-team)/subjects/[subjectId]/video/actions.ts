"use server";

import { revalidatePath } from "next/cache";

import { Role } from "@/generated/prisma/enums";
import {
  type ActionState,
  actionErrorFrom,
  invalidInputState,
  withSubmittedValues,
} from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/format";
import { inviteGuest } from "@/lib/guests/invite-guest";
import { revokeGuest } from "@/lib/guests/revoke-guest";
import { inviteGuestInputSchema, revokeGuestInputSchema } from "@/lib/guests/schemas";
import type { InviteGuestState } from "@/lib/guests/types";
import { runFormAction } from "@/lib/server/run-form-action";
import { cancelVisit } from "@/lib/visits/cancel-visit";
import { rescheduleVisit } from "@/lib/visits/reschedule-visit";
import { scheduleVisit } from "@/lib/visits/schedule-visit";
import {
  rescheduleVisitInputSchema,
  scheduleVisitInputSchema,
  startVisitInputSchema,
  visitIdInputSchema,
} from "@/lib/visits/schemas";
import { startVisit } from "@/lib/visits/start-visit";

const videoPath = (subjectId: string) => `/subjects/${subjectId}/video`;

/** The fields the schedule and reschedule forms show again after an error. */
const SCHEDULE_FIELDS = ["date", "time", "durationMinutes", "providerId"];
const RESCHEDULE_FIELDS = ["date", "time", "durationMinutes"];

export async function startMeetingAction(subjectId: string): Promise<ActionState> {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  const parsed = startVisitInputSchema.safeParse({ subjectId });
  if (!parsed.success) return { status: "error", message: "This subject cannot be found." };
  try {
    const { visit } = await startVisit({ viewer, subjectId: parsed.data.subjectId });
    revalidatePath(videoPath(visit.subjectId));
    return { status: "success", id: visit.id };
  } catch (error) {
    return actionErrorFrom(error);
  }
}

export async function scheduleVisitAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  return runFormAction(formData, {
    schema: scheduleVisitInputSchema,
    run: (input) => scheduleVisit({ ...input, viewer }),
    invalid: (error) =>
      withSubmittedValues(invalidInputState(error, ["subjectId"]), formData, SCHEDULE_FIELDS),
    failed: (error) => withSubmittedValues(actionErrorFrom(error), formData, SCHEDULE_FIELDS),
    done: (visit) => {
      revalidatePath(videoPath(visit.subjectId));
      const when = formatDateTime(visit.scheduledStart, viewer.timeZone);
      return { status: "success", message: `Visit scheduled for ${when}.` };
    },
  });
}

export async function rescheduleVisitAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  return runFormAction(formData, {
    schema: rescheduleVisitInputSchema,
    run: (input) => rescheduleVisit({ ...input, viewer }),
    invalid: (error) =>
      withSubmittedValues(invalidInputState(error, ["visitId"]), formData, RESCHEDULE_FIELDS),
    failed: (error) => withSubmittedValues(actionErrorFrom(error), formData, RESCHEDULE_FIELDS),
    done: (visit) => {
      revalidatePath(videoPath(visit.subjectId));
      const when = formatDateTime(visit.scheduledStart, viewer.timeZone);
      return { status: "success", message: `Visit moved to ${when}.` };
    },
  });
}

export async function cancelVisitAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  return runFormAction(formData, {
    schema: visitIdInputSchema,
    run: ({ visitId }) => cancelVisit({ viewer, visitId }),
    invalid: () => ({ status: "error", message: "This visit cannot be found." }),
    done: (visit) => {
      revalidatePath(videoPath(visit.subjectId));
      return { status: "success", message: "Visit cancelled." };
    },
  });
}

const INVITE_MESSAGES = {
  true: "Invitation sent. This is the guest's link; copy it now, it is not shown again.",
  false: "The email could not be sent. Copy the guest's link now, it is not shown again.",
  null: "Copy the guest's link now and give it to them: it is not shown again.",
} as const;

export async function inviteGuestAction(
  _prev: InviteGuestState,
  formData: FormData,
): Promise<InviteGuestState> {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  const parsed = inviteGuestInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInputState(parsed.error, ["visitId"]);
  try {
    const link = await inviteGuest({ ...parsed.data, viewer });
    revalidatePath(videoPath(link.subjectId));
    const message = INVITE_MESSAGES[`${link.emailed}`];
    return { status: "invited", url: link.url, emailed: link.emailed, message };
  } catch (error) {
    return actionErrorFrom(error);
  }
}

export async function revokeGuestAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  return runFormAction(formData, {
    schema: revokeGuestInputSchema,
    run: ({ guestId }) => revokeGuest({ viewer, guestId }),
    invalid: () => ({ status: "error", message: "This guest cannot be found." }),
    done: (revoked) => {
      revalidatePath(videoPath(revoked.subjectId));
      return { status: "success", message: "Link revoked." };
    },
  });
}
