import { z } from "zod";

import { type Emulator } from "../emulator";
import { renderErrorPage } from "../http/html";
import { readForm } from "../http/request-body";
import { redirect, sendHtml } from "../http/responses";
import { type RequestContext, route, type Route } from "../http/router";
import { findMeeting, openInstance } from "../meetings/instances";
import { arrive } from "../meetings/participant-moves";
import { findOrAddPerson } from "../meetings/people";
import { findAccount } from "../state/accounts";
import { type ZoomUser } from "../state/account-schema";
import { type Meeting } from "../state/meeting-schema";
import { createNotifier } from "../webhooks/notifier";
import { renderHostStart } from "./join-pages";

// GET/POST /s/{id}?zak=…: the start_url page. Only the meeting's host's `zak` opens it
// (zoom-rest.md#meetings).

const startFormSchema = z.object({ zak: z.string() });

function findHostMeeting(
  emulator: Emulator,
  rawId: string,
  zak: string,
): { meeting: Meeting; host: ZoomUser } | null {
  const meeting = /^\d{1,19}$/.test(rawId) ? findMeeting(emulator, Number(rawId)) : null;
  if (!meeting || meeting.deletedAt !== null) return null;
  const host = findAccount(emulator.state, meeting.accountId)?.users.find(
    (user) => user.id === meeting.hostId,
  );
  return host && host.zak === zak ? { meeting, host } : null;
}

function refuse(context: RequestContext) {
  sendHtml(
    context.res,
    403,
    renderErrorPage("Cannot start this meeting", "The start link is invalid or has expired."),
  );
}

function showStartPage(emulator: Emulator, context: RequestContext) {
  const zak = context.url.searchParams.get("zak") ?? "";
  const found = findHostMeeting(emulator, context.params.id ?? "", zak);
  if (!found) return refuse(context);
  sendHtml(context.res, 200, renderHostStart(found.meeting, zak));
}

async function start(emulator: Emulator, context: RequestContext) {
  const parsed = startFormSchema.safeParse(await readForm(context.req));
  const found = parsed.success
    ? findHostMeeting(emulator, context.params.id ?? "", parsed.data.zak)
    : null;
  if (!found) return refuse(context);
  const { meeting, host } = found;
  const instance = openInstance(meeting);
  const notifier = createNotifier(emulator);
  const person = findOrAddPerson(instance, {
    name: host.displayName,
    email: host.email,
    zoomUserId: host.id,
    isHost: true,
  });
  person.isHost = true;
  arrive({ emulator, notifier, meeting, instance }, person);
  emulator.changed();
  await notifier.settled();
  redirect(context.res, `/wc/${person.sessionKey}`, 303);
}

export function hostRoutes(emulator: Emulator): Route[] {
  return [
    route("GET", "/s/:id", (context) => showStartPage(emulator, context)),
    route("POST", "/s/:id", (context) => start(emulator, context)),
  ];
}
