import { type MoveContext, putInMeeting, takeOut } from "./presence";

// Starting and ending an instance. Ending takes everyone out first, as Zoom sends the
// participants' leave events before `meeting.ended`.

const HOST_ENDED_REASON = "left the meeting. Reason : Host ended the meeting";

export function startMeeting(context: MoveContext) {
  const { emulator, notifier, meeting, instance } = context;
  instance.status = "started";
  instance.startedAt = emulator.now();
  notifier.meetingEvent("meeting.started", meeting, instance);
  for (const person of instance.participants) {
    if (person.place === "waiting_for_host") putInMeeting(context, person);
  }
}

export function endMeeting(context: MoveContext) {
  const { emulator, notifier, meeting, instance } = context;
  for (const person of instance.participants) {
    if (person.place !== "left") takeOut(context, person, HOST_ENDED_REASON);
  }
  const wasStarted = instance.status === "started";
  instance.status = "finished";
  instance.endedAt = emulator.now();
  if (wasStarted) notifier.meetingEvent("meeting.ended", meeting, instance);
}
