// Text typed into a form field (names, labels, usernames) never holds control characters (C0,
// DEL, C1: tabs, line breaks, escapes, NUL) or the bidirectional embedding, override and isolate
// controls, which can make a name read as another (in the audit log, say). PostgreSQL refuses NUL
// outright, and the others would be stored and shown, invisible or breaking the layout. Other
// format characters are allowed: some scripts need the zero-width joiners in names.

const CONTROL_CHARACTER = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

export function hasNoControlCharacters(value: string): boolean {
  return !CONTROL_CHARACTER.test(value);
}

/** The message for a field of `what` ("The first name") with a control character in it. */
export function controlCharacterMessage(what: string): string {
  return `${what} has a tab, line break or other control character in it. Type it again.`;
}
