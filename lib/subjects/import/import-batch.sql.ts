import { v7 as uuidv7 } from "uuid";

import { Prisma } from "@/generated/prisma/client";
import type { SubjectFields } from "@/lib/subjects/schemas";

// One batch of valid rows: the record numbers this run has not taken yet, the emails that another
// subject already has, then one multi-row upsert by record number. The search triggers on Subject
// fire per row as usual. An unchanged row matches no WHERE and returns nothing.

export function buildClaimRecordsSql(importId: string, recordNumbers: string[]): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "SubjectImportRecord" ("importId", "recordNumber")
    SELECT ${importId}::uuid, unnest(${recordNumbers}::text[])
    ON CONFLICT DO NOTHING
    RETURNING "recordNumber"`;
}

export type TakenEmailRow = { email: string; recordNumber: string };

export function buildTakenEmailsSql(organizationId: string, emails: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT email, "recordNumber" FROM "Subject"
    WHERE "organizationId" = ${organizationId}::uuid AND email = ANY(${emails}::text[])`;
}

export type UpsertRow = { inserted: boolean };

export function buildUpsertSubjectsSql(organizationId: string, rows: SubjectFields[]): Prisma.Sql {
  const column = <T>(pick: (row: SubjectFields) => T) => rows.map(pick);
  return Prisma.sql`
    INSERT INTO "Subject" (id, "organizationId", "recordNumber", "firstName", "lastName",
      "dateOfBirth", email, phone, "phoneDigits", "preferredLanguage", "updatedAt")
    SELECT id, ${organizationId}::uuid, rn, fn, ln, dob, em, ph, pd, lang, now()
    FROM unnest(${column(() => uuidv7())}::uuid[], ${column((r) => r.recordNumber)}::text[],
      ${column((r) => r.firstName)}::text[], ${column((r) => r.lastName)}::text[],
      ${column((r) => r.dateOfBirth)}::date[], ${column((r) => r.email)}::text[],
      ${column((r) => r.phone)}::text[], ${column((r) => r.phoneDigits)}::text[],
      ${column((r) => r.preferredLanguage)}::text[])
      AS t(id, rn, fn, ln, dob, em, ph, pd, lang)
    ON CONFLICT ("organizationId", "recordNumber") DO UPDATE SET
      "firstName" = EXCLUDED."firstName", "lastName" = EXCLUDED."lastName",
      "dateOfBirth" = EXCLUDED."dateOfBirth", email = EXCLUDED.email, phone = EXCLUDED.phone,
      "phoneDigits" = EXCLUDED."phoneDigits", "preferredLanguage" = EXCLUDED."preferredLanguage",
      "updatedAt" = now()
    WHERE ("Subject"."firstName", "Subject"."lastName", "Subject"."dateOfBirth", "Subject".email,
        "Subject".phone, "Subject"."preferredLanguage")
      IS DISTINCT FROM (EXCLUDED."firstName", EXCLUDED."lastName", EXCLUDED."dateOfBirth",
        EXCLUDED.email, EXCLUDED.phone, EXCLUDED."preferredLanguage")
    RETURNING (xmax = 0) AS inserted`;
}
