import { parseDateOfBirth } from "@/lib/subjects/date-of-birth";

// What a search box entry could mean. One query can be several things at once ("5550104477" is a
// phone number and maybe a record number); the search runs every plausible reading and ranks them.

export type SearchTerms = {
  /** Upper-cased, for record numbers (stored upper-case): exact or prefix. */
  recordNumber: string | null;
  /** Lower-cased letters and spaces, for typo-tolerant name matching (three letters or more). */
  name: string | null;
  /** Lower-cased start of a surname, for one or two letters. */
  lastNamePrefix: string | null;
  /** ISO date (yyyy-mm-dd) when the query is a date of birth. */
  dateOfBirth: string | null;
  /** Lower-cased start of an email address. */
  emailPrefix: string | null;
  /** Digits of a phone number (at least 7), without a leading US country code. */
  phoneDigits: string | null;
};

const MIN_TRIGRAM_LETTERS = 3;
const MIN_PHONE_DIGITS = 7;

function phoneDigitsOf(text: string): string | null {
  if (!/^[\d\s().+-]+$/.test(text)) return null;
  let digits = text.replace(/\D/g, "");
  if (digits.length === 11 && digits.startsWith("1")) digits = digits.slice(1);
  return digits.length >= MIN_PHONE_DIGITS ? digits : null;
}

export function parseSearchTerms(query: string): SearchTerms {
  const text = query.trim().replace(/\s+/g, " ");
  const isOneToken = text.length > 0 && !text.includes(" ");
  const letters = text
    .toLowerCase()
    .replace(/[^\p{L}\s'-]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const letterCount = letters.replace(/[\s'-]/g, "").length;
  const dateOfBirth = parseDateOfBirth(text);
  const hasDigits = /\d/.test(text);
  return {
    recordNumber: isOneToken && /^[\p{L}\d._/-]+$/u.test(text) ? text.toUpperCase() : null,
    name: letterCount >= MIN_TRIGRAM_LETTERS && !hasDigits ? letters : null,
    lastNamePrefix:
      letterCount > 0 && letterCount < MIN_TRIGRAM_LETTERS && isOneToken && !hasDigits
        ? letters
        : null,
    dateOfBirth,
    emailPrefix:
      isOneToken && !dateOfBirth && /^[\p{L}\d._%+@-]+$/u.test(text) && text.length >= 3
        ? text.toLowerCase()
        : null,
    phoneDigits: dateOfBirth ? null : phoneDigitsOf(text),
  };
}

/** LIKE treats % and _ as wildcards and \ as the escape: a prefix must have them escaped. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, "\\$&");
}
