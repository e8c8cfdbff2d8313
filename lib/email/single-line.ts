// Interpolated values (names, the clinic's name) stay on one line wherever they go: a CR/LF in a
// subject would start a new mail header, in a calendar parameter a new property. Control
// characters and Unicode line/paragraph separators collapse to one space.
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]+/gu;

export function singleLine(value: string): string {
  return value.replace(LINE_BREAKING, " ").trim();
}
