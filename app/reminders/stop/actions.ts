"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { clientIpFrom } from "@/lib/auth/client-ip";
import { reminderOptOutFormSchema } from "@/lib/subjects/schemas";
import { setReminderOptOut } from "@/lib/subjects/set-reminder-opt-out";

// Public, like the page: the link's signed token is the credential. A bad token changes nothing,
// and the page, rendered again, says the link does not work.
export async function setReminderOptOutAction(formData: FormData): Promise<void> {
  const parsed = reminderOptOutFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  const { token, choice } = parsed.data;
  const result = await setReminderOptOut({
    token,
    isOptedOut: choice === "stop",
    ip: clientIpFrom(await headers()),
  });
  if (!result) return;
  const query = new URLSearchParams(choice === "stop" ? { token } : { token, resumed: "1" });
  redirect(`/reminders/stop?${query.toString()}`);
}
