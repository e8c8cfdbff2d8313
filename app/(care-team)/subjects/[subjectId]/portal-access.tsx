import { PortalActionButton } from "@/components/portal/portal-action-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Viewer } from "@/lib/auth/types";
import { formatDateTime } from "@/lib/format";
import type { PortalAccess as PortalAccessState } from "@/lib/portal/types";

import { inviteToPortalAction, removePortalAccessAction } from "./portal-actions";

type PortalAccessProps = { subjectId: string; access: PortalAccessState; viewer: Viewer };

/** The subject's patient portal: its state (read with the page's other data) and what staff can do about it. */
export function PortalAccess({ subjectId, access, viewer }: PortalAccessProps) {
  const when = (date: Date) => formatDateTime(date, viewer.timeZone);
  const invite = (label: string) =>
    access.hasEmail ? (
      <PortalActionButton
        subjectId={subjectId}
        action={inviteToPortalAction}
        label={label}
        pendingLabel="Sending…"
      />
    ) : (
      <p className="text-sm text-slate-700">
        <span className="font-medium">{label}</span> is unavailable: the subject has no email
        address. Add one first.
      </p>
    );
  const remove = (
    <PortalActionButton
      subjectId={subjectId}
      action={removePortalAccessAction}
      label="Remove portal access"
      pendingLabel="Removing…"
      variant="danger"
    />
  );
  return (
    <section aria-labelledby="portal-heading" className="lg:col-span-3">
      <Card as="div">
        <h2 id="portal-heading" className="mb-2 text-lg font-semibold">
          Patient portal
        </h2>
        {access.state === "not_invited" ? (
          <>
            <p className="mb-4 flex items-center gap-2 text-slate-700">
              <Badge>Not invited</Badge>
            </p>
            {invite("Invite to portal")}
          </>
        ) : null}
        {access.state === "invited" ? (
          <>
            <p className="mb-1 flex items-center gap-2">
              <Badge tone="blue">Invited</Badge>
            </p>
            <p className="mb-4 text-sm text-slate-700">
              Invited {when(access.invitedAt)}
              {access.invitedBy ? ` by ${access.invitedBy}` : ""}; the link works until{" "}
              {when(access.expiresAt)}.
            </p>
            <div className="flex flex-wrap gap-4">
              {invite("Resend invitation")}
              {remove}
            </div>
          </>
        ) : null}
        {access.state === "active" ? (
          <>
            <p className="mb-1 flex items-center gap-2">
              <Badge tone="green">Active</Badge>
            </p>
            <p className="mb-4 text-sm text-slate-700">
              {access.lastSignInAt
                ? `Last signed in ${when(access.lastSignInAt)}.`
                : "Has not signed in yet."}
            </p>
            {remove}
          </>
        ) : null}
        {access.state === "removed" ? (
          <>
            <p className="mb-4 flex items-center gap-2">
              <Badge tone="red">Access removed</Badge>
            </p>
            {invite("Invite to portal")}
          </>
        ) : null}
      </Card>
    </section>
  );
}
