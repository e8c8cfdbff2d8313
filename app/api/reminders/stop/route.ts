// POST /api/reminders/stop?token=… — RFC 8058 one-click unsubscribe from a reminder's List-Unsubscribe
import { clientIpFrom } from "@/lib/auth/client-ip";
import { readBodyCapped, webBodySource } from "@/lib/inbound/read-body-capped";
import { badRequest, handleRoute } from "@/lib/server/http";
import { isOneClickUnsubscribeBody } from "@/lib/subjects/one-click-unsubscribe";
import { setReminderOptOut } from "@/lib/subjects/set-reminder-opt-out";

export const dynamic = "force-dynamic";

/** The form is 26 bytes; a multipart one a few hundred. */
const BODY_LIMITS = { maxBytes: 4096, timeoutMs: 5_000 };

export const POST = handleRoute(async (request) => {
  const body = await readBodyCapped(webBodySource(request), BODY_LIMITS);
  const contentType = request.headers.get("content-type");
  if (body.status !== "read" || !(await isOneClickUnsubscribeBody(body.text, contentType)))
    return badRequest("Send the form List-Unsubscribe=One-Click (RFC 8058)");
  const token = new URL(request.url).searchParams.get("token");
  const ip = clientIpFrom(request.headers);
  const result = await setReminderOptOut({ token, isOptedOut: true, ip });
  if (!result) return badRequest("This link does not work");
  return new Response("Reminders stopped.", {
    status: 200,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
});
