import { z } from "zod";

import { type Emulator } from "../emulator";
import { renderErrorPage } from "../http/html";
import { readForm } from "../http/request-body";
import { redirect, sendHtml } from "../http/responses";
import { type RequestContext, route, type Route } from "../http/router";
import { findMeeting, openInstance } from "../meetings/instances";
import { arrive } from "../meetings/participant-moves";
import { findOrAddPerson } from "../meetings/people";
import { findAccount, findUserInAccount } from "../state/accounts";
import { type Meeting, type Registrant } from "../state/meeting-schema";
import { createNotifier } from "../webhooks/notifier";
import { renderJoinForm } from "./join-pages";

// GET/POST /j/{id}?pwd=…[&uname=][&tk=]: the join_url page. `uname` prefills the name
// (zoom-rest.md#join-url-parameters); `tk` identifies a registrant, whose joins then carry
// `registrant_id` (zoom-webhooks.md#identifying-a-participant).

const joinFormSchema = z.object({
  name: z.string().trim().max(100),
  email: z.string().trim().max(200).optional(),
  pwd: z.string().optional(),
  passcode: z.string().optional(),
  tk: z.string().optional(),
});

function openMeeting(emulator: Emulator, rawId: string): Meeting | null {
  const meeting = /^\d{1,19}$/.test(rawId) ? findMeeting(emulator, Number(rawId)) : null;
  return meeting && meeting.deletedAt === null ? meeting : null;
}

function invalidMeeting(context: RequestContext) {
  sendHtml(
    context.res,
    404,
    renderErrorPage("Invalid meeting ID", "This meeting link is invalid (3001)."),
  );
}

function wrongPasscode(context: RequestContext) {
  sendHtml(
    context.res,
    403,
    renderErrorPage("Wrong passcode", "The meeting passcode is incorrect."),
  );
}

/** An approved registrant's `tk`; a pending or unknown one admits nobody. */
function findRegistrant(meeting: Meeting, tk: string): Registrant | null {
  const registrant = meeting.registrants.find((item) => item.token === tk);
  return registrant?.status === "approved" ? registrant : null;
}

function registrantName(registrant: Registrant): string {
  return `${registrant.firstName} ${registrant.lastName}`.trim();
}

function invalidRegistration(context: RequestContext) {
  sendHtml(
    context.res,
    403,
    renderErrorPage("Invalid registration", "This registration link is invalid."),
  );
}

function showJoinForm(emulator: Emulator, context: RequestContext) {
  const meeting = openMeeting(emulator, context.params.id ?? "");
  if (!meeting) return invalidMeeting(context);
  const query = context.url.searchParams;
  const pwd = query.get("pwd");
  if (pwd !== null && meeting.password !== "" && pwd !== meeting.encryptedPassword)
    return wrongPasscode(context);
  const tk = query.get("tk");
  const registrant = tk === null ? null : findRegistrant(meeting, tk);
  if (tk !== null && !registrant) return invalidRegistration(context);
  const name = registrant ? registrantName(registrant) : (query.get("uname") ?? "");
  const page = renderJoinForm({
    meeting,
    pwd,
    tk,
    name,
    email: registrant?.email ?? "",
    error: null,
  });
  sendHtml(context.res, 200, page);
}

async function join(emulator: Emulator, context: RequestContext) {
  const meeting = openMeeting(emulator, context.params.id ?? "");
  if (!meeting) return invalidMeeting(context);
  const parsed = joinFormSchema.safeParse(await readForm(context.req));
  if (!parsed.success)
    return sendHtml(
      context.res,
      400,
      renderErrorPage("Invalid request", "The join form was incomplete."),
    );
  const form = parsed.data;
  const isPasscodeRight =
    meeting.password === "" ||
    form.pwd === meeting.encryptedPassword ||
    form.passcode === meeting.password;
  if (!isPasscodeRight) return wrongPasscode(context);
  const registrant = form.tk ? findRegistrant(meeting, form.tk) : null;
  if (form.tk && !registrant) return invalidRegistration(context);
  // A registrant joins under the name they were registered with, as in Zoom.
  const name = registrant ? registrantName(registrant) : form.name;
  if (name === "") {
    const page = renderJoinForm({
      meeting,
      pwd: form.pwd ?? null,
      tk: form.tk ?? null,
      name: "",
      email: form.email ?? "",
      error: "Enter your name.",
    });
    return sendHtml(context.res, 400, page);
  }
  const email = registrant?.email ?? form.email ?? "";
  const account = findAccount(emulator.state, meeting.accountId);
  const accountUser = account && email !== "" ? findUserInAccount(account, email) : null;
  const instance = openInstance(meeting);
  const notifier = createNotifier(emulator);
  const person = findOrAddPerson(instance, {
    name,
    email,
    registrantId: registrant?.id,
    zoomUserId: accountUser?.id,
  });
  arrive({ emulator, notifier, meeting, instance }, person);
  emulator.changed();
  await notifier.settled();
  redirect(context.res, `/wc/${person.sessionKey}`, 303);
}

export function joinRoutes(emulator: Emulator): Route[] {
  return [
    route("GET", "/j/:id", (context) => showJoinForm(emulator, context)),
    route("POST", "/j/:id", (context) => join(emulator, context)),
  ];
}
