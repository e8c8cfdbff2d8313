import "server-only";

import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db, type Tx } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { findProbableDuplicate, type ProbableDuplicate } from "@/lib/subjects/duplicates";
import { SUBJECT_FIELD_NAMES, type SubjectForm } from "@/lib/subjects/schemas";
import {
  rethrowTakenRecordNumber,
  SUBJECT_FIELDS_SELECT,
  subjectData,
} from "@/lib/subjects/subject-data";

export type UpdateSubjectOptions = SubjectForm & {
  viewer: Viewer;
  subjectId: string;
  /** The person confirmed that the portal account's sign-in email changes too. */
  confirmEmailChange: boolean;
};

export type UpdateSubjectResult =
  | { status: "updated"; changed: string[] }
  | { status: "duplicate"; duplicate: ProbableDuplicate }
  | { status: "confirm_email" };

const EMAIL_REFUSED = "This email address cannot be used to sign in. Use another one.";

/**
 * Edits a subject of the viewer's clinic (another clinic's is not found). When the subject has a
 * portal account, a new email becomes the account's sign-in email in the same transaction, once
 * confirmed. Audited with the names of the fields that changed.
 */
export async function updateSubject(options: UpdateSubjectOptions): Promise<UpdateSubjectResult> {
  const { viewer, subjectId, fields, addAnyway, confirmEmailChange } = options;
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.subject.findFirst({
        where: { id: subjectId, organizationId: viewer.organizationId },
        select: { ...SUBJECT_FIELDS_SELECT, userId: true },
      });
      if (!current) throw new AppError("not_found", "Subject not found");
      const data = subjectData({
        ...fields,
        recordNumber: fields.recordNumber ?? current.recordNumber,
      });
      const changed: string[] = SUBJECT_FIELD_NAMES.filter(
        (name) => String(data[name]) !== String(current[name]),
      );
      if (changed.length === 0) return { status: "updated", changed };
      const identityChanged = changed.some(
        (name) => name !== "phone" && name !== "preferredLanguage",
      );
      const duplicate =
        addAnyway || !identityChanged
          ? null
          : await findProbableDuplicate(tx, viewer.organizationId, { ...fields }, subjectId);
      if (duplicate) return { status: "duplicate", duplicate };
      const emailChanged = changed.includes("email") && current.userId !== null;
      if (emailChanged && !confirmEmailChange) return { status: "confirm_email" };
      if (emailChanged) await moveSignInEmail(tx, current.userId as string, data.email);
      await tx.subject.update({ where: { id: subjectId }, data, select: { id: true } });
      await recordAudit(tx, {
        actor: viewer,
        action: "subject.update",
        targetType: "subject",
        targetId: subjectId,
        subjectId,
        details: { changed, isSignInEmailChanged: emailChanged },
      });
      return { status: "updated", changed };
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    rethrowTakenRecordNumber(error);
  }
}

/** The portal account signs in with the subject's new email; refused (neutrally) when taken. */
async function moveSignInEmail(tx: Tx, userId: string, email: string | null) {
  const refused = () =>
    new AppError("bad_request", EMAIL_REFUSED, { fields: { email: [EMAIL_REFUSED] } });
  if (!email) throw refused();
  const other = await tx.user.findFirst({
    where: { email, id: { not: userId } },
    select: { id: true },
  });
  if (other) throw refused();
  await tx.user.update({
    where: { id: userId },
    data: { email },
    select: { id: true },
  });
}
