import "server-only";

import { cookies, headers } from "next/headers";
import { cache } from "react";

import { Role } from "@/generated/prisma/enums";
import { getViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/db";

import { DEFAULT_LOCALE, type Locale, LOCALE_COOKIE } from "./constants";
import { negotiateLocale } from "./negotiate-locale";

/**
 * The request's language. Staff always get English (their side is not translated, and the page's
 * `lang` must say what it is written in); everyone else gets the switch's cookie, the signed-in
 * patient's preferred language, Accept-Language, or English, in that order.
 */
export const getRequestLocale = cache(async (): Promise<Locale> => {
  const viewer = await getViewer();
  if (viewer && viewer.role !== Role.PATIENT) return DEFAULT_LOCALE;
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const subject = viewer?.subjectId
    ? await db.subject.findUnique({
        where: { id: viewer.subjectId },
        select: { preferredLanguage: true },
      })
    : null;
  return negotiateLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    preferredLanguage: subject?.preferredLanguage,
    acceptLanguage: headerList.get("accept-language"),
  });
});
