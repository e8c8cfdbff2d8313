import "server-only";

import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { findProbableDuplicate, type ProbableDuplicate } from "@/lib/subjects/duplicates";
import { takeNextRecordNumber } from "@/lib/subjects/record-number-counter";
import { SUBJECT_FIELD_NAMES, type SubjectForm } from "@/lib/subjects/schemas";
import { rethrowTakenRecordNumber, subjectData } from "@/lib/subjects/subject-data";

export type CreateSubjectOptions = SubjectForm & { viewer: Viewer };

export type CreateSubjectResult =
  | { status: "created"; id: string; recordNumber: string }
  | { status: "duplicate"; duplicate: ProbableDuplicate };

/**
 * Adds a subject to the viewer's clinic: with the next record number when none is given, never as
 * a silent second record of someone already there (a probable duplicate is returned, unless the
 * person chose Add anyway), audited with the names of the fields it set.
 */
export async function createSubject({
  viewer,
  fields,
  addAnyway,
}: CreateSubjectOptions): Promise<CreateSubjectResult> {
  const organizationId = viewer.organizationId;
  try {
    return await db.$transaction(async (tx) => {
      const duplicate = addAnyway ? null : await findProbableDuplicate(tx, organizationId, fields);
      if (duplicate) return { status: "duplicate", duplicate };
      const recordNumber = fields.recordNumber ?? (await takeNextRecordNumber(tx, organizationId));
      const subject = await tx.subject.create({
        data: { organizationId, ...subjectData({ ...fields, recordNumber }) },
        select: { id: true, recordNumber: true },
      });
      await recordAudit(tx, {
        actor: viewer,
        action: "subject.create",
        targetType: "subject",
        targetId: subject.id,
        subjectId: subject.id,
        details: {
          changed: SUBJECT_FIELD_NAMES.filter(
            (name) => fields[name] !== null || name === "recordNumber",
          ),
          isNumberAssigned: fields.recordNumber === null,
          isAddedAnyway: addAnyway,
        },
      });
      return { status: "created", ...subject };
    });
  } catch (error) {
    rethrowTakenRecordNumber(error);
  }
}
