import type { Tx } from "@/lib/db/db";
import { buildHighestRecordNumberSql } from "@/lib/subjects/record-number-counter.sql";

/** Digits of an assigned number after the prefix (RFC-0000042), as the demo data writes them. */
const NUMBER_DIGITS = 7;

export function formatRecordNumber(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(NUMBER_DIGITS, "0")}`;
}

/**
 * Takes the clinic's next free record number inside the transaction that adds the subject. The
 * counter's row stays locked until that transaction ends, so two adds at once never get the same
 * number; numbers already used (typed by hand, imported, the demo's) are skipped.
 */
export async function takeNextRecordNumber(tx: Tx, organizationId: string): Promise<string> {
  for (;;) {
    const { subjectRecordPrefix, nextSubjectRecordNumber } = await tx.organization.update({
      where: { id: organizationId },
      data: { nextSubjectRecordNumber: { increment: 1 } },
      select: { subjectRecordPrefix: true, nextSubjectRecordNumber: true },
    });
    const recordNumber = formatRecordNumber(subjectRecordPrefix, nextSubjectRecordNumber - 1);
    const taken = await tx.subject.findUnique({
      where: { organizationId_recordNumber: { organizationId, recordNumber } },
      select: { id: true },
    });
    if (!taken) return recordNumber;
    await skipPastHighestNumber(tx, organizationId, subjectRecordPrefix);
  }
}

/** After a collision, the counter moves past the highest number of this form already used. */
async function skipPastHighestNumber(tx: Tx, organizationId: string, prefix: string) {
  const [highest] = await tx.$queryRaw<{ n: number | null }[]>(
    buildHighestRecordNumberSql(organizationId, prefix, NUMBER_DIGITS),
  );
  await tx.organization.update({
    where: { id: organizationId },
    data: { nextSubjectRecordNumber: (highest?.n ?? 0) + 1 },
    select: { id: true },
  });
}
