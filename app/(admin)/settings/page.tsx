import type { Metadata } from "next";
import Link from "next/link";

import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import {
  CalendarSubjectName,
  DateOrder,
  Role,
  ZoomConnectionStatus,
} from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { getOrganizationOverview } from "@/lib/organizations/organization-settings";
import { DEFAULT_REMINDER_OFFSETS_MINUTES } from "@/lib/organizations/reminder-offsets";
import { findReminderSettings } from "@/lib/organizations/reminder-settings";
import { findSessionSettings } from "@/lib/organizations/session-settings";
import { findSubjectSettings } from "@/lib/organizations/subject-settings";
import { getBoardSettings } from "@/lib/today/board-settings";
import { listTimeZones } from "@/lib/organizations/schemas";
import { timeZoneOptions } from "@/lib/organizations/time-zone-options";

import { OrganizationForm } from "./organization-form";
import { SubjectSettingsForm } from "./subject-settings-form";
import { BoardSettingsForm } from "./board-settings-form";
import { ReminderSettingsForm } from "./reminder-settings-form";
import { SessionSettingsForm } from "./session-settings-form";

function ZoomStatusBadge({ status }: { status: ZoomConnectionStatus | null }) {
  if (status === ZoomConnectionStatus.ACTIVE) return <Badge tone="green">Linked</Badge>;
  if (status === ZoomConnectionStatus.NEEDS_RELINK)
    return <Badge tone="red">Needs relinking</Badge>;
  return <Badge>Not linked</Badge>;
}

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const viewer = await requireRole(Role.ADMIN);
  const { organization, usersByRole, subjectCount, zoomStatus } = await getOrganizationOverview({
    viewer,
  });
  const [sessions, subjects, board, reminders] = await Promise.all([
    findSessionSettings({ viewer }),
    findSubjectSettings({ viewer }),
    getBoardSettings(viewer.organizationId),
    findReminderSettings({ viewer }),
  ]);
  const stats: [string, number][] = [
    ["Administrators", usersByRole[Role.ADMIN] ?? 0],
    ["Care team members", usersByRole[Role.CARE_TEAM] ?? 0],
    ["Patients with portal accounts", usersByRole[Role.PATIENT] ?? 0],
    ["Subjects", subjectCount],
  ];
  return (
    <>
      <PageHeader title="Settings" description={organization.name} />
      <section aria-labelledby="overview-heading" className="mb-8">
        <h2 id="overview-heading" className="mb-3 text-lg font-semibold">
          Overview
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {stats.map(([label, value]) => (
            <Card key={label} as="div" className="p-4">
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="text-2xl font-bold">{value.toLocaleString("en-US")}</dd>
            </Card>
          ))}
        </dl>
        <p className="mt-3 text-sm">
          <Link href="/subjects" className="font-semibold text-blue-700 underline">
            Search subjects
          </Link>
        </p>
      </section>
      <Card className="mb-8">
        <h2 className="mb-2 text-lg font-semibold">Video conferencing</h2>
        <p className="mb-3 flex items-center gap-2">
          Zoom: <ZoomStatusBadge status={zoomStatus} />
        </p>
        <Link href="/settings/zoom" className="font-semibold text-blue-700 underline">
          Manage the Zoom connection
        </Link>
      </Card>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Clinic</h2>
        <OrganizationForm
          name={organization.name}
          timeZone={organization.timeZone}
          timeZones={timeZoneOptions(listTimeZones(), organization.timeZone)}
        />
      </Card>
      <Card className="mt-8">
        <h2 className="mb-4 text-lg font-semibold">Sessions</h2>
        <SessionSettingsForm
          sessionIdleMinutes={sessions?.sessionIdleMinutes ?? 30}
          maxHours={env.SESSION_MAX_HOURS}
        />
      </Card>
      <Card className="mt-8">
        <h2 className="mb-4 text-lg font-semibold">Subjects</h2>
        <SubjectSettingsForm
          subjectRecordPrefix={subjects?.subjectRecordPrefix ?? ""}
          dateOrder={subjects?.dateOrder ?? DateOrder.MDY}
        />
      </Card>
      <Card className="mt-8">
        <h2 className="mb-4 text-lg font-semibold">Today board</h2>
        <BoardSettingsForm {...board} />
      </Card>
      <Card className="mt-8">
        <h2 className="mb-4 text-lg font-semibold">Reminders and calendar entries</h2>
        <ReminderSettingsForm
          reminderOffsetsMinutes={
            reminders?.reminderOffsetsMinutes ?? DEFAULT_REMINDER_OFFSETS_MINUTES
          }
          calendarSubjectName={reminders?.calendarSubjectName ?? CalendarSubjectName.INITIALS}
        />
      </Card>
    </>
  );
}
