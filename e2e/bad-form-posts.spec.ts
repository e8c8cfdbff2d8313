import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import fc from "fast-check";

import { Role, VisitStatus } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db/db-client";
import { isCalendarDate, type LocalDateTime, zonedTimeToInstant } from "@/lib/time-zone";
import { VISIT_DURATIONS } from "@/lib/visits/constants";
import { createUser, createVisit, DEMO_PASSWORD } from "@/prisma/factories";

import { expect, test as base } from "./fixtures";
import {
  type BadPost,
  type BadPostKind,
  changed,
  CONTROL_CHARACTERS,
  entry,
  fileOf,
  type FormEntry,
  hiddenEntriesOfForm,
  injected,
  INJECTIONS,
  longerThan,
  notAUuid,
  NUL,
  postBadPosts,
  sendPost,
  sessionCookiesOf,
  showsAnError,
  twice,
  unknownActionId,
  valueOf,
  visibleTextOf,
  whitespaceOnly,
  withCharacterInside,
  withExtraFields,
  withoutField,
  withUnknownAction,
  withValue,
} from "./support/form-posts";

// Bad form posts: generated bad requests for sign-in, profile and scheduling, posted the way a
// browser without JavaScript posts our forms (multipart, with the hidden fields that name the
// server action), and to Auth.js's credentials endpoint. Each must get a clear error, never a 5xx,
// and change nothing: no session, no profile change, no visit scheduled, moved or cancelled. Each
// test first sends a valid post down the same path, which proves that the posts reach the action.
// The kinds of a bug (BUG below) are posted by a regression test of their own.

const SEED = 20_261_130;
const DAY_MS = 86_400_000;

const BUG = {
  // Fixed: PostgreSQL refuses text with NUL (22021), so the form answered 500 and Auth.js its
  // Configuration error. lib/auth/schemas.ts now refuses control and invisible characters.
  nulInIdentifier: "a NUL byte in the sign-in identifier is refused before it reaches PostgreSQL",
  // Fixed: lib/visits/schemas.ts checked the date's shape only, and Date.UTC rolled 02-30 over to
  // 03-02, which was stored.
  impossibleDate: "a date not on the calendar (2027-02-30) is refused, not rolled over",
  // Fixed: nothing bounded how far ahead a visit could be, so the year 9999 was stored and sent
  // to Zoom. The scheduling rules now refuse a start over SCHEDULING_HORIZON_YEARS ahead.
  farFutureDate: "a visit more than 2 years ahead is refused",
  // Fixed: the forms rendered field errors for date, time and provider only, and then hid the
  // message, so a bad duration, subject id or visit id showed nothing.
  unshownFieldError: "the scheduling forms show the error of a bad duration or record id",
  // Fixed: a server-action post over Next.js's 1 MB serverActions.bodySizeLimit got 500 from
  // Next.js (which refused it before the action ran). The proxy now answers 413 first.
  bodyOverLimit: "a server-action post over 1 MB gets 413, not 500",
  // Fixed: a server-action post with another site's Origin failed Next.js's CSRF check and got
  // 500 (the action did not run). The proxy now answers 403 first.
  crossSiteOrigin: "a server-action post with another site's Origin gets 403, not 500",
} as const;

type Bug = (typeof BUG)[keyof typeof BUG];

/**
 * What a bad post to a server-action form must get: the page again, with an error shown (whose
 * text matches, when given), or a 4xx refusal of the request itself.
 */
type FormAnswer = { error: RegExp | null } | { status: "4xx" };

/** What a bad post to Auth.js must get: a redirect to the sign-in page with this query. */
type AuthJsAnswer = { query: RegExp };

const REFUSED: FormAnswer = { status: "4xx" };
/** Zod's own messages, for a field left out or sent as a file. */
const MISSING: FormAnswer = { error: /Invalid input: expected string, received undefined/ };
const NOT_TEXT: FormAnswer = { error: /Invalid input: expected string, received File/ };
/** The sign-in form's (translated, decision 033): a field left out or sent as a file is to fill in. */
const SIGN_IN_FIELD_TO_FILL: FormAnswer = { error: /Enter your (email or username|password)\./ };
const WRONG_CREDENTIALS: FormAnswer = {
  error: /don't match an active account|Too many sign-in attempts/,
};
const CREDENTIALS_REFUSED: AuthJsAnswer = {
  query: /^\?error=CredentialsSignin&code=(invalid_credentials|rate_limited%3A\d+)$/,
};
const CSRF_REFUSED: AuthJsAnswer = { query: /^\?error=MissingCSRF$/ };
const INVISIBLE_CHARACTER: FormAnswer = {
  error: /That email or username has an invisible character in it, such as a tab\. Type it again\./,
};

const SIGN_IN_FIELDS = ["callbackUrl", "identifier", "password"];
const PROFILE_FIELDS = ["videoConferenceUserId"];
const SCHEDULE_FIELDS = ["subjectId", "date", "time", "durationMinutes", "providerId"];
const RESCHEDULE_FIELDS = ["visitId", "date", "time", "durationMinutes"];
const CANCEL_FIELDS = ["visitId"];
/** The audited changes a bad post must not make (viewing a page records audits of its own). */
const VISIT_CHANGES = ["visit.schedule", "visit.reschedule", "visit.cancel", "visit.start"];
const PROFILE_CHANGES = ["user.video_id_update", "user.video_id_resolved"];

type Person = { id: string; email: string };
type Clinic = {
  organization: { id: string; timeZone: string };
  admin: Person;
  provider: Person;
  patient: { user: Person; subject: { id: string } };
};
/** Records of another clinic: they must look exactly like records that do not exist. */
type Foreign = { organizationId: string; userId: string; subjectId: string; visitId: string };

/** A record id that names nothing of this clinic: one that `others` gives, or a random UUID. */
function unknownIdKind(
  kind: Pick<BadPostKind<FormAnswer>, "name" | "runs" | "expected">,
  valid: FormEntry[],
  field: string,
  others: fc.Arbitrary<string>,
): BadPostKind<FormAnswer> {
  return {
    ...kind,
    arbitrary: fc
      .oneof(others, fc.uuid({ version: 4 }))
      .map((value) => changed(valid, field, value)),
  };
}

/** A hidden record id left out or not a UUID (its error used to go unshown). */
function missingOrNotUuidKind(
  name: string,
  valid: FormEntry[],
  field: string,
  expected: FormAnswer,
): BadPostKind<FormAnswer> {
  return {
    name,
    runs: 4,
    expected,
    bug: BUG.unshownFieldError,
    arbitrary: fc.oneof(
      fc.constant(withoutField(valid, field)),
      notAUuid(valueOf(valid, field)).map((value) => changed(valid, field, value)),
    ),
  };
}

// Posts that every server-action form must refuse before its action runs.

function unknownActionKind(valid: FormEntry[], namePrefix = ""): BadPostKind<FormAnswer> {
  return {
    name: `${namePrefix}an action id that no action has`,
    runs: 2,
    expected: REFUSED,
    arbitrary: unknownActionId.map((id) => withUnknownAction(valid, id)),
  };
}

/**
 * Posts refused before any action runs, whatever the form (by the proxy: a body over 1 MB, another
 * site's Origin). They are sent to the sign-in and profile forms, where the valid post they carry
 * would change something.
 */
function refusedBeforeActionKinds(valid: FormEntry[], field: string): BadPostKind<FormAnswer>[] {
  return [
    {
      name: "a body over the 1 MB limit",
      runs: 2,
      expected: REFUSED,
      bug: BUG.bodyOverLimit,
      arbitrary: fc
        .integer({ min: 1_100_000, max: 2_000_000 })
        .map((length) => changed(valid, field, "a".repeat(length))),
    },
    {
      // The valid post, as a page on another site would send it.
      name: "another site's Origin",
      runs: 3,
      expected: REFUSED,
      bug: BUG.crossSiteOrigin,
      arbitrary: fc
        .constantFrom("https://evil.example", "null", "http://localhost.evil.example")
        .map((origin) => ({ label: `Origin: ${origin}`, entries: valid, headers: { origin } })),
    },
  ];
}

// The sign-in form (app/(auth)/sign-in) and Auth.js's credentials endpoint. Both get these bad
// credentials, each path with its own expected answer.

const credentialsMissing = (valid: FormEntry[]) =>
  fc.subarray(["identifier", "password"], { minLength: 1 }).map((names) => ({
    label: `without ${names.join(", ")}`,
    entries: valid.filter((item) => !names.includes(item.name)),
  }));

const identifierBlank = (valid: FormEntry[]) =>
  fc.oneof(fc.constant(""), whitespaceOnly).map((value) => changed(valid, "identifier", value));

const accountUnknown = (valid: FormEntry[]) =>
  fc.emailAddress({ size: "small" }).map((email) => changed(valid, "identifier", email));

const identifierWith = (valid: FormEntry[], characters: readonly string[]) =>
  withCharacterInside(valueOf(valid, "identifier"), characters).map((value) =>
    changed(valid, "identifier", value),
  );

const credentialsInjected = (valid: FormEntry[]) =>
  fc
    .tuple(fc.constantFrom("identifier", "password"), fc.constantFrom(...INJECTIONS))
    .map(([name, injection]) => injected(valid, name, injection));

function signInFormKinds(valid: FormEntry[], foreign: Foreign): BadPostKind<FormAnswer>[] {
  return [
    {
      name: "identifier or password missing",
      runs: 8,
      expected: SIGN_IN_FIELD_TO_FILL,
      arbitrary: credentialsMissing(valid),
    },
    {
      name: "identifier empty or whitespace only",
      runs: 5,
      expected: { error: /Enter your email or username\./ },
      arbitrary: identifierBlank(valid),
    },
    {
      name: "password empty",
      runs: 1,
      expected: { error: /Enter your password\./ },
      arbitrary: fc.constant(changed(valid, "password", "")),
    },
    {
      name: "identifier over 254 characters",
      runs: 3,
      expected: { error: /That email or username is too long\./ },
      arbitrary: longerThan(254).map((value) => changed(valid, "identifier", value)),
    },
    {
      name: "password over 200 characters",
      runs: 3,
      expected: { error: /That password is too long\./ },
      arbitrary: longerThan(200).map((value) => changed(valid, "password", value)),
    },
    {
      name: "a file where text belongs",
      runs: 6,
      expected: SIGN_IN_FIELD_TO_FILL,
      arbitrary: fc
        .constantFrom("identifier", "password")
        .map((name) => changed(valid, name, fileOf(valueOf(valid, name)))),
    },
    {
      name: "a wrong password",
      runs: 5,
      expected: WRONG_CREDENTIALS,
      arbitrary: fc
        .oneof(
          fc.constantFrom(DEMO_PASSWORD.toUpperCase(), ` ${DEMO_PASSWORD}`, `${DEMO_PASSWORD}\n`),
          fc.string({ minLength: 1, maxLength: 40 }),
          whitespaceOnly,
        )
        .filter((password) => password !== DEMO_PASSWORD)
        .map((password) => changed(valid, "password", password)),
    },
    {
      name: "an account that does not exist",
      runs: 2,
      expected: WRONG_CREDENTIALS,
      arbitrary: accountUnknown(valid),
    },
    {
      name: "control characters inside the identifier",
      runs: 3,
      expected: INVISIBLE_CHARACTER,
      arbitrary: identifierWith(valid, CONTROL_CHARACTERS),
    },
    {
      name: "SQL or HTML injection",
      runs: 10,
      expected: WRONG_CREDENTIALS,
      arbitrary: credentialsInjected(valid),
    },
    {
      name: "a field given twice, the copy that counts empty",
      runs: 6,
      expected: { error: /Enter your (email or username|password)\./ },
      arbitrary: fc.constantFrom("identifier", "password").map((name) => twice(valid, name, "")),
    },
    {
      name: "unknown extra fields, with the identifier empty",
      runs: 3,
      expected: { error: /Enter your email or username\./ },
      arbitrary: withExtraFields(changed(valid, "identifier", ""), foreign),
    },
    {
      name: "a NUL byte inside the identifier",
      runs: 2,
      expected: INVISIBLE_CHARACTER,
      bug: BUG.nulInIdentifier,
      arbitrary: identifierWith(valid, [NUL]),
    },
    unknownActionKind(valid),
    ...refusedBeforeActionKinds(valid, "identifier"),
  ];
}

function authJsKinds(
  valid: FormEntry[],
  otherVisitorsToken: string,
  foreign: Foreign,
): BadPostKind<AuthJsAnswer>[] {
  const token = valueOf(valid, "csrfToken");
  return [
    {
      // With the right credentials: only the token is wrong.
      name: "CSRF token missing, empty, wrong or another visitor's",
      runs: 6,
      expected: CSRF_REFUSED,
      arbitrary: fc.oneof(
        fc.constant(withoutField(valid, "csrfToken")),
        fc
          .oneof(
            fc.constantFrom(
              "",
              otherVisitorsToken,
              `${token}x`,
              token.slice(1),
              token.toUpperCase(),
            ),
            fc.string({
              unit: fc.constantFrom(..."0123456789abcdef"),
              minLength: 64,
              maxLength: 64,
            }),
          )
          .map((value) => changed(valid, "csrfToken", value)),
      ),
    },
    {
      name: "identifier or password missing",
      runs: 8,
      expected: CREDENTIALS_REFUSED,
      arbitrary: credentialsMissing(valid),
    },
    {
      name: "identifier empty or whitespace only",
      runs: 3,
      expected: CREDENTIALS_REFUSED,
      arbitrary: identifierBlank(valid),
    },
    {
      name: "identifier or password too long",
      runs: 4,
      expected: CREDENTIALS_REFUSED,
      arbitrary: fc.oneof(
        longerThan(254).map((value) => changed(valid, "identifier", value)),
        longerThan(200).map((value) => changed(valid, "password", value)),
      ),
    },
    {
      name: "a wrong password",
      runs: 4,
      expected: CREDENTIALS_REFUSED,
      arbitrary: fc
        .oneof(fc.constant(""), fc.string({ maxLength: 40 }), whitespaceOnly)
        .filter((password) => password !== DEMO_PASSWORD)
        .map((password) => changed(valid, "password", password)),
    },
    {
      name: "an account that does not exist",
      runs: 2,
      expected: CREDENTIALS_REFUSED,
      arbitrary: accountUnknown(valid),
    },
    {
      name: "control characters inside the identifier",
      runs: 3,
      expected: CREDENTIALS_REFUSED,
      arbitrary: identifierWith(valid, CONTROL_CHARACTERS),
    },
    {
      name: "SQL or HTML injection",
      runs: 10,
      expected: CREDENTIALS_REFUSED,
      arbitrary: credentialsInjected(valid),
    },
    {
      name: "a field given twice, the copy that counts wrong",
      runs: 6,
      expected: CREDENTIALS_REFUSED,
      arbitrary: fc.constantFrom(
        twice(valid, "password", "not-the-password"),
        twice(valid, "identifier", "nobody@carevisit.test"),
      ),
    },
    {
      name: "unknown extra fields, with a wrong password",
      runs: 3,
      expected: CREDENTIALS_REFUSED,
      arbitrary: withExtraFields(changed(valid, "password", "not-the-password"), foreign),
    },
    {
      // Auth.js reads urlencoded and JSON bodies only; the credentials are right.
      name: "a multipart body",
      runs: 1,
      expected: CSRF_REFUSED,
      arbitrary: fc.constant<BadPost>({
        label: "multipart",
        entries: valid,
        encoding: "multipart",
      }),
    },
    {
      name: "a body over 1 MB",
      runs: 2,
      expected: CREDENTIALS_REFUSED,
      arbitrary: fc
        .integer({ min: 1_100_000, max: 3_000_000 })
        .map((length) => changed(valid, "identifier", "a".repeat(length))),
    },
    {
      name: "a NUL byte inside the identifier",
      runs: 2,
      expected: CREDENTIALS_REFUSED,
      bug: BUG.nulInIdentifier,
      arbitrary: identifierWith(valid, [NUL]),
    },
  ];
}

// The profile form (app/(account)/profile). An empty or blank id is valid: it clears the id.

const ZOOM_ID_CHARACTERS = /A Zoom user id has only letters, digits, - and _/;

function profileKinds(
  valid: FormEntry[],
  takenId: string,
  foreign: Foreign,
): BadPostKind<FormAnswer>[] {
  const id = valueOf(valid, "videoConferenceUserId");
  const inField = (value: string) => changed(valid, "videoConferenceUserId", value);
  return [
    {
      name: "the field missing",
      runs: 1,
      expected: MISSING,
      arbitrary: fc.constant(withoutField(valid, "videoConferenceUserId")),
    },
    {
      name: "over 64 characters",
      runs: 4,
      expected: { error: /A Zoom user id has at most 64 characters\./ },
      arbitrary: longerThan(64, "Ab9_-").map(inField),
    },
    {
      name: "characters a Zoom user id has not",
      runs: 8,
      expected: { error: ZOOM_ID_CHARACTERS },
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            "jane doe",
            "jane@clinic.org",
            "jané",
            "ЖЖЖ",
            "a.b",
            "a/b",
            "😀",
            "１２３",
          ),
          fc.string({ minLength: 1, maxLength: 30 }),
        )
        .filter((value) => value.trim() !== "" && !/^[A-Za-z0-9_-]*$/.test(value.trim()))
        .map(inField),
    },
    {
      name: "control characters inside",
      runs: 6,
      expected: { error: ZOOM_ID_CHARACTERS },
      arbitrary: withCharacterInside(id, [NUL, ...CONTROL_CHARACTERS]).map(inField),
    },
    {
      name: "SQL or HTML injection",
      runs: 14,
      expected: { error: ZOOM_ID_CHARACTERS },
      arbitrary: fc
        .constantFrom(...INJECTIONS)
        .map((injection) => injected(valid, "videoConferenceUserId", injection)),
    },
    {
      name: "a file where text belongs",
      runs: 1,
      expected: NOT_TEXT,
      arbitrary: fc.constant(changed(valid, "videoConferenceUserId", fileOf(id))),
    },
    {
      name: "the field given twice, the copy that counts bad",
      runs: 6,
      expected: { error: ZOOM_ID_CHARACTERS },
      arbitrary: fc
        .constantFrom("jane doe", "a@b")
        .map((value) => twice(valid, "videoConferenceUserId", value)),
    },
    {
      name: "unknown extra fields, with a bad id",
      runs: 3,
      expected: { error: ZOOM_ID_CHARACTERS },
      arbitrary: withExtraFields(inField("jane doe"), foreign),
    },
    {
      name: "another person's Zoom user id",
      runs: 1,
      expected: { error: /already someone else's Video Conference User ID/ },
      arbitrary: fc.constant(inField(takenId)),
    },
    unknownActionKind(valid),
    ...refusedBeforeActionKinds(valid, "videoConferenceUserId"),
  ];
}

// The forms of the Video Conferencing page: schedule, reschedule and cancel a visit.

/** The date `days` from now on the clinic's calendar (yyyy-mm-dd). */
function localDate(timeZone: string, days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(
    new Date(Date.now() + days * DAY_MS),
  );
}

/** Wall times that the clocks skip (spring forward) in the zone in the next two years. */
function skippedWallTimes(timeZone: string): LocalDateTime[] {
  const offsets = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
  const offsetAfter = (days: number) =>
    offsets.formatToParts(Date.now() + days * DAY_MS).find((part) => part.type === "timeZoneName")
      ?.value;
  const skipped: LocalDateTime[] = [];
  for (let days = 1; days <= 730; days++) {
    if (offsetAfter(days) === offsetAfter(days - 1)) continue;
    for (const date of [localDate(timeZone, days - 1), localDate(timeZone, days)]) {
      for (const time of ["02:00", "02:30"]) {
        if (zonedTimeToInstant({ date, time }, timeZone) === null) skipped.push({ date, time });
      }
    }
  }
  return skipped;
}

const CHOOSE_A_DATE = { error: /Choose a date\./ };
const CHOOSE_A_TIME = { error: /Choose a time\./ };
const DATE_OR_TIME = { error: /Choose a (date|time)\./ };
const NOT_A_DATE = fc.oneof(
  fc.constantFrom(
    "",
    "tomorrow",
    "12/01/2026",
    "2026-1-5",
    "20261201",
    "+02026-12-01",
    "١٢٣٤-١٢-٠١",
  ),
  whitespaceOnly,
  fc.string({ maxLength: 20 }).filter((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text)),
);
const NOT_A_TIME = fc.oneof(
  fc.constantFrom("", "24:00", "25:00", "12:60", "9:00", "10:00:00", "10:00 PM", "noon", "10.00"),
  whitespaceOnly,
  fc.string({ maxLength: 12 }).filter((text) => !/^([01]\d|2[0-3]):[0-5]\d$/.test(text)),
);
const BAD_DURATION = fc
  .oneof(
    fc.constantFrom("", "abc", "-30", "0", "31", "30.5", "1e9", "Infinity", "thirty", "٣٠"),
    fc.integer({ min: -100_000, max: 100_000 }).map(String),
  )
  .filter((value) => !(VISIT_DURATIONS as readonly number[]).includes(Number(value)));

/** The context the kinds of the Video Conferencing forms need. */
type VideoContext = { timeZone: string; skipped: LocalDateTime[]; foreign: Foreign };

/** The kinds of the schedule and reschedule forms' date, time and duration fields. */
function dateAndTimeKinds(
  form: string,
  valid: FormEntry[],
  { timeZone, skipped, foreign }: VideoContext,
): BadPostKind<FormAnswer>[] {
  const date = valueOf(valid, "date");
  const time = valueOf(valid, "time");
  const thisYear = Number(localDate(timeZone, 0).slice(0, 4));
  const at = (local: LocalDateTime): BadPost => ({
    label: `${local.date} ${local.time}`,
    entries: withValue(withValue(valid, "date", local.date), "time", local.time),
  });
  const pad = (part: number) => String(part).padStart(2, "0");
  return [
    {
      name: `${form}: date or time missing`,
      runs: 6,
      expected: MISSING,
      arbitrary: fc.constantFrom("date", "time").map((name) => withoutField(valid, name)),
    },
    {
      name: `${form}: a date not written yyyy-mm-dd`,
      runs: 6,
      expected: CHOOSE_A_DATE,
      arbitrary: NOT_A_DATE.map((value) => changed(valid, "date", value)),
    },
    {
      name: `${form}: a time not written HH:mm`,
      runs: 6,
      expected: CHOOSE_A_TIME,
      arbitrary: NOT_A_TIME.map((value) => changed(valid, "time", value)),
    },
    {
      name: `${form}: a date and time in the past`,
      runs: 5,
      expected: { error: /Choose a date and time in the future\./ },
      arbitrary: fc.oneof(
        fc.constant(at({ date: localDate(timeZone, -1), time })),
        fc.constant(at({ date: localDate(timeZone, 0), time: "00:00" })),
        fc
          .integer({ min: 0, max: thisYear - 1 })
          .map((year) => at({ date: `${String(year).padStart(4, "0")}${date.slice(4)}`, time })),
      ),
    },
    {
      name: `${form}: a wall time the clocks skip`,
      runs: 2,
      expected: { error: /That time does not exist in the clinic's time zone/ },
      arbitrary: fc.constantFrom(...skipped).map(at),
    },
    {
      name: `${form}: a date or time too long`,
      runs: 3,
      expected: DATE_OR_TIME,
      arbitrary: fc
        .tuple(fc.constantFrom("date", "time"), longerThan(10, "0"))
        .map(([name, tail]) => changed(valid, name, `${valueOf(valid, name)}${tail}`)),
    },
    {
      name: `${form}: control characters inside the date or time`,
      runs: 5,
      expected: DATE_OR_TIME,
      arbitrary: fc.oneof(
        withCharacterInside(date, [NUL, ...CONTROL_CHARACTERS]).map((value) =>
          changed(valid, "date", value),
        ),
        withCharacterInside(time, [NUL, ...CONTROL_CHARACTERS]).map((value) =>
          changed(valid, "time", value),
        ),
      ),
    },
    {
      name: `${form}: SQL or HTML injection in the date or time`,
      runs: 10,
      expected: DATE_OR_TIME,
      arbitrary: fc
        .tuple(fc.constantFrom("date", "time"), fc.constantFrom(...INJECTIONS))
        .map(([name, injection]) => injected(valid, name, injection)),
    },
    {
      name: `${form}: a file where text belongs`,
      runs: 6,
      expected: NOT_TEXT,
      arbitrary: fc
        .constantFrom("date", "time")
        .map((name) => changed(valid, name, fileOf(valueOf(valid, name)))),
    },
    {
      name: `${form}: a field given twice, the copy that counts bad`,
      runs: 6,
      expected: DATE_OR_TIME,
      arbitrary: fc.constantFrom(twice(valid, "date", "tomorrow"), twice(valid, "time", "25:00")),
    },
    {
      name: `${form}: unknown extra fields, with a bad time`,
      runs: 3,
      expected: CHOOSE_A_TIME,
      arbitrary: withExtraFields(changed(valid, "time", "25:00"), foreign),
    },
    {
      name: `${form}: a date that is not on the calendar`,
      runs: 4,
      expected: { error: /Choose a date that exists\./ },
      bug: BUG.impossibleDate,
      arbitrary: fc
        .tuple(
          fc.integer({ min: thisYear + 1, max: thisYear + 2 }),
          fc.integer({ min: 1, max: 19 }),
          fc.integer({ min: 0, max: 39 }),
        )
        .map(([year, month, day]) => `${year}-${pad(month)}-${pad(day)}`)
        .filter((value) => !isCalendarDate(value))
        .map((value) => changed(valid, "date", value)),
    },
    {
      name: `${form}: a date centuries ahead`,
      runs: 2,
      expected: { error: /Choose a date within the next 2 years\./ },
      bug: BUG.farFutureDate,
      arbitrary: fc
        .integer({ min: 2200, max: 9999 })
        .map((year) => `${year}${date.slice(4)}`)
        .filter(isCalendarDate) // tomorrow may be 29 February
        .map((value) => changed(valid, "date", value)),
    },
    {
      name: `${form}: a duration not on the list`,
      runs: 5,
      expected: { error: /Choose a duration( from the list)?\./ },
      bug: BUG.unshownFieldError,
      arbitrary: BAD_DURATION.map((value) => changed(valid, "durationMinutes", value)),
    },
    unknownActionKind(valid, `${form}: `),
  ];
}

function scheduleKinds(
  valid: FormEntry[],
  context: VideoContext,
  patientUserId: string,
): BadPostKind<FormAnswer>[] {
  const { foreign } = context;
  return [
    ...dateAndTimeKinds("schedule", valid, context),
    {
      name: "schedule: a provider missing or not a UUID",
      runs: 5,
      expected: { error: /Choose a provider\./ },
      arbitrary: fc.oneof(
        fc.constant(withoutField(valid, "providerId")),
        notAUuid(valueOf(valid, "providerId")).map((value) => changed(valid, "providerId", value)),
        fc.constantFrom(...INJECTIONS).map((value) => injected(valid, "providerId", value)),
      ),
    },
    unknownIdKind(
      {
        name: "schedule: a provider of another clinic, a patient, or no one",
        runs: 4,
        expected: { error: /Choose a provider from the list\./ },
      },
      valid,
      "providerId",
      fc.constantFrom(foreign.userId, patientUserId),
    ),
    unknownIdKind(
      {
        name: "schedule: a subject of another clinic or of no one",
        runs: 3,
        expected: { error: /Subject not found/ },
      },
      valid,
      "subjectId",
      fc.constant(foreign.subjectId),
    ),
    missingOrNotUuidKind("schedule: a subject id missing or not a UUID", valid, "subjectId", {
      error: /This subject cannot be found\./,
    }),
  ];
}

function rescheduleKinds(
  valid: FormEntry[],
  context: VideoContext,
  cancelledVisitId: string,
): BadPostKind<FormAnswer>[] {
  return [
    ...dateAndTimeKinds("reschedule", valid, context),
    unknownIdKind(
      {
        name: "reschedule: a visit of another clinic or of no one",
        runs: 3,
        expected: { error: /Visit not found/ },
      },
      valid,
      "visitId",
      fc.constant(context.foreign.visitId),
    ),
    {
      name: "reschedule: a cancelled visit",
      runs: 1,
      expected: { error: /This visit was cancelled\./ },
      arbitrary: fc.constant(changed(valid, "visitId", cancelledVisitId)),
    },
    missingOrNotUuidKind("reschedule: a visit id missing or not a UUID", valid, "visitId", {
      error: /This visit cannot be found\./,
    }),
  ];
}

function cancelKinds(
  valid: FormEntry[],
  foreign: Foreign,
  cancelledVisitId: string,
): BadPostKind<FormAnswer>[] {
  const visitId = valueOf(valid, "visitId");
  const cannotBeFound = { error: /This visit cannot be found\./ };
  const notFound = { error: /Visit not found/ };
  return [
    {
      name: "cancel: the visit id missing, empty or whitespace only",
      runs: 8,
      expected: cannotBeFound,
      arbitrary: fc.oneof(
        fc.constant(withoutField(valid, "visitId")),
        fc.oneof(fc.constant(""), whitespaceOnly).map((value) => changed(valid, "visitId", value)),
      ),
    },
    {
      name: "cancel: a visit id that is not a UUID",
      runs: 6,
      expected: cannotBeFound,
      arbitrary: notAUuid(visitId).map((value) => changed(valid, "visitId", value)),
    },
    {
      name: "cancel: a visit id too long",
      runs: 2,
      expected: cannotBeFound,
      arbitrary: longerThan(36, "f").map((tail) => changed(valid, "visitId", `${visitId}${tail}`)),
    },
    {
      name: "cancel: control characters inside the visit id",
      runs: 4,
      expected: cannotBeFound,
      arbitrary: withCharacterInside(visitId, [NUL, ...CONTROL_CHARACTERS]).map((value) =>
        changed(valid, "visitId", value),
      ),
    },
    {
      name: "cancel: SQL or HTML injection",
      runs: 14,
      expected: cannotBeFound,
      arbitrary: fc
        .constantFrom(...INJECTIONS)
        .map((injection) => injected(valid, "visitId", injection)),
    },
    {
      name: "cancel: a file where text belongs",
      runs: 1,
      expected: cannotBeFound,
      arbitrary: fc.constant(changed(valid, "visitId", fileOf(visitId))),
    },
    unknownIdKind(
      { name: "cancel: a visit of another clinic or of no one", runs: 4, expected: notFound },
      valid,
      "visitId",
      fc.constant(foreign.visitId),
    ),
    {
      name: "cancel: a cancelled visit",
      runs: 1,
      expected: { error: /This visit was cancelled\./ },
      arbitrary: fc.constant(changed(valid, "visitId", cancelledVisitId)),
    },
    {
      name: "cancel: the visit id given twice, the copy that counts another clinic's",
      runs: 1,
      expected: notFound,
      arbitrary: fc.constant(twice(valid, "visitId", foreign.visitId)),
    },
    {
      name: "cancel: unknown extra fields, with another clinic's visit",
      runs: 3,
      expected: notFound,
      arbitrary: withExtraFields(changed(valid, "visitId", foreign.visitId), foreign),
    },
    unknownActionKind(valid, "cancel: "),
  ];
}

// Answers and footprints.

function judgeFormAnswer(expected: FormAnswer, response: APIResponse, body: string): string[] {
  const status = response.status();
  if ("status" in expected)
    return status >= 400 && status < 500 ? [] : [`status ${status}, not a 4xx`];
  if (status !== 200) return [`status ${status}: ${visibleTextOf(body).slice(0, 100)}`];
  if (!showsAnError(body)) return ["no error shown"];
  if (expected.error && !expected.error.test(visibleTextOf(body)))
    return [`the page does not say ${String(expected.error)}`];
  return [];
}

function judgeSignInAnswer(expected: FormAnswer, response: APIResponse, body: string): string[] {
  const sessions = sessionCookiesOf(response).length;
  return [
    ...judgeFormAnswer(expected, response, body),
    ...(sessions > 0 ? [`${sessions} session cookie(s) set`] : []),
  ];
}

function judgeAuthJsAnswer(expected: AuthJsAnswer, response: APIResponse): string[] {
  const location = new URL(response.headers().location ?? "", "http://placeholder.invalid");
  const problems: string[] = [];
  if (response.status() !== 302) problems.push(`status ${response.status()}, not 302`);
  if (location.pathname !== "/sign-in" || !expected.query.test(location.search))
    problems.push(`redirected to ${location.pathname}${location.search}`);
  const sessions = sessionCookiesOf(response).length;
  if (sessions > 0) problems.push(`${sessions} session cookie(s) set`);
  return problems;
}

async function signInFootprint(db: Db, userIds: string[]) {
  return {
    users: await db.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, lastSignInAt: true, sessionVersion: true, isActive: true },
      orderBy: { id: "asc" },
    }),
    signIns: await db.auditEvent.count({
      where: { action: "auth.sign_in", targetId: { in: userIds } },
    }),
  };
}

async function profileFootprint(db: Db, userIds: string[]) {
  return {
    users: await db.user.findMany({
      where: { id: { in: userIds } },
      select: {
        id: true,
        role: true,
        isActive: true,
        videoConferenceUserId: true,
        videoConferenceUserIdSource: true,
        videoConferenceUserIdSetAt: true,
      },
      orderBy: { id: "asc" },
    }),
    changes: await db.auditEvent.count({
      where: { action: { in: PROFILE_CHANGES }, targetId: { in: userIds } },
    }),
  };
}

async function visitsFootprint(db: Db, organizationIds: string[]) {
  const inOrganizations = { organizationId: { in: organizationIds } };
  return {
    visits: await db.visit.findMany({
      where: inOrganizations,
      select: {
        id: true,
        subjectId: true,
        providerId: true,
        status: true,
        scheduledStart: true,
        durationMinutes: true,
        zoomMeetingId: true,
        cancelledAt: true,
      },
      orderBy: { id: "asc" },
    }),
    changes: await db.auditEvent.count({
      where: { ...inOrganizations, action: { in: VISIT_CHANGES } },
    }),
  };
}

// The posts of each form: first a valid post, then the bad posts of the kinds that `only` picks.
// Each returns what went wrong.

type Only = (kind: { bug?: string }) => boolean;

/** The kinds of no bug: each bug's kinds are posted by that bug's own test. */
const exceptBugKinds: Only = (kind) => kind.bug === undefined;

function showingBug(bug: Bug): Only {
  return (kind) => kind.bug === bug;
}

function report(form: string, counts: Record<string, number>) {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const byKind = Object.entries(counts).map(([kind, count]) => `${kind}: ${count}`);
  console.info(`${form}: ${total} posts (${byKind.join("; ")})`);
}

/**
 * Headers a browser sends with a form post. Per-address sign-in limits count failures by the
 * address a trusted proxy appended to X-Forwarded-For (the first e2e server trusts one): each test
 * that fails sign-ins posts from an address of its own, so that it does not use up the limit of
 * 127.0.0.1, from which every other spec signs in.
 */
function browserHeaders(baseURL: string | undefined, address?: string): Record<string, string> {
  if (!baseURL) throw new Error("The e2e config sets a baseURL.");
  const origin = { origin: new URL(baseURL).origin };
  return address === undefined ? origin : { ...origin, "x-forwarded-for": address };
}

type SignedOut = {
  /** Signed out all along: the bad posts. */
  request: APIRequestContext;
  /** Another signed-out visitor: the valid post, which signs in. */
  visitor: APIRequestContext;
  db: Db;
  clinic: Clinic;
  foreign: Foreign;
  headers: Record<string, string>;
};

async function postSignInForm(setup: SignedOut, only: Only) {
  const { request, visitor, db, clinic, headers } = setup;
  const hidden = hiddenEntriesOfForm(await (await request.get("/sign-in")).text(), SIGN_IN_FIELDS);
  const postOf = (identifier: string) => [
    ...hidden,
    entry("identifier", identifier),
    entry("password", DEMO_PASSWORD),
  ];

  const valid = { label: "valid", entries: postOf(clinic.admin.email) };
  const signedIn = await sendPost(visitor, "/sign-in", valid, headers);
  expect(signedIn.status(), "a valid sign-in redirects").toBe(303);
  expect(sessionCookiesOf(signedIn)).toHaveLength(1);
  const admin = await db.user.findUniqueOrThrow({
    where: { id: clinic.admin.id },
    select: { lastSignInAt: true },
  });
  expect(admin.lastSignInAt).not.toBeNull();

  const userIds = [clinic.admin.id, clinic.provider.id, clinic.patient.user.id];
  const run = await postBadPosts({
    kinds: signInFormKinds(postOf(clinic.provider.email), setup.foreign),
    only,
    seed: SEED,
    send: (post) => sendPost(request, "/sign-in", post, headers),
    judge: judgeSignInAnswer,
    footprint: () => signInFootprint(db, userIds),
  });
  report("sign-in form", run.counts);
  return run.problems;
}

async function csrfTokenOf(context: APIRequestContext): Promise<string> {
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  return csrfToken;
}

/** Auth.js's credentials endpoint, posted urlencoded like the fixtures' signInOverHttp. */
async function postToAuthJs(setup: SignedOut, only: Only) {
  const { request, visitor, db, clinic, headers } = setup;
  const url = "/api/auth/callback/password";
  const postOf = (csrfToken: string, identifier: string): FormEntry[] => [
    entry("csrfToken", csrfToken),
    entry("identifier", identifier),
    entry("password", DEMO_PASSWORD),
    entry("callbackUrl", "/"),
  ];

  const visitorsToken = await csrfTokenOf(visitor);
  const valid = { label: "valid", entries: postOf(visitorsToken, clinic.admin.email) };
  const signedIn = await sendPost(visitor, url, { ...valid, encoding: "urlencoded" }, headers);
  expect(signedIn.status()).toBe(302);
  expect(signedIn.headers().location ?? "").not.toContain("error=");
  expect(sessionCookiesOf(signedIn)).toHaveLength(1);

  const userIds = [clinic.admin.id, clinic.provider.id, clinic.patient.user.id];
  const run = await postBadPosts({
    kinds: authJsKinds(
      postOf(await csrfTokenOf(request), clinic.provider.email),
      visitorsToken,
      setup.foreign,
    ),
    only,
    seed: SEED,
    send: (post) => sendPost(request, url, { encoding: "urlencoded", ...post }, headers),
    judge: judgeAuthJsAnswer,
    footprint: () => signInFootprint(db, userIds),
  });
  report("Auth.js credentials endpoint", run.counts);
  return run.problems;
}

type SignedIn = {
  /** Signed in as the clinic's provider. */
  page: Page;
  db: Db;
  clinic: Clinic;
  foreign: Foreign;
  headers: Record<string, string>;
};

/** The profile form; Zoom must not be linked, or it checks an id against Zoom's users. */
async function postProfileForm(setup: SignedIn, only: Only) {
  const { page, db, clinic, headers } = setup;
  const takenId = `taken_${clinic.organization.id.slice(0, 8)}`;
  const colleague = await createUser(db, {
    organizationId: clinic.organization.id,
    role: Role.CARE_TEAM,
    videoConferenceUserId: takenId,
  });
  const html = await (await page.request.get("/profile")).text();
  const postOf = (id: string) => [
    ...hiddenEntriesOfForm(html, PROFILE_FIELDS),
    entry("videoConferenceUserId", id),
  ];
  const send = (post: BadPost) => sendPost(page.request, "/profile", post, headers);

  const saved = await send({ label: "valid", entries: postOf("cv_saved-ID_1") });
  expect(visibleTextOf(await saved.text())).toContain("Video Conference User ID saved.");
  const provider = await db.user.findUniqueOrThrow({
    where: { id: clinic.provider.id },
    select: { videoConferenceUserId: true },
  });
  expect(provider.videoConferenceUserId).toBe("cv_saved-ID_1");

  const run = await postBadPosts({
    kinds: profileKinds(postOf("cv_other-ID_2"), takenId, setup.foreign),
    only,
    seed: SEED,
    send,
    judge: judgeFormAnswer,
    footprint: () => profileFootprint(db, [clinic.provider.id, colleague.id]),
  });
  report("profile form", run.counts);
  return run.problems;
}

/**
 * Valid posts of the Video Conferencing page's forms: one schedules a visit, one moves it, and one
 * cancels a second visit. Returns valid posts to start the bad ones from: a free time to schedule
 * at, a free time to move the visit to, and the visit's cancellation.
 */
async function postValidVideoForms({ page, db, clinic, headers }: SignedIn, url: string) {
  const tomorrow = localDate(clinic.organization.timeZone, 1);
  const send = (entries: FormEntry[]) =>
    sendPost(page.request, url, { label: "valid", entries }, headers);
  const pageText = async (entries: FormEntry[]) =>
    visibleTextOf(await (await send(entries)).text());

  const scheduleHidden = hiddenEntriesOfForm(
    await (await page.request.get(url)).text(),
    SCHEDULE_FIELDS,
  );
  const schedule = (time: string) => [
    ...scheduleHidden,
    entry("date", tomorrow),
    entry("time", time),
    entry("durationMinutes", "30"),
    entry("providerId", clinic.provider.id),
  ];
  expect(await pageText(schedule("10:00"))).toContain("Visit scheduled for");
  const visit = await db.visit.findFirstOrThrow({
    where: { subjectId: clinic.patient.subject.id },
    select: { id: true, scheduledStart: true },
  });
  const second = await createVisit(db, {
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    scheduledStart: new Date(visit.scheduledStart.getTime() + DAY_MS),
  });

  const html = await (await page.request.get(url)).text();
  const reschedule = (time: string) => [
    ...hiddenEntriesOfForm(html, RESCHEDULE_FIELDS, { visitId: visit.id }),
    entry("date", tomorrow),
    entry("time", time),
    entry("durationMinutes", "45"),
  ];
  expect(await pageText(reschedule("11:00"))).toContain("Visit moved to");
  expect(
    await db.visit.findUniqueOrThrow({
      where: { id: visit.id },
      select: { scheduledStart: true, durationMinutes: true },
    }),
  ).toEqual({
    scheduledStart: new Date(visit.scheduledStart.getTime() + 3_600_000),
    durationMinutes: 45,
  });
  // A cancelled visit leaves the list of upcoming visits, and its form with it: no message says so.
  await send(hiddenEntriesOfForm(html, CANCEL_FIELDS, { visitId: second.id }));
  const cancelled = await db.visit.findUniqueOrThrow({
    where: { id: second.id },
    select: { status: true },
  });
  expect(cancelled.status).toBe(VisitStatus.CANCELLED);

  return {
    schedule: schedule("14:00"),
    reschedule: reschedule("16:00"),
    cancel: hiddenEntriesOfForm(html, CANCEL_FIELDS, { visitId: visit.id }),
    cancelledVisitId: second.id,
  };
}

/** The schedule, reschedule and cancel forms; Zoom must be linked, or only the first is shown. */
async function postVideoForms(setup: SignedIn, only: Only) {
  const { page, db, clinic, foreign, headers } = setup;
  const url = `/subjects/${clinic.patient.subject.id}/video`;
  const valid = await postValidVideoForms(setup, url);
  const timeZone = clinic.organization.timeZone;
  const context = { timeZone, skipped: skippedWallTimes(timeZone), foreign };
  const run = await postBadPosts({
    kinds: [
      ...scheduleKinds(valid.schedule, context, clinic.patient.user.id),
      ...rescheduleKinds(valid.reschedule, context, valid.cancelledVisitId),
      ...cancelKinds(valid.cancel, foreign, valid.cancelledVisitId),
    ],
    only,
    seed: SEED,
    send: (post) => sendPost(page.request, url, post, headers),
    judge: judgeFormAnswer,
    footprint: () => visitsFootprint(db, [clinic.organization.id, foreign.organizationId]),
  });
  report("Video Conferencing forms", run.counts);
  return run.problems;
}

const test = base.extend<{ visitor: APIRequestContext; foreign: Foreign }>({
  visitor: async ({ playwright, baseURL }, use) => {
    const visitor = await playwright.request.newContext({ baseURL });
    await use(visitor);
    await visitor.dispose();
  },
  foreign: async ({ db, factories }, use) => {
    const elsewhere = await factories.createClinic();
    const visit = await createVisit(db, {
      organizationId: elsewhere.organization.id,
      subjectId: elsewhere.patient.subject.id,
      providerId: elsewhere.provider.id,
    });
    await use({
      organizationId: elsewhere.organization.id,
      userId: elsewhere.provider.id,
      subjectId: elsewhere.patient.subject.id,
      visitId: visit.id,
    });
  },
});

test.describe("bad sign-in posts", () => {
  test("the sign-in form shows an error for each, and signs no one in", async ({
    request,
    visitor,
    baseURL,
    db,
    factories,
    foreign,
  }) => {
    const clinic = await factories.createClinic();
    const headers = browserHeaders(baseURL, "198.51.100.1");
    const setup = { request, visitor, db, clinic, foreign, headers };
    expect(await postSignInForm(setup, exceptBugKinds)).toEqual([]);
  });

  test("Auth.js sends each back to the sign-in page with an error, and signs no one in", async ({
    request,
    visitor,
    baseURL,
    db,
    factories,
    foreign,
  }) => {
    const clinic = await factories.createClinic();
    const headers = browserHeaders(baseURL, "198.51.100.2");
    const setup = { request, visitor, db, clinic, foreign, headers };
    expect(await postToAuthJs(setup, exceptBugKinds)).toEqual([]);
  });

  test("the sign-in page says that Auth.js refused the sign-in, and nothing more", async ({
    request,
    baseURL,
    factories,
  }) => {
    const clinic = await factories.createClinic();
    const wrongPassword: BadPost = {
      label: "a wrong password",
      encoding: "urlencoded",
      entries: [
        entry("csrfToken", await csrfTokenOf(request)),
        entry("identifier", clinic.provider.email),
        entry("password", "not-the-password"),
        entry("callbackUrl", "/"),
      ],
    };
    const headers = browserHeaders(baseURL, "198.51.100.5");
    const refused = await sendPost(request, "/api/auth/callback/password", wrongPassword, headers);
    const location = refused.headers().location ?? "";
    expect(new URL(location, baseURL).search).toMatch(CREDENTIALS_REFUSED.query);

    const signInPage = async (path: string) => (await request.get(path)).text();
    const credentials = await signInPage(location);
    expect(showsAnError(credentials)).toBe(true);
    expect(visibleTextOf(credentials)).toContain(
      "Sign-in failed. Check your email or username and password, and try again.",
    );
    const payload = '"><script>alert("carevisit-xss")</script>';
    for (const query of [
      "error=MissingCSRF",
      "error=Configuration",
      `error=${encodeURIComponent(payload)}`,
      "error=a&error=b",
    ]) {
      const other = await signInPage(`/sign-in?${query}`);
      expect(visibleTextOf(other), query).toContain("Sign-in failed. Try again.");
      expect(other, query).not.toContain(payload);
    }
    expect(showsAnError(await signInPage("/sign-in"))).toBe(false);
  });
});

test("bad profile posts each show an error, and change no one's Video Conference User ID", async ({
  page,
  baseURL,
  db,
  foreign,
  signInAs,
}) => {
  const clinic = await signInAs("provider");
  const setup = { page, db, clinic, foreign, headers: browserHeaders(baseURL) };
  expect(await postProfileForm(setup, exceptBugKinds)).toEqual([]);
});

test("bad scheduling posts each show an error, and schedule, move or cancel no visit", async ({
  page,
  baseURL,
  db,
  factories,
  foreign,
  linkZoom,
  signInAs,
}) => {
  // About 130 posts, each followed by a read of both clinics' rows: 15–45 s here.
  test.slow();
  const clinic = await factories.createClinic();
  await linkZoom(clinic);
  await signInAs("provider", clinic);
  const setup = { page, db, clinic, foreign, headers: browserHeaders(baseURL) };
  expect(await postVideoForms(setup, exceptBugKinds)).toEqual([]);
});

test.describe("fixed bugs", () => {
  test(BUG.nulInIdentifier, async ({ request, visitor, baseURL, db, factories, foreign }) => {
    const clinic = await factories.createClinic();
    const headers = browserHeaders(baseURL, "198.51.100.3");
    const setup = { request, visitor, db, clinic, foreign, headers };
    const problems = [
      ...(await postSignInForm(setup, showingBug(BUG.nulInIdentifier))),
      ...(await postToAuthJs(setup, showingBug(BUG.nulInIdentifier))),
    ];
    expect(problems).toEqual([]);
  });

  for (const bug of [BUG.impossibleDate, BUG.farFutureDate, BUG.unshownFieldError]) {
    test(bug, async ({ page, baseURL, db, factories, foreign, linkZoom, signInAs }) => {
      const clinic = await factories.createClinic();
      await linkZoom(clinic);
      await signInAs("provider", clinic);
      const setup = { page, db, clinic, foreign, headers: browserHeaders(baseURL) };
      expect(await postVideoForms(setup, showingBug(bug))).toEqual([]);
    });
  }
});

test.describe("form posts the proxy refuses before Next.js", () => {
  for (const bug of [BUG.bodyOverLimit, BUG.crossSiteOrigin]) {
    test(bug, async ({ page, request, visitor, baseURL, db, foreign, signInAs }) => {
      const clinic = await signInAs("provider");
      const signedOut = {
        request,
        visitor,
        db,
        clinic,
        foreign,
        headers: browserHeaders(baseURL, "198.51.100.4"),
      };
      const signedIn = { page, db, clinic, foreign, headers: browserHeaders(baseURL) };
      const problems = [
        ...(await postSignInForm(signedOut, showingBug(bug))),
        ...(await postProfileForm(signedIn, showingBug(bug))),
      ];
      expect(problems).toEqual([]);
    });
  }
});
