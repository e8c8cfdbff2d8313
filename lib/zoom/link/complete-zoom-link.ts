import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { getZoomSettings } from "@/lib/zoom/config";
import { consumeOAuthState } from "@/lib/zoom/link/consume-oauth-state";
import { findLinkConflict } from "@/lib/zoom/link/find-link-conflict";
import type { ZoomLinkFailure } from "@/lib/zoom/link/link-failure";
import { obtainZoomGrant } from "@/lib/zoom/link/obtain-zoom-grant";
import { saveZoomConnection } from "@/lib/zoom/link/save-zoom-connection";
import { settleUnkeptGrant } from "@/lib/zoom/link/settle-unkept-grant";

export type CompleteZoomLinkOptions = {
  viewer: Viewer;
  code?: string;
  state?: string;
  /** Zoom's `error` parameter, e.g. access_denied when the admin declined. */
  error?: string;
};

export type ZoomLinkOutcome = { status: "linked" } | { status: "failed"; reason: ZoomLinkFailure };

const failed = (reason: ZoomLinkFailure): ZoomLinkOutcome => ({ status: "failed", reason });

/** Finishes linking on Zoom's redirect to the OAuth callback. Every failure stores nothing. */
export async function completeZoomLink({
  viewer,
  code,
  state,
  error,
}: CompleteZoomLinkOptions): Promise<ZoomLinkOutcome> {
  if (viewer.role !== Role.ADMIN) throw new AppError("forbidden", "Only administrators link Zoom");
  const checked = await consumeOAuthState(viewer, state);
  if (!checked.ok) return failed(checked.failure);
  if (error) return failed("declined");
  if (!code) return failed("missing_code");

  const settings = getZoomSettings();
  const grant = await obtainZoomGrant(settings, code, checked.codeVerifier);
  if (!grant) return failed("exchange_failed");
  const discard = () => settleUnkeptGrant(settings, viewer.organizationId, grant);

  const conflict = await findLinkConflict(viewer.organizationId, grant.owner.account_id);
  if (conflict) {
    await discard();
    return failed(conflict);
  }
  try {
    await saveZoomConnection(viewer, grant);
  } catch (saveError) {
    await discard();
    // Another organization linked the same account at the same moment (unique while not removed).
    if (saveError instanceof Prisma.PrismaClientKnownRequestError && saveError.code === "P2002")
      return failed("account_in_use");
    throw saveError;
  }
  log.info("zoom.linked", { organizationId: viewer.organizationId });
  return { status: "linked" };
}
