import type { Metadata } from "next";
import Link from "next/link";

import { ConsentStatusLine } from "@/components/consent/consent-status-line";
import { GuestList } from "@/components/guests/guest-list";
import { InviteGuestForm } from "@/components/guests/invite-guest-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { JoinMeetingLink } from "@/components/visits/join-meeting-link";
import { ScheduleVisitForm } from "@/components/visits/schedule-visit-form";
import { StartMeetingButton } from "@/components/visits/start-meeting-button";
import { LiveVisitPresence } from "@/components/visits/live-visit-presence";
import { VisitCard } from "@/components/visits/visit-card";
import { SubjectMessagingLine } from "@/components/visits/subject-messaging-line";
import { VisitChangeControls } from "@/components/visits/visit-change-controls";
import { VisitMessagesList } from "@/components/visits/visit-messages-list";
import { Role } from "@/generated/prisma/enums";
import { findSubjectConsentStatus } from "@/lib/consent/find-subject-consent-status";
import { listVisitGuests } from "@/lib/guests/list-visit-guests";
import { instantToZonedTime } from "@/lib/time-zone";
import { listVisitProviders } from "@/lib/visits/list-providers";
import { type ListedVisit, listVisits } from "@/lib/visits/list-visits";
import { deriveSchedulableDates } from "@/lib/visits/scheduling-rules";
import { staffLiveVisit } from "@/lib/visits/live-visit";
import { deriveVisitPhase, isChangeablePhase, joinOpensAt } from "@/lib/visits/visit-phase";
import { getZoomReadiness, type ZoomReadiness } from "@/lib/zoom/connection";

import { loadSubject } from "../load-subject";
import {
  cancelVisitAction,
  inviteGuestAction,
  rescheduleVisitAction,
  revokeGuestAction,
  scheduleVisitAction,
  startMeetingAction,
} from "./actions";

export const metadata: Metadata = { title: "Video Conferencing" };

type VideoPageProps = {
  params: Promise<{ subjectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const NOT_READY: Record<Exclude<ZoomReadiness, "ready">, string> = {
  not_configured: "Zoom is not configured on this server, so video visits cannot be created.",
  not_linked: "Zoom is not linked to CareVisit, so video visits cannot be created.",
  needs_relink: "The Zoom connection has stopped working, so video visits cannot be created.",
};

const JOIN_PROBLEMS: Record<string, string> = {
  cancelled: "That visit was cancelled.",
  no_meeting: "That visit has no video meeting.",
  over: "That visit is over.",
  not_yet: "That visit cannot be joined yet.",
  zoom_unavailable: "The meeting could not be created: Zoom is not linked or has stopped working.",
};

/** What the schedule form's answers depend on: the open visits and their times. */
function visitsRevision(visits: ListedVisit[]): string {
  return visits.map((visit) => `${visit.id}@${visit.scheduledStart.toISOString()}`).join(",");
}

function VisitGroup({
  title,
  visits,
  empty,
  render,
}: {
  title: string;
  visits: ListedVisit[];
  empty: string;
  render: (visit: ListedVisit) => React.ReactNode;
}) {
  return (
    <section aria-label={title} className="mb-8">
      <h3 className="mb-3 text-lg font-semibold">{title}</h3>
      {visits.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
          {empty}
        </p>
      ) : (
        <div className="flex flex-col gap-3">{visits.map(render)}</div>
      )}
    </section>
  );
}

export default async function VideoConferencingPage({ params, searchParams }: VideoPageProps) {
  const { viewer, subject } = await loadSubject((await params).subjectId);
  const query = await searchParams;
  const now = new Date();
  const [visits, readiness, providers, consent] = await Promise.all([
    listVisits({ viewer, subjectId: subject.id, now, withMessages: true }),
    getZoomReadiness(viewer.organizationId),
    listVisitProviders({ viewer }),
    findSubjectConsentStatus({ viewer, subjectId: subject.id }),
  ]);
  const openVisitIds = [...visits.in_progress, ...visits.upcoming].map((visit) => visit.id);
  const guests = await listVisitGuests({ viewer, visitIds: openVisitIds, now });
  const messagesOf = (visit: ListedVisit) => (
    <VisitMessagesList visitId={visit.id} messages={visit.messages} timeZone={viewer.timeZone} />
  );
  const isReady = readiness === "ready";
  const joinProblem = typeof query.join === "string" ? JOIN_PROBLEMS[query.join] : undefined;
  const tz = viewer.timeZone;
  const dates = deriveSchedulableDates(now, tz);
  // Visits in progress, and upcoming ones that patients can join within the hour, follow the
  // waiting room live; the live state moves them to another list when their phase changes.
  const liveUntil = new Date(now.getTime() + 60 * 60_000);
  const renderOpenVisit = (visit: ListedVisit) => {
    const phase = deriveVisitPhase(visit, now);
    const local = instantToZonedTime(visit.scheduledStart, tz);
    const isFollowed = phase !== "upcoming" || joinOpensAt(visit) <= liveUntil;
    return (
      <VisitCard
        key={visit.id}
        visit={visit}
        phase={phase}
        timeZone={tz}
        messages={messagesOf(visit)}
        presence={
          isFollowed ? (
            <LiveVisitPresence initial={staffLiveVisit(visit)} phase={phase} />
          ) : undefined
        }
        actions={
          <div className="flex flex-col gap-3">
            <GuestList
              guests={guests.get(visit.id) ?? []}
              timeZone={tz}
              revoke={revokeGuestAction}
            />
            <JoinMeetingLink visitId={visit.id} />
            <InviteGuestForm visitId={visit.id} action={inviteGuestAction} />
            {isReady && isChangeablePhase(phase) ? (
              <VisitChangeControls
                visitId={visit.id}
                date={local.date}
                time={local.time}
                durationMinutes={visit.durationMinutes}
                dates={dates}
                reschedule={rescheduleVisitAction}
                cancel={cancelVisitAction}
              />
            ) : null}
          </div>
        }
      />
    );
  };

  return (
    <>
      <div className="mb-4 flex items-start justify-between gap-4">
        <h2 className="text-xl font-bold">Video Conferencing</h2>
        <StartMeetingButton
          action={startMeetingAction.bind(null, subject.id)}
          disabledReason={isReady ? undefined : NOT_READY[readiness]}
        />
      </div>
      {consent ? (
        <div className="mb-6 text-sm">
          <ConsentStatusLine status={consent} timeZone={tz} />
        </div>
      ) : null}
      <div className="mb-6 text-sm empty:hidden">
        <SubjectMessagingLine
          hasEmail={subject.email !== null}
          remindersOptedOutAt={subject.remindersOptedOutAt}
          timeZone={tz}
        />
      </div>
      {!isReady ? (
        <Alert tone="warning" title={NOT_READY[readiness]} className="mb-6">
          {viewer.role === Role.ADMIN ? (
            <Link href="/settings/zoom" className="font-semibold underline">
              Open the video conferencing settings
            </Link>
          ) : (
            "Ask an administrator to link Zoom under Settings → Video conferencing."
          )}
        </Alert>
      ) : null}
      {joinProblem ? (
        <Alert tone="warning" className="mb-6">
          {joinProblem}
        </Alert>
      ) : null}

      <VisitGroup
        title="In progress"
        visits={visits.in_progress}
        empty="No visit is in progress."
        render={renderOpenVisit}
      />
      <VisitGroup
        title="Upcoming"
        visits={visits.upcoming}
        empty="No upcoming visits."
        render={renderOpenVisit}
      />
      <Card className="mb-8">
        <h3 className="mb-4 text-lg font-semibold">Schedule a video visit</h3>
        <ScheduleVisitForm
          action={scheduleVisitAction}
          subjectId={subject.id}
          providers={providers}
          defaultProviderId={viewer.role === Role.CARE_TEAM ? viewer.id : null}
          dates={dates}
          timeZone={tz}
          revision={visitsRevision([...visits.in_progress, ...visits.upcoming])}
        />
      </Card>
      <VisitGroup
        title="Past and cancelled"
        visits={visits.past}
        empty="No past visits."
        render={(visit) => (
          <VisitCard
            key={visit.id}
            visit={visit}
            phase={deriveVisitPhase(visit, now)}
            timeZone={tz}
            messages={messagesOf(visit)}
          />
        )}
      />
    </>
  );
}
