import { markup, renderPage } from "../http/html";
import { type EmulatorState } from "../state/state-schema";
import { type AuthorizeRequest } from "./authorize-request";

// The consent page an admin sees when adding the app. Instead of a Zoom sign-in, a select
// chooses who is "signed in"; the shared-access checkbox mirrors what m.Care asks admins to tick.
// @see docs/protocols/zoom-oauth.md#authorize and docs/protocols/zoom-oauth.md#who-may-consent

export const SHARED_ACCESS_LABEL = "Allow this app to use my shared access permissions";

export interface ConsentPageOptions {
  state: EmulatorState;
  request: AuthorizeRequest;
  selectedEmail: string | null;
  isSharedAccessTicked: boolean;
  error: string | null;
}

export function defaultSignedInEmail(state: EmulatorState): string {
  const first = state.accounts[0];
  const owner = first?.users.find((user) => user.role === "Owner") ?? first?.users[0];
  return owner?.email ?? "";
}

function hiddenFields(request: AuthorizeRequest) {
  const fields: [string, string | null][] = [
    ["client_id", request.clientId],
    ["redirect_uri", request.redirectUri],
    ["response_type", "code"],
    ["state", request.state],
    ["code_challenge", request.codeChallenge],
    ["code_challenge_method", request.codeChallengeMethod],
  ];
  return fields.map(([name, value]) =>
    value === null ? "" : markup`<input type="hidden" name="${name}" value="${value}" />`,
  );
}

export function renderConsentPage(options: ConsentPageOptions): string {
  const { state, request, error } = options;
  const selected = options.selectedEmail ?? defaultSignedInEmail(state);
  const appName = state.registration.name;
  const userOptions = state.accounts.flatMap((account) =>
    account.users.map(
      (user) =>
        markup`<option value="${user.email}"${user.email === selected ? markup` selected` : ""}>
          ${user.displayName} (${user.email}), ${user.role}, ${account.name}
        </option>`,
    ),
  );
  const scopes = state.registration.scopes.map((scope) => markup`<li><code>${scope}</code></li>`);
  const body = markup`<h1>Allow ${appName} to access your Zoom account?</h1>
    ${error === null ? "" : markup`<p class="error" role="alert">${error}</p>`}
    <form method="post" action="/oauth/authorize">
      ${hiddenFields(request)}
      <label for="user_email">Signed in to Zoom as</label>
      <select id="user_email" name="user_email">
        ${userOptions}
      </select>
      <h2>${appName} will be able to</h2>
      <ul>
        ${scopes}
      </ul>
      <p>
        <input type="checkbox" id="shared_access" name="shared_access"${options.isSharedAccessTicked ? markup` checked` : ""} />
        <label for="shared_access" style="display:inline">${SHARED_ACCESS_LABEL}</label>
      </p>
      <button type="submit" name="decision" value="allow">Allow</button>
      <button type="submit" name="decision" value="decline">Decline</button>
    </form>`;
  return renderPage({ title: `Allow ${appName}`, body });
}
