// The access matrix (issue 7): every page and route handler of the app, and what each viewer gets
// on their own record and on a foreign one. e2e/access-matrix.spec.ts requests every cell, and
// fails when a file under app/ has no row here (or a row names a route that no longer exists).
//
// "Own" and "foreign" records, built per viewer by the spec:
// - patient: own = their subject and visit; foreign = another patient's, in the same clinic.
// - provider (CARE_TEAM) and admin: own = a subject and visit of their clinic; foreign = another
//   clinic's.
// - anonymous: own = a subject and visit of some clinic; foreign = another clinic's.
// Rows whose path has no [param] are requested once, as "own".

export const VIEWERS = ["anonymous", "patient", "provider", "admin"] as const;

export type Viewer = (typeof VIEWERS)[number];

export type Method = "GET" | "POST" | "HEAD";

/** A redirect (302, 303 or 307) whose Location has this path; `[param]`s are the record's ids. */
export type Redirect = { redirectTo: string };

/** An exact status, or a redirect. */
export type Outcome = number | Redirect;

/** One outcome for both records, or one for each. */
export type Expectation = Outcome | { own: Outcome; foreign: Outcome };

export type MatrixRow = {
  /** The URL pattern: the file's folder under app/ without route groups, `[param]` kept. */
  path: string;
  method: Method;
  /** Added to the URL, e.g. "?from=…". */
  query?: string;
  /** Sent as a JSON body (POST). */
  body?: unknown;
  /** A Server-Sent Events stream: only the status is checked, then the request is aborted. */
  isStream?: boolean;
  expect: Record<Viewer, Expectation>;
};

export type Exclusion = { path: string; reason: string };

const SIGN_IN: Redirect = { redirectTo: "/sign-in" };
const OK = 200;
const BAD_REQUEST = 400;
const UNAUTHORIZED = 401;
const NOT_FOUND = 404;
const METHOD_NOT_ALLOWED = 405;

/** Staff-only page of one subject: the clinic's own subject only. */
const SUBJECT_PAGE: Record<Viewer, Expectation> = {
  anonymous: SIGN_IN,
  patient: NOT_FOUND,
  provider: { own: OK, foreign: NOT_FOUND },
  admin: { own: OK, foreign: NOT_FOUND },
};

const ADMIN_PAGE: Record<Viewer, Expectation> = {
  anonymous: SIGN_IN,
  patient: NOT_FOUND,
  provider: NOT_FOUND,
  admin: OK,
};

/** Admin-only page of one of the clinic's records (a subject import). */
const ADMIN_RECORD_PAGE: Record<Viewer, Expectation> = {
  anonymous: SIGN_IN,
  patient: NOT_FOUND,
  provider: NOT_FOUND,
  admin: { own: OK, foreign: NOT_FOUND },
};

/** Admin-only route of one of the clinic's records: 401 signed out, else as the page. */
const ADMIN_RECORD_ROUTE: Record<Viewer, Expectation> = {
  ...ADMIN_RECORD_PAGE,
  anonymous: UNAUTHORIZED,
};

export const EXCLUDED: Exclusion[] = [
  {
    path: "/api/auth/[...nextauth]",
    reason:
      "Auth.js's own endpoints (csrf, session, providers, callback/password, signout): they are " +
      "public by design and answer per sub-path; signInAs exercises them on every run and " +
      "e2e/sign-in.spec.ts covers the password and error flows.",
  },
];

export const ACCESS_MATRIX: MatrixRow[] = [
  // Pages
  {
    path: "/",
    method: "GET",
    expect: {
      anonymous: SIGN_IN,
      patient: { redirectTo: "/visits" },
      provider: { redirectTo: "/today" },
      admin: { redirectTo: "/today" },
    },
  },
  // Where a browser opening the join link of an unknown or foreign visit lands: always 404.
  {
    path: "/visit-not-found",
    method: "GET",
    expect: { anonymous: SIGN_IN, patient: NOT_FOUND, provider: NOT_FOUND, admin: NOT_FOUND },
  },
  {
    path: "/sign-in",
    method: "GET",
    expect: {
      anonymous: OK,
      patient: { redirectTo: "/visits" },
      provider: { redirectTo: "/today" },
      admin: { redirectTo: "/today" },
    },
  },
  // Public, and harmless when signed in: it only asks for an email or a code.
  {
    path: "/sign-in/code",
    method: "GET",
    expect: { anonymous: OK, patient: OK, provider: OK, admin: OK },
  },
  // Where a timed-out session lands: public, and it says nothing about who was signed in.
  {
    path: "/signed-out",
    method: "GET",
    expect: { anonymous: OK, patient: OK, provider: OK, admin: OK },
  },
  // Public: the emailed link is the credential (an unknown one gets its refusal page).
  {
    path: "/sign-in/invitation/[token]",
    method: "GET",
    expect: { anonymous: OK, patient: OK, provider: OK, admin: OK },
  },
  {
    path: "/sign-in/reset-password/[token]",
    method: "GET",
    expect: { anonymous: OK, patient: OK, provider: OK, admin: OK },
  },
  // Public: it only asks for an email, and answers the same whether or not the account exists.
  {
    path: "/sign-in/forgot-password",
    method: "GET",
    expect: { anonymous: OK, patient: OK, provider: OK, admin: OK },
  },
  // Public: the reminder's signed link is the credential; without a good one, "This link does not
  // work" (and opening it never changes anything).
  {
    path: "/reminders/stop",
    method: "GET",
    expect: { anonymous: OK, patient: OK, provider: OK, admin: OK },
  },
  // Public: a guest's link is the credential (lib/guests); an unknown token gets "This link does
  // not work", and opening a link never changes anything (Join is a POST).
  {
    path: "/guest/[token]",
    method: "GET",
    expect: { anonymous: OK, patient: OK, provider: OK, admin: OK },
  },
  {
    path: "/profile",
    method: "GET",
    expect: { anonymous: SIGN_IN, patient: OK, provider: OK, admin: OK },
  },
  { path: "/audit", method: "GET", expect: ADMIN_PAGE },
  { path: "/reports", method: "GET", expect: ADMIN_PAGE },
  { path: "/settings", method: "GET", expect: ADMIN_PAGE },
  { path: "/settings/consent", method: "GET", expect: ADMIN_PAGE },
  { path: "/settings/import", method: "GET", expect: ADMIN_PAGE },
  { path: "/settings/import/[importId]", method: "GET", expect: ADMIN_RECORD_PAGE },
  { path: "/settings/telehealth", method: "GET", expect: ADMIN_PAGE },
  { path: "/settings/zoom", method: "GET", expect: ADMIN_PAGE },
  { path: "/users", method: "GET", expect: ADMIN_PAGE },
  {
    path: "/today",
    method: "GET",
    expect: { anonymous: SIGN_IN, patient: NOT_FOUND, provider: OK, admin: OK },
  },
  {
    path: "/subjects",
    method: "GET",
    expect: { anonymous: SIGN_IN, patient: NOT_FOUND, provider: OK, admin: OK },
  },
  { path: "/subjects/[subjectId]", method: "GET", expect: SUBJECT_PAGE },
  { path: "/subjects/[subjectId]/video", method: "GET", expect: SUBJECT_PAGE },
  {
    path: "/visits",
    method: "GET",
    expect: { anonymous: SIGN_IN, patient: OK, provider: NOT_FOUND, admin: NOT_FOUND },
  },
  {
    path: "/visits/[visitId]",
    method: "GET",
    expect: {
      anonymous: SIGN_IN,
      patient: { own: OK, foreign: NOT_FOUND },
      provider: NOT_FOUND,
      admin: NOT_FOUND,
    },
  },
  // next dev only: production refuses the outbox (lib/env.ts), so the e2e servers answer 404.
  {
    path: "/dev/outbox",
    method: "GET",
    expect: { anonymous: NOT_FOUND, patient: NOT_FOUND, provider: NOT_FOUND, admin: NOT_FOUND },
  },

  // Route handlers
  // The device check's network probe: random bytes, no personal data, for anyone signed in.
  {
    path: "/api/device-check/network",
    method: "GET",
    query: "?bytes=1000",
    expect: { anonymous: UNAUTHORIZED, patient: OK, provider: OK, admin: OK },
  },
  {
    path: "/api/health",
    method: "GET",
    expect: { anonymous: OK, patient: OK, provider: OK, admin: OK },
  },
  {
    path: "/api/reports/attendance.csv",
    method: "GET",
    expect: { anonymous: UNAUTHORIZED, patient: NOT_FOUND, provider: NOT_FOUND, admin: OK },
  },
  {
    path: "/api/subjects",
    method: "GET",
    expect: { anonymous: UNAUTHORIZED, patient: NOT_FOUND, provider: OK, admin: OK },
  },
  {
    path: "/api/subjects",
    method: "POST",
    body: { q: "a" },
    expect: { anonymous: UNAUTHORIZED, patient: NOT_FOUND, provider: OK, admin: OK },
  },
  // Import subjects: the upload (a CSV body; "{}" is a file with a header and no rows), the
  // import's progress and its refused rows.
  {
    path: "/api/subjects/import",
    method: "POST",
    body: {},
    expect: {
      anonymous: UNAUTHORIZED,
      patient: NOT_FOUND,
      provider: NOT_FOUND,
      admin: BAD_REQUEST,
    },
  },
  { path: "/api/subjects/import/[importId]", method: "GET", expect: ADMIN_RECORD_ROUTE },
  {
    path: "/api/subjects/import/[importId]/refused.csv",
    method: "GET",
    expect: ADMIN_RECORD_ROUTE,
  },
  // Without parameters: refused before any credentials are looked at (they are per clinic, and
  // the clinic is found from the visit named in the parameters).
  {
    path: "/api/telehealth/notifications",
    method: "GET",
    expect: {
      anonymous: BAD_REQUEST,
      patient: BAD_REQUEST,
      provider: BAD_REQUEST,
      admin: BAD_REQUEST,
    },
  },
  {
    path: "/api/telehealth/notifications",
    method: "HEAD",
    expect: {
      anonymous: METHOD_NOT_ALLOWED,
      patient: METHOD_NOT_ALLOWED,
      provider: METHOD_NOT_ALLOWED,
      admin: METHOD_NOT_ALLOWED,
    },
  },
  {
    path: "/api/visits/[visitId]/events",
    method: "GET",
    isStream: true,
    expect: {
      anonymous: UNAUTHORIZED,
      patient: { own: OK, foreign: NOT_FOUND },
      provider: { own: OK, foreign: NOT_FOUND },
      admin: { own: OK, foreign: NOT_FOUND },
    },
  },
  {
    path: "/api/today/events",
    method: "GET",
    isStream: true,
    expect: { anonymous: UNAUTHORIZED, patient: NOT_FOUND, provider: OK, admin: OK },
  },
  // The visit starts in an hour and its clinic has no Zoom link: a patient is told "not yet" on
  // the visit's page, staff "Zoom unavailable" on the subject search (no Referer is sent).
  {
    path: "/api/visits/[visitId]/join",
    method: "GET",
    expect: {
      anonymous: SIGN_IN,
      patient: { own: { redirectTo: "/visits/[visitId]" }, foreign: NOT_FOUND },
      provider: { own: { redirectTo: "/subjects" }, foreign: NOT_FOUND },
      admin: { own: { redirectTo: "/subjects" }, foreign: NOT_FOUND },
    },
  },
  // Without `code` and `state`, an admin is sent back to the settings with an error.
  {
    path: "/api/zoom/oauth/callback",
    method: "GET",
    expect: {
      anonymous: SIGN_IN,
      patient: NOT_FOUND,
      provider: NOT_FOUND,
      admin: { redirectTo: "/settings/zoom" },
    },
  },
  // RFC 8058 one-click unsubscribe: without the one-click form and a signed token, 400 for anyone.
  {
    path: "/api/reminders/stop",
    method: "POST",
    body: {},
    expect: {
      anonymous: BAD_REQUEST,
      patient: BAD_REQUEST,
      provider: BAD_REQUEST,
      admin: BAD_REQUEST,
    },
  },
  // Unsigned: 401 whoever sends it (session cookies mean nothing to a webhook).
  {
    path: "/api/zoom/webhook",
    method: "POST",
    body: { event: "meeting.started", event_ts: 0, payload: {} },
    expect: {
      anonymous: UNAUTHORIZED,
      patient: UNAUTHORIZED,
      provider: UNAUTHORIZED,
      admin: UNAUTHORIZED,
    },
  },
  {
    path: "/subjects/new",
    method: "GET",
    expect: { anonymous: SIGN_IN, patient: NOT_FOUND, provider: OK, admin: OK },
  },
  { path: "/subjects/[subjectId]/edit", method: "GET", expect: SUBJECT_PAGE },
];
