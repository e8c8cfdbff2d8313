import { isDeepStrictEqual } from "node:util";

import type { APIRequestContext, APIResponse } from "@playwright/test";
import fc from "fast-check";

import { Role, VisitStatus } from "@/generated/prisma/enums";

// Posting a page's form over HTTP the way a browser without JavaScript does, and the fast-check
// pieces of bad posts. A server action's <form> is rendered for progressive enhancement:
// action="" (the page's own URL), multipart, and hidden inputs that name the action
// ($ACTION_ID_<id>, or $ACTION_REF_n, $ACTION_n:0, $ACTION_n:1 and $ACTION_KEY with useActionState).
// Posting those hidden inputs with the visible fields runs the action, and the answer is the page
// rendered again with the action's state: the form's errors or its success message.
//
// No HTML parser is installed, so the markup is read with regular expressions. That holds for
// React's server rendering, which is regular: attributes are written name="value" with & < > "
// escaped, inputs are void elements, and forms are never nested.

/** One form entry, in order: a name may repeat, and a value may be a file. */
export type FormEntry = { name: string; value: string | File };

const FORM = /<form\b[^>]*>[\s\S]*?<\/form>/g;
const CONTROL = /<(?:input|select|textarea)\b[^>]*>/g;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:="([^"]*)")?/g;
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
    if (/^#x/i.test(code)) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith("#")) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return NAMED_ENTITIES[code.toLowerCase()] ?? entity;
  });
}

function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const afterTagName = tag.slice(tag.search(/\s|>/));
  for (const [, name, value] of afterTagName.matchAll(ATTRIBUTE)) {
    if (name) attributes[name.toLowerCase()] = decodeEntities(value ?? "");
  }
  return attributes;
}

/** The hidden inputs of a form, in order: the action's own and the form's hidden fields. */
function hiddenEntriesOf(form: string): FormEntry[] {
  return [...form.matchAll(CONTROL)]
    .map(([tag]) => attributesOf(tag))
    .filter((input) => input.type === "hidden" && input.name !== undefined)
    .map((input) => ({ name: input.name as string, value: input.value ?? "" }));
}

const isActionField = (name: string) => name.startsWith("$ACTION");

/**
 * The hidden entries of the one form on the page whose own fields (hidden or visible, the action's
 * left aside) are exactly `fieldNames`, and whose hidden inputs include `hidden` (to pick one
 * visit's form among several). Throws unless exactly one form matches.
 */
export function hiddenEntriesOfForm(
  html: string,
  fieldNames: readonly string[],
  hidden: Record<string, string> = {},
): FormEntry[] {
  const wanted = [...fieldNames].sort().join(" ");
  const matches = [...html.matchAll(FORM)]
    .map(([form]) => form)
    .filter((form) => {
      const names = [...form.matchAll(CONTROL)]
        .map(([tag]) => attributesOf(tag).name)
        .filter((name): name is string => name !== undefined && !isActionField(name));
      const entries = hiddenEntriesOf(form);
      return (
        [...new Set(names)].sort().join(" ") === wanted &&
        Object.entries(hidden).every(([name, value]) =>
          entries.some((entry) => entry.name === name && entry.value === value),
        )
      );
    });
  const [form, ...others] = matches;
  if (form === undefined || others.length > 0)
    throw new Error(`Expected one form with fields ${wanted}, found ${matches.length}.`);
  return hiddenEntriesOf(form);
}

/** What a person reads on a page: scripts and tags dropped, entities decoded, spaces collapsed. */
export function visibleTextOf(html: string): string {
  const withoutTags = html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ");
  return decodeEntities(withoutTags).replace(/\s+/g, " ").trim();
}

/** An error alert or a field marked invalid: how our forms show an error. */
export function showsAnError(html: string): boolean {
  return /role="alert"|aria-invalid="true"/.test(html);
}

/** The Set-Cookie headers of a response that start an Auth.js session. */
export function sessionCookiesOf(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter(
      ({ name, value }) => name.toLowerCase() === "set-cookie" && /session-token=/.test(value),
    )
    .map(({ value }) => value);
}

// Bad posts, each a valid post changed in one way.

/** A bad post: the entries (in order), and what else to send or look for. */
export type BadPost = {
  label: string;
  entries: FormEntry[];
  /** Injected markup that must not come back unescaped in the answer. */
  payload?: string;
  headers?: Record<string, string>;
  /** How the body is encoded; server-action forms are always multipart. */
  encoding?: "multipart" | "urlencoded";
};

export function entry(name: string, value: string): FormEntry {
  return { name, value };
}

/** The text value of a field (a file's name, though no valid post has one). */
export function valueOf(entries: readonly FormEntry[], name: string): string {
  const value = entries.find((item) => item.name === name)?.value ?? "";
  return typeof value === "string" ? value : value.name;
}

/** The entries with every entry named `name` replaced by one with `value`, where the first was. */
export function withValue(entries: readonly FormEntry[], name: string, value: string | File) {
  const at = entries.findIndex((item) => item.name === name);
  const others = entries.filter((item) => item.name !== name);
  if (at < 0) return [...others, { name, value }];
  return [...others.slice(0, at), { name, value }, ...others.slice(at)];
}

export function withoutField(entries: readonly FormEntry[], name: string): BadPost {
  return { label: `without ${name}`, entries: entries.filter((item) => item.name !== name) };
}

const shortly = (value: string | File) =>
  typeof value === "string"
    ? `${JSON.stringify(value.slice(0, 40))}${value.length > 40 ? `… (${value.length})` : ""}`
    : `a file "${value.name}"`;

export function changed(entries: readonly FormEntry[], name: string, value: string | File) {
  return { label: `${name}=${shortly(value)}`, entries: withValue(entries, name, value) };
}

/** `name` changed to an injected string, whose markup must not come back unescaped. */
export function injected(entries: readonly FormEntry[], name: string, injection: string): BadPost {
  const post = changed(entries, name, injection);
  return injection.includes("<") ? { ...post, payload: injection } : post;
}

/** `name` sent a second time, last: the copy that Object.fromEntries keeps. */
export function twice(entries: readonly FormEntry[], name: string, lastValue: string): BadPost {
  return {
    label: `${name} twice, the last ${shortly(lastValue)}`,
    entries: [...entries, entry(name, lastValue)],
  };
}

/** The post with fields that no form of ours has, some named like columns it must never set. */
export function withExtraFields(
  post: BadPost,
  foreign: { organizationId: string; userId: string },
) {
  const extraFields = [
    entry("organizationId", foreign.organizationId),
    entry("role", Role.ADMIN),
    entry("isActive", "false"),
    entry("status", VisitStatus.IN_PROGRESS),
    entry("createdById", foreign.userId),
    entry("__proto__", '{"role":"ADMIN"}'),
    entry("constructor", "prototype"),
  ];
  return fc.subarray(extraFields, { minLength: 1, maxLength: 4 }).map((extras): BadPost => ({
    ...post,
    label: `${post.label} with ${extras.map((extra) => extra.name).join(", ")}`,
    entries: [...post.entries, ...extras],
  }));
}

/** The entries with the action's own fields replaced by a $ACTION_ID_ of no action. */
export function withUnknownAction(entries: readonly FormEntry[], actionId: string): BadPost {
  const fields = entries.filter((item) => !isActionField(item.name));
  return {
    label: `$ACTION_ID_${actionId}`,
    entries: [entry(`$ACTION_ID_${actionId}`, ""), ...fields],
  };
}

// Bad values that suit any text field.

/** Characters no person types into a form field. NUL is kept apart: PostgreSQL refuses it in text. */
export const NUL = "\u0000";
export const CONTROL_CHARACTERS = [
  "\u0001",
  "\b",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u009f",
  "\u200b",
];

/** SQL and HTML that would do something if a query or a page took it for code. */
export const INJECTIONS = [
  "' OR '1'='1' --",
  `'; DROP TABLE "Visit"; --`,
  "1) OR pg_sleep(5) IS NULL --",
  '<script>alert("carevisit-xss")</script>',
  '"><img src=x onerror=alert("carevisit-xss")>',
  '</form><svg onload=alert("carevisit-xss")>',
  "{{7*7}}${7*7}<%= 7*7 %>",
];

export const whitespaceOnly = fc.string({
  unit: fc.constantFrom(" ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u3000"),
  minLength: 1,
  maxLength: 12,
});

/** Text of `unit` repeated to more than `max` characters, up to about 10,000. */
export function longerThan(max: number, unit = "a"): fc.Arbitrary<string> {
  return fc
    .integer({ min: max + 1, max: Math.max(10_000, max + 1) })
    .map((length) => unit.repeat(Math.ceil(length / unit.length)));
}

/** `value` with one of `characters` put inside it, never at an end (where trimming drops it). */
export function withCharacterInside(value: string, characters: readonly string[]) {
  return fc
    .tuple(fc.constantFrom(...characters), fc.integer({ min: 1, max: value.length - 1 }))
    .map(([character, at]) => `${value.slice(0, at)}${character}${value.slice(at)}`);
}

/** Any 8-4-4-4-12 hex string, whatever its version: wider than what counts as a UUID. */
const UUID_SHAPED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Near misses of the UUID `id`, and strings that are nothing like one. */
export function notAUuid(id: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      id.replaceAll("-", ""),
      `{${id}}`,
      `urn:uuid:${id}`,
      `${id}x`,
      ` ${id}`,
      id.slice(0, -1),
      `${id},${id}`,
      "1 OR 1=1",
      "../../etc/passwd",
    ),
    fc.string({ maxLength: 40 }).filter((text) => !UUID_SHAPED.test(text)),
  );
}

/** A file part where the form has a text field: the "wrong type" of a multipart post. */
export function fileOf(text: string): File {
  return new File([text], "field.txt", { type: "text/plain" });
}

/** A server action id that no action has (42 hex digits, as Next.js writes them). */
export const unknownActionId = fc.string({
  unit: fc.constantFrom(..."0123456789abcdef"),
  minLength: 42,
  maxLength: 42,
});

// Sending posts and checking what they did.

export function sendPost(
  request: APIRequestContext,
  url: string,
  post: BadPost,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  const options = { headers: { ...headers, ...post.headers }, maxRedirects: 0 };
  const body = new FormData();
  for (const { name, value } of post.entries) body.append(name, value);
  if (post.encoding === "urlencoded") return request.post(url, { ...options, form: body });
  return request.post(url, { ...options, multipart: body });
}

/** A group of generated bad posts, all wrong in the same way and owed the same answer. */
export type BadPostKind<Expected> = {
  name: string;
  /** How many posts to sample; repeats are posted once, so a small set takes a few more. */
  runs: number;
  expected: Expected;
  /** The bug this kind shows or guards against, if any: it is posted by that bug's test only. */
  bug?: string;
  arbitrary: fc.Arbitrary<BadPost>;
};

export type BadPostRun<Expected> = {
  kinds: BadPostKind<Expected>[];
  /** Which kinds to post (all are sampled, so that each keeps its seed). */
  only: (kind: BadPostKind<Expected>) => boolean;
  seed: number;
  send: (post: BadPost) => Promise<APIResponse>;
  /** What is wrong with the answer to a post; empty when it is right. */
  judge: (expected: Expected, response: APIResponse, body: string) => string[];
  /** The rows that the posts aim at, read after each post: they must not change. */
  footprint: () => Promise<unknown>;
};

/** JSON that also writes BigInts (Zoom meeting ids), for messages. */
const asJson = (value: unknown) =>
  JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === "bigint" ? inner.toString() : inner,
  );

const postKey = (post: BadPost) =>
  JSON.stringify([
    post.entries.map(({ name, value }) => [name, typeof value === "string" ? value : value.name]),
    post.headers,
    post.encoding,
  ]);

/**
 * Posts each kind's distinct samples one at a time, and returns what went wrong (each problem
 * names the kind and the post) and how many posts each kind sent.
 */
export async function postBadPosts<Expected>(run: BadPostRun<Expected>) {
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  let before = await run.footprint();
  for (const [index, kind] of run.kinds.entries()) {
    const samples = fc.sample(kind.arbitrary, { seed: run.seed + index, numRuns: kind.runs });
    if (!run.only(kind)) continue;
    const posts = [...new Map(samples.map((post) => [postKey(post), post])).values()];
    counts[kind.name] = posts.length;
    for (const post of posts) {
      const response = await run.send(post);
      const body = await response.text();
      const wrong = run.judge(kind.expected, response, body);
      if (post.payload !== undefined && body.includes(post.payload))
        wrong.push("the injected markup came back unescaped");
      const after = await run.footprint();
      if (!isDeepStrictEqual(after, before)) {
        wrong.push(`changed ${asJson(before)} to ${asJson(after)}`);
        before = after;
      }
      for (const problem of wrong) problems.push(`${kind.name} › ${post.label}: ${problem}`);
    }
  }
  return { problems, counts };
}
