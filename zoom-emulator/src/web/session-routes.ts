import { z } from "zod";

import { type Emulator } from "../emulator";
import { renderErrorPage } from "../http/html";
import { readForm } from "../http/request-body";
import { redirect, sendHtml } from "../http/responses";
import { type RequestContext, route, type Route } from "../http/router";
import { findPersonBySessionKey } from "../meetings/instances";
import { endMeeting } from "../meetings/meeting-lifecycle";
import { admit, endIfEmpty, leave } from "../meetings/participant-moves";
import { type MoveContext } from "../meetings/presence";
import { type Participant } from "../state/meeting-schema";
import { createNotifier } from "../webhooks/notifier";
import { renderPersonPage } from "./meeting-pages";

// `/wc/{sessionKey}`: one person's view of a meeting, and their actions (leave; for the host,
// admit and end). The session key in the path is the only credential, like a meeting link.

type Action = (context: MoveContext, person: Participant, form: Record<string, string>) => void;

function sessionNotFound(context: RequestContext) {
  sendHtml(
    context.res,
    404,
    renderErrorPage("Session not found", "This meeting session does not exist."),
  );
}

function showSession(emulator: Emulator, context: RequestContext) {
  const found = findPersonBySessionKey(emulator, context.params.key ?? "");
  if (!found) return sessionNotFound(context);
  sendHtml(context.res, 200, renderPersonPage(found.meeting, found.instance, found.person));
}

const leaveAction: Action = (context, person) => {
  if (person.place === "left") return;
  leave(context, person);
  endIfEmpty(context);
};

const admitFormSchema = z.object({ participant_uuid: z.string() });

const admitAction: Action = (context, person, form) => {
  const parsed = admitFormSchema.safeParse(form);
  if (!parsed.success) return;
  const uuid = parsed.data.participant_uuid;
  const target = context.instance.participants.find((other) => other.participantUuid === uuid);
  // A double click or a stale page admits nobody twice.
  if (person.isHost && target?.place === "waiting_room") admit(context, target);
};

const endAction: Action = (context, person) => {
  if (person.isHost && context.instance.status !== "finished") endMeeting(context);
};

function act(emulator: Emulator, action: Action) {
  return async (context: RequestContext) => {
    const form = await readForm(context.req);
    const found = findPersonBySessionKey(emulator, context.params.key ?? "");
    if (!found) return sessionNotFound(context);
    const notifier = createNotifier(emulator);
    action(
      { emulator, notifier, meeting: found.meeting, instance: found.instance },
      found.person,
      form,
    );
    emulator.changed();
    await notifier.settled();
    redirect(context.res, `/wc/${found.person.sessionKey}`, 303);
  };
}

export function sessionRoutes(emulator: Emulator): Route[] {
  return [
    route("GET", "/wc/:key", (context) => showSession(emulator, context)),
    route("POST", "/wc/:key/leave", act(emulator, leaveAction)),
    route("POST", "/wc/:key/admit", act(emulator, admitAction)),
    route("POST", "/wc/:key/end", act(emulator, endAction)),
  ];
}
