import { z } from "zod";

import { type Emulator } from "../emulator";
import { sendJson } from "../http/responses";
import { type RequestContext, route, type Route } from "../http/router";
import { currentInstance, findMeeting, openInstance } from "../meetings/instances";
import { endMeeting, startMeeting } from "../meetings/meeting-lifecycle";
import { admit, leave, MoveConflictError } from "../meetings/participant-moves";
import {
  findOrAddPerson,
  findPerson,
  findPresentPersonByName,
  type PersonInput,
} from "../meetings/people";
import { type MoveContext, putInMeeting, putInWaitingRoom } from "../meetings/presence";
import { type Meeting } from "../state/meeting-schema";
import { createNotifier } from "../webhooks/notifier";
import { readControlBody, sendControlError } from "./control-http";

// Simulated people and hosts: each call sends the webhooks a real client would cause and answers
// once each has had its first delivery attempt, with the delivery records.

const participantBodySchema = z.object({
  action: z.enum(["join_waiting_room", "admit", "join", "leave"]),
  name: z.string().min(1).max(100).optional(),
  email: z.string().max(200).optional(),
  // Zoom's SDK limit is 36 characters (zoom-webhooks.md#identifying-a-participant).
  customerKey: z.string().max(36).optional(),
  registrantId: z.string().optional(),
  zoomUserId: z.string().optional(),
  participantUuid: z.string().optional(),
});
type ParticipantBody = z.infer<typeof participantBodySchema>;

function findLiveMeeting(emulator: Emulator, context: RequestContext): Meeting | null {
  const rawId = context.params.id ?? "";
  const meeting = /^\d{1,19}$/.test(rawId) ? findMeeting(emulator, Number(rawId)) : null;
  if (meeting && meeting.deletedAt === null) return meeting;
  sendControlError(context, 404, "not_found", `No meeting ${rawId}.`);
  return null;
}

// A registrant's id stands for them: their registered name and email, unless the body says otherwise.
function toPersonInput(meeting: Meeting, body: ParticipantBody): PersonInput {
  const registrant = body.registrantId
    ? meeting.registrants.find((item) => item.id === body.registrantId)
    : undefined;
  const registeredName = registrant && `${registrant.firstName} ${registrant.lastName}`.trim();
  return {
    name: body.name ?? registeredName ?? "",
    email: body.email ?? registrant?.email,
    customerKey: body.customerKey,
    registrantId: body.registrantId,
    zoomUserId: body.zoomUserId,
    participantUuid: body.participantUuid,
  };
}

// Simulations skip the host's part: admitting or joining a meeting that has not started starts it.
function simulate(moves: MoveContext, body: ParticipantBody) {
  const { instance } = moves;
  const input = toPersonInput(moves.meeting, body);
  if (body.action === "join" || body.action === "join_waiting_room") {
    if (!input.name) throw new MoveConflictError("name is required to join.");
    const person = findOrAddPerson(instance, input);
    if (
      person.place === "meeting" ||
      (person.place === "waiting_room" && body.action === "join_waiting_room")
    ) {
      throw new MoveConflictError("This person is already there.");
    }
    if (body.action === "join_waiting_room") putInWaitingRoom(moves, person);
    else {
      if (instance.status !== "started") startMeeting(moves);
      putInMeeting(moves, person);
    }
    return person;
  }
  const person =
    findPerson(instance, input) ??
    (body.name ? findPresentPersonByName(instance, body.name) : null);
  if (!person) throw new MoveConflictError("No such person in the meeting.");
  if (body.action === "admit") {
    if (instance.status !== "started") startMeeting(moves);
    admit(moves, person);
  } else {
    leave(moves, person);
  }
  return person;
}

async function simulateParticipant(emulator: Emulator, context: RequestContext) {
  const meeting = findLiveMeeting(emulator, context);
  if (!meeting) return;
  const body = await readControlBody(context, participantBodySchema);
  if (!body) return;
  const isArrival = body.action === "join" || body.action === "join_waiting_room";
  const instance = isArrival ? openInstance(meeting) : currentInstance(meeting);
  const notifier = createNotifier(emulator);
  try {
    const person = simulate({ emulator, notifier, meeting, instance }, body);
    emulator.changed();
    const deliveries = await notifier.settled();
    sendJson(context.res, 200, {
      participant_uuid: person.participantUuid,
      user_id: person.userId,
      place: person.place,
      meeting_uuid: instance.uuid,
      deliveries,
    });
  } catch (error) {
    if (!(error instanceof MoveConflictError)) throw error;
    emulator.changed();
    sendControlError(context, 409, "conflict", error.message);
  }
}

function lifecycleRoute(emulator: Emulator, kind: "start" | "end") {
  return async (context: RequestContext) => {
    const meeting = findLiveMeeting(emulator, context);
    if (!meeting) return;
    const instance = kind === "start" ? openInstance(meeting) : currentInstance(meeting);
    const isStarted = instance.status === "started";
    if (kind === "start" && isStarted)
      return sendControlError(context, 409, "conflict", "The meeting has already started.");
    if (kind === "end" && instance.status === "finished")
      return sendControlError(context, 409, "conflict", "The meeting has already ended.");
    const notifier = createNotifier(emulator);
    const moves = { emulator, notifier, meeting, instance };
    if (kind === "start") startMeeting(moves);
    else endMeeting(moves);
    emulator.changed();
    const deliveries = await notifier.settled();
    sendJson(context.res, 200, {
      meeting_uuid: instance.uuid,
      status: instance.status,
      deliveries,
    });
  };
}

export function meetingControlRoutes(emulator: Emulator): Route[] {
  return [
    route("POST", "/_emulator/meetings/:id/participants", (context) =>
      simulateParticipant(emulator, context),
    ),
    route("POST", "/_emulator/meetings/:id/start", lifecycleRoute(emulator, "start")),
    route("POST", "/_emulator/meetings/:id/end", lifecycleRoute(emulator, "end")),
  ];
}
