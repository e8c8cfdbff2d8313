import { markup, renderPage, type SafeHtml } from "../http/html";
import { type Meeting, type MeetingInstance, type Participant } from "../state/meeting-schema";

// The pages a joined person sees at `/wc/{sessionKey}`. Pages that wait for someone else reload
// themselves every few seconds; status text sits in an aria-live region.

const WAITING_REFRESH_SECONDS = 2;
const IN_MEETING_REFRESH_SECONDS = 3;

function leaveButton(person: Participant, label: string) {
  return markup`<form method="post" action="/wc/${person.sessionKey}/leave">
    <button type="submit">${label}</button>
  </form>`;
}

function statusPage(
  title: string,
  status: SafeHtml,
  extra: SafeHtml | string,
  refreshSeconds?: number,
) {
  return renderPage({
    title,
    body: markup`<h1>${title}</h1>
      <div aria-live="polite">${status}</div>
      ${extra}`,
    refreshSeconds,
  });
}

function renderHostView(meeting: Meeting, instance: MeetingInstance, person: Participant): string {
  const waiting = instance.participants.filter((other) => other.place === "waiting_room");
  const inMeeting = instance.participants.filter((other) => other.place === "meeting");
  const waitingList =
    waiting.length === 0
      ? markup`<p>Nobody is waiting.</p>`
      : markup`<ul>
          ${waiting.map(
            (other) =>
              markup`<li>
                ${other.name}
                <form method="post" action="/wc/${person.sessionKey}/admit" style="display:inline">
                  <input
                    type="hidden"
                    name="participant_uuid"
                    value="${other.participantUuid}"
                  /><button type="submit">Admit ${other.name}</button>
                </form>
              </li>`,
          )}
        </ul>`;
  const body = markup`<h1>In meeting: ${meeting.topic}</h1>
    <p aria-live="polite">You are the host. Meeting ID ${meeting.id}.</p>
    <section aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">Waiting room</h2>
      <div aria-live="polite">${waitingList}</div>
    </section>
    <section aria-labelledby="in-meeting-heading">
      <h2 id="in-meeting-heading">In the meeting</h2>
      <ul aria-live="polite">
        ${inMeeting.map((other) => markup`<li>${other.name}${other.isHost ? " (host)" : ""}</li>`)}
      </ul>
    </section>
    ${leaveButton(person, "Leave meeting")}
    <form method="post" action="/wc/${person.sessionKey}/end">
      <button type="submit">End meeting for all</button>
    </form>`;
  return renderPage({
    title: `In meeting: ${meeting.topic}`,
    body,
    refreshSeconds: IN_MEETING_REFRESH_SECONDS,
  });
}

export function renderPersonPage(
  meeting: Meeting,
  instance: MeetingInstance,
  person: Participant,
): string {
  if (instance.status === "finished") {
    return statusPage("Meeting ended", markup`<p>This meeting has been ended by the host.</p>`, "");
  }
  switch (person.place) {
    case "left":
      return statusPage("You left the meeting", markup`<p>You left ${meeting.topic}.</p>`, "");
    case "waiting_room":
      return statusPage(
        "Waiting for the host",
        markup`<p>Please wait, the meeting host will let you in soon.</p>
          <p>${meeting.topic}</p>`,
        leaveButton(person, "Leave"),
        WAITING_REFRESH_SECONDS,
      );
    case "waiting_for_host":
      return statusPage(
        "Waiting for the host to start this meeting",
        markup`<p>${meeting.topic} will begin when the host starts it.</p>`,
        leaveButton(person, "Leave"),
        WAITING_REFRESH_SECONDS,
      );
    case "meeting":
      if (person.isHost) return renderHostView(meeting, instance, person);
      return renderPage({
        title: `In meeting: ${meeting.topic}`,
        body: markup`<h1>In meeting: ${meeting.topic}</h1>
          <p aria-live="polite">You are in the meeting as ${person.name}.</p>
          ${leaveButton(person, "Leave meeting")}`,
        refreshSeconds: IN_MEETING_REFRESH_SECONDS,
      });
  }
}
