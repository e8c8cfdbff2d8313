import "server-only";

import { getLocale, getTranslations } from "next-intl/server";

import { type ActionState, actionErrorFrom } from "@/lib/action-state";
import type { Viewer } from "@/lib/auth/types";
import { ConsentRefusal } from "@/lib/consent/consent-refusal";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

// The visit page's action errors in the patient's language (the use cases' own messages are English).

/** A refused consent as the form's error state; other errors as actionErrorFrom has them. */
export async function consentErrorState(error: unknown, viewer: Viewer): Promise<ActionState> {
  if (!(error instanceof ConsentRefusal)) {
    if (!isAppError(error, "not_found")) return actionErrorFrom(error);
    const t = await getTranslations("Consent.refusals");
    return { status: "error", message: t("visitNotFound") };
  }
  const [t, locale] = await Promise.all([getTranslations("Consent.refusals"), getLocale()]);
  const { name = "", version = 0, acceptedAt } = error.details;
  switch (error.reason) {
    case "wrongName": {
      const message = t("wrongName", { name });
      return { status: "error", message, fieldErrors: { signedName: [message] } };
    }
    case "noConsent":
      return { status: "error", message: t("noConsent") };
    case "stale":
      return { status: "error", message: t("stale", { version }) };
    case "already":
      return {
        status: "error",
        message: acceptedAt
          ? t("alreadyOn", { date: formatDateTime(acceptedAt, viewer.timeZone, locale) })
          : t("already"),
      };
  }
}

/** Why a device check's result was not saved. */
export async function deviceCheckErrorMessage(error: unknown): Promise<string> {
  const t = await getTranslations("DeviceCheck");
  if (isAppError(error, "conflict")) return t("visitOver");
  if (isAppError(error, "not_found")) return t("visitNotFound");
  return t("unreadable");
}
