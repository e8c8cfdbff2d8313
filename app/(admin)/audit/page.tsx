import type { Metadata } from "next";
import Link from "next/link";

import { AuditEventTable } from "@/components/audit/audit-event-table";
import { AuditFiltersForm, type AuditFilterValues } from "@/components/audit/audit-filters-form";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Role } from "@/generated/prisma/enums";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { auditActionLabel } from "@/lib/audit/describe-audit-event";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { parseAuditQuery } from "@/lib/audit/schemas";
import { requireRole } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Audit trail" };

const ACTION_OPTIONS = AUDIT_ACTIONS.map((value) => ({ value, label: auditActionLabel(value) }));

type AuditPageProps = { searchParams: Promise<RawQuery> };

type RawQuery = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) ?? "";

function filterValues(raw: RawQuery): AuditFilterValues {
  return {
    user: first(raw.user),
    subject: first(raw.subject),
    action: first(raw.action),
    from: first(raw.from),
    to: first(raw.to),
  };
}

/** The trail with the same filters, from a cursor (older pages) or from the newest event. */
function auditHref(values: AuditFilterValues, before?: string): string {
  const query = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ""));
  if (before) query.set("before", before);
  const search = query.toString();
  return search ? `/audit?${search}` : "/audit";
}

export default async function AuditPage({ searchParams }: AuditPageProps) {
  const viewer = await requireRole(Role.ADMIN);
  const raw = await searchParams;
  const values = filterValues(raw);
  const header = (
    <PageHeader
      title="Audit trail"
      description="Who viewed or changed what, newest first. The trail cannot be edited."
    />
  );
  const parsed = parseAuditQuery(raw);
  const page = parsed.success
    ? await listAuditEvents({ viewer, query: parsed.query }).catch((error: unknown) => {
        if (isAppError(error, "bad_request")) return error;
        throw error;
      })
    : null;
  const refusal = !parsed.success
    ? { message: parsed.message, fields: parsed.fields }
    : isAppError(page)
      ? { message: page.publicMessage, fields: page.extra.fields ?? {} }
      : null;
  return (
    <>
      {header}
      <AuditFiltersForm values={values} actions={ACTION_OPTIONS} fieldErrors={refusal?.fields} />
      {refusal ? (
        <Alert tone="error" title="The audit trail cannot be filtered that way">
          {refusal.message}.
        </Alert>
      ) : null}
      {page && !isAppError(page) ? (
        <>
          <AuditEventTable events={page.events} timeZone={viewer.timeZone} />
          <nav aria-label="Audit pages" className="mt-4 flex gap-3">
            {raw.before ? (
              <Link href={auditHref(values)} className={buttonClasses("secondary")}>
                Newest events
              </Link>
            ) : null}
            {page.nextCursor ? (
              <Link
                href={auditHref(values, page.nextCursor)}
                className={buttonClasses("secondary")}
              >
                Older events
              </Link>
            ) : null}
          </nav>
        </>
      ) : null}
    </>
  );
}
