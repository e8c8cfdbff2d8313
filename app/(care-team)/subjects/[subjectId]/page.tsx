import type { Metadata } from "next";
import Link from "next/link";

import { ConsentCard } from "@/components/consent/consent-card";
import { Card } from "@/components/ui/card";
import { findSubjectConsentStatus } from "@/lib/consent/find-subject-consent-status";
import { formatDateOfBirth, formatDateTime } from "@/lib/format";
import { getPortalAccess } from "@/lib/portal/get-portal-access";
import { listVisits } from "@/lib/visits/list-visits";

import { loadSubject } from "./load-subject";
import { PortalAccess } from "./portal-access";

export const metadata: Metadata = { title: "Subject" };

type SubjectPageProps = { params: Promise<{ subjectId: string }> };

export default async function SubjectOverviewPage({ params }: SubjectPageProps) {
  const { viewer, subject } = await loadSubject((await params).subjectId);
  const [visits, consent, access] = await Promise.all([
    listVisits({ viewer, subjectId: subject.id }),
    findSubjectConsentStatus({ viewer, subjectId: subject.id }),
    getPortalAccess({ subjectId: subject.id, viewer }),
  ]);
  const next = visits.in_progress[0] ?? visits.upcoming[0];
  const facts: [string, string][] = [
    ["Record number", subject.recordNumber],
    ["Date of birth", formatDateOfBirth(subject.dateOfBirth)],
    ["Email", subject.email ?? "—"],
    ["Phone", subject.phone ?? "—"],
    ["Portal account", subject.user?.isActive ? "Active" : "None"],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">Key facts</h2>
          <Link
            href={`/subjects/${subject.id}/edit`}
            className="font-semibold text-blue-700 underline focus-visible:outline-2 focus-visible:outline-blue-700"
          >
            Edit subject
          </Link>
        </div>
        <dl className="grid gap-4 sm:grid-cols-2">
          {facts.map(([term, value]) => (
            <div key={term}>
              <dt className="text-sm text-slate-600">{term}</dt>
              <dd className="font-medium break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Next video visit</h2>
        <p className="mb-4 text-slate-700">
          {next
            ? `${formatDateTime(next.scheduledStart, viewer.timeZone)} with ${next.provider.firstName} ${next.provider.lastName}`
            : "None scheduled."}
        </p>
        <Link
          href={`/subjects/${subject.id}/video`}
          className="font-semibold text-blue-700 underline"
        >
          Open Video Conferencing
        </Link>
      </Card>
      {consent ? <ConsentCard status={consent} timeZone={viewer.timeZone} /> : null}
      {access ? <PortalAccess subjectId={subject.id} access={access} viewer={viewer} /> : null}
    </div>
  );
}
