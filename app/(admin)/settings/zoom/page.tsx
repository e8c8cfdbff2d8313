import type { Metadata } from "next";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AddZoomButton } from "@/components/zoom/add-zoom-button";
import { DataDeletionList } from "@/components/zoom/data-deletion-list";
import { RemoveZoomDialog } from "@/components/zoom/remove-zoom-dialog";
import { ZoomUserMappings } from "@/components/zoom/zoom-user-mappings";
import { Role, ZoomConnectionStatus } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { isZoomLinkFailure, ZOOM_LINK_FAILURES } from "@/lib/zoom/link/link-failure";
import { getZoomOverview } from "@/lib/zoom/link/zoom-overview";

import { cancelDataDeletionAction, removeZoomLinkAction, startZoomLinkAction } from "./actions";

export const metadata: Metadata = { title: "Video conferencing" };

type ZoomSettingsPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const ADD_LABEL = "Add CareVisit to your Zoom Account";

export default async function ZoomSettingsPage({ searchParams }: ZoomSettingsPageProps) {
  const viewer = await requireRole(Role.ADMIN);
  const query = await searchParams;
  const { isConfigured, connection, deletions, staff, staffCount } = await getZoomOverview({
    viewer,
  });
  const when = (date: Date | null) => (date ? formatDateTime(date, viewer.timeZone) : "Never");
  const isLinked = connection !== null && connection.status !== ZoomConnectionStatus.REMOVED;

  return (
    <>
      <PageHeader
        title="Video conferencing"
        description="Link the clinic's Zoom account so care teams can hold video visits."
      />
      <div className="mb-6 flex flex-col gap-3">
        {query.linked === "1" ? (
          <Alert tone="success">Zoom is linked. Care teams can now start video visits.</Alert>
        ) : null}
        {isZoomLinkFailure(query.error) ? (
          <Alert tone="error">{ZOOM_LINK_FAILURES[query.error]}</Alert>
        ) : null}
        {query.removed === "revoked" ? (
          <Alert tone="success">CareVisit was removed from your Zoom account.</Alert>
        ) : null}
        {query.removed === "unconfirmed" ? (
          <Alert tone="warning">
            CareVisit forgot its Zoom tokens, but Zoom did not confirm the removal: also remove the
            app in Zoom&apos;s App Marketplace.
          </Alert>
        ) : null}
        {!isConfigured ? (
          <Alert tone="warning" title="Zoom is not configured on this server">
            Set ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET and ZOOM_WEBHOOK_SECRET_TOKEN (see .env.example),
            then reload this page.
          </Alert>
        ) : null}
      </div>

      <Card className="mb-8">
        <h2 className="mb-4 text-lg font-semibold">Zoom account</h2>
        {connection?.status === ZoomConnectionStatus.NEEDS_RELINK ? (
          <Alert tone="error" title="The Zoom connection has stopped working" className="mb-4">
            {connection.lastError ?? "Zoom refused CareVisit's credentials."} Nobody can start video
            visits until you link Zoom again.
          </Alert>
        ) : null}
        {isLinked && connection ? (
          <dl className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Fact term="Status">
              {connection.status === ZoomConnectionStatus.ACTIVE ? (
                <Badge tone="green">Linked</Badge>
              ) : (
                <Badge tone="red">Needs relinking</Badge>
              )}
            </Fact>
            <Fact term="Zoom account">
              <span className="block">
                {connection.zoomUserName ?? connection.zoomUserEmail ?? "—"}
              </span>
              {connection.zoomUserName && connection.zoomUserEmail ? (
                <span className="block text-slate-700">{connection.zoomUserEmail}</span>
              ) : null}
              <span className="block text-xs text-slate-600">
                Account ID {connection.zoomAccountId}
              </span>
            </Fact>
            <Fact term="Linked by">
              {connection.linkedBy.firstName} {connection.linkedBy.lastName},{" "}
              {when(connection.linkedAt)}
            </Fact>
            <Fact term="Last token refresh">{when(connection.lastRefreshedAt)}</Fact>
            <Fact term="Last successful Zoom call">{when(connection.lastSuccessAt)}</Fact>
            <Fact term="Last webhook received">{when(connection.lastWebhookAt)}</Fact>
            <Fact term="Last problem">
              {connection.lastError
                ? `${connection.lastError} (${when(connection.lastErrorAt)})`
                : "None"}
            </Fact>
            <Fact term="Scopes">
              <span className="flex flex-wrap gap-1">
                {connection.scopes.map((scope) => (
                  <Badge key={scope}>{scope}</Badge>
                ))}
              </span>
            </Fact>
          </dl>
        ) : (
          <p className="mb-4 max-w-2xl text-slate-700">
            Zoom is not linked. A Zoom account owner or admin signs in on Zoom&apos;s page and ticks
            “Allow this app to use my shared access permissions”, so that CareVisit can create
            meetings for the care team.
          </p>
        )}
        <div className="flex flex-wrap items-start gap-3">
          {isConfigured && connection?.status !== ZoomConnectionStatus.ACTIVE ? (
            <AddZoomButton
              action={startZoomLinkAction}
              label={
                connection?.status === ZoomConnectionStatus.NEEDS_RELINK
                  ? "Link Zoom again"
                  : ADD_LABEL
              }
            />
          ) : null}
          {isLinked ? (
            <RemoveZoomDialog
              action={removeZoomLinkAction}
              purgeDelayHours={env.RETENTION_PURGE_DELAY_HOURS}
            />
          ) : null}
        </div>
      </Card>

      <section aria-labelledby="mapping-heading" className="mb-8">
        <h2 id="mapping-heading" className="mb-1 text-lg font-semibold">
          Zoom users of the care team
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          Each person hosts visits as their Zoom user: the ID on their profile, else the Zoom user
          with their email, else a new one.
        </p>
        <ZoomUserMappings users={staff} total={staffCount} />
      </section>

      {deletions.length > 0 ? (
        <section aria-labelledby="deletions-heading">
          <h2 id="deletions-heading" className="mb-3 text-lg font-semibold">
            Zoom data deletion
          </h2>
          <DataDeletionList
            items={deletions}
            timeZone={viewer.timeZone}
            cancelAction={cancelDataDeletionAction}
          />
        </section>
      ) : null}
    </>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="font-medium break-words">{children}</dd>
    </div>
  );
}
