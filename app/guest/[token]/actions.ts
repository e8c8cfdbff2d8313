"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { clientIpFrom } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { claimGuestLink } from "@/lib/guests/claim-guest-link";
import { createGuestSecret, GUEST_CLAIM_COOKIE } from "@/lib/guests/guest-token";
import { guestTokenSchema } from "@/lib/guests/schemas";

const joinFormSchema = z.object({ token: guestTokenSchema });

/** Long enough for any visit's day; the claim itself ends with the visit. */
const CLAIM_COOKIE_MAX_AGE_SECONDS = 2 * 24 * 60 * 60;

// Public, like the page: the link's token is the credential, the claim cookie ties it to the first
// browser that joins. Anything but a join comes back to the page, which says why.
export async function joinAsGuestAction(formData: FormData): Promise<void> {
  const parsed = joinFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/guest/invalid");
  const { token } = parsed.data;
  const cookieStore = await cookies();
  const incoming = guestTokenSchema.safeParse(cookieStore.get(GUEST_CLAIM_COOKIE)?.value);
  const claimSecret = incoming.success ? incoming.data : createGuestSecret().secret;
  // Set before the claim: the claim may commit and the join still fail (no meeting yet, Zoom
  // down); this browser must then be the one that owns the link on its retry.
  if (!incoming.success)
    cookieStore.set(GUEST_CLAIM_COOKIE, claimSecret, {
      httpOnly: true,
      secure: env.NODE_ENV === "production",
      sameSite: "lax",
      path: "/guest",
      maxAge: CLAIM_COOKIE_MAX_AGE_SECONDS,
    });
  const result = await claimGuestLink({ token, claimSecret, ip: clientIpFrom(await headers()) });
  if (result.kind !== "joined")
    redirect(`/guest/${token}${result.kind === "no_meeting" ? "?retry=1" : ""}`);
  redirect(result.url);
}
