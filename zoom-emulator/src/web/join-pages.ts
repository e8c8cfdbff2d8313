import { markup, renderPage } from "../http/html";
import { type Meeting } from "../state/meeting-schema";

// The join form (`/j/{id}`) and the host's start page (`/s/{id}`).

export interface JoinFormOptions {
  meeting: Meeting;
  pwd: string | null;
  tk: string | null;
  name: string;
  email: string;
  error: string | null;
}

function hidden(name: string, value: string | null) {
  return value === null ? "" : markup`<input type="hidden" name="${name}" value="${value}" />`;
}

export function renderJoinForm({ meeting, pwd, tk, name, email, error }: JoinFormOptions): string {
  const needsPasscode = meeting.password !== "" && pwd === null;
  const body = markup`<h1>Join ${meeting.topic}</h1>
    ${error === null ? "" : markup`<p class="error" role="alert">${error}</p>`}
    <form method="post" action="/j/${meeting.id}">
      ${hidden("pwd", pwd)}${hidden("tk", tk)}
      <label for="name">Your name</label>
      <input type="text" id="name" name="name" value="${name}" required autocomplete="name" />
      <label for="email">Email <span class="note">(optional)</span></label>
      <input type="email" id="email" name="email" value="${email}" autocomplete="email" />
      ${needsPasscode ? markup`<label for="passcode">Meeting passcode</label><input type="text" id="passcode" name="passcode" required />` : ""}
      <button type="submit">Join</button>
    </form>`;
  return renderPage({ title: `Join ${meeting.topic}`, body });
}

export function renderHostStart(meeting: Meeting, zak: string): string {
  const body = markup`<h1>Host ${meeting.topic}</h1>
    <p>Meeting ID ${meeting.id}</p>
    <form method="post" action="/s/${meeting.id}">
      <input type="hidden" name="zak" value="${zak}" />
      <button type="submit">Start meeting</button>
    </form>`;
  return renderPage({ title: `Host ${meeting.topic}`, body });
}
