"use server";

import { redirect } from "next/navigation";

import { Role } from "@/generated/prisma/enums";
import type { ActionState } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { fieldErrorsOf, isAppError } from "@/lib/errors";
import { removeZoomLink } from "@/lib/zoom/link/remove-zoom-link";
import { removeZoomLinkInputSchema } from "@/lib/zoom/link/schemas";
import { startZoomLink } from "@/lib/zoom/link/start-zoom-link";

export async function startZoomLinkAction(): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  let authorizeUrl: string;
  try {
    ({ authorizeUrl } = await startZoomLink({ viewer }));
  } catch (error) {
    if (isAppError(error, "conflict")) return { status: "error", message: error.publicMessage };
    throw error;
  }
  redirect(authorizeUrl);
}

export async function removeZoomLinkAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  const parsed = removeZoomLinkInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  let isRevokedAtZoom: boolean;
  try {
    ({ isRevokedAtZoom } = await removeZoomLink({
      viewer,
      retainData: parsed.data.retention === "keep",
    }));
  } catch (error) {
    if (isAppError(error, "not_found")) return { status: "error", message: error.publicMessage };
    throw error;
  }
  redirect(`/settings/zoom?removed=${isRevokedAtZoom ? "revoked" : "unconfirmed"}`);
}
