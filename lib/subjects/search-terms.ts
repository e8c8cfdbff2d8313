import { type DateOrder, parseDateOfBirth } from "@/lib/subjects/date-of-birth";

// What a search box entry could mean. One query can be several things at once ("5550104477" is a
// phone number and maybe a record number); the search runs every plausible reading and ranks them.

export type SearchTerms = {
  /** Upper-cased, for record numbers (stored upper-case): exact or prefix. */
  recordNumber: string | null;
  /** Lower-cased letters and spaces, for typo-tolerant name matching (three letters or more). */
  name: string | null;
  /** Lower-cased start of a surname, for one or two letters. */
  lastNamePrefix: string | null;
  /** ISO date (yyyy-mm-dd) when the query is a date of birth, read in each clinic date order. */
  datesOfBirth: Record<DateOrder, string> | null;
  /** A record number's digits without leading zeros ("rfc1", "0000001" → "1"). */
  recordDigits: string | null;
  /** The letters a record number starts with when the query has them ("rfc1" → "RFC"). */
  recordLetters: string | null;
  /** Lower-cased start of an email address. */
  emailPrefix: string | null;
  /** Digits of a phone number (at least 7), without a leading US country code. */
  phoneDigits: string | null;
};

const MIN_TRIGRAM_LETTERS = 3;
const MIN_PHONE_DIGITS = 7;

/** "rfc1", "RFC-0000001", "0000001": letters (maybe none), then digits, with one separator at most. */
const RECORD_NUMBER_SHAPE = /^(\p{L}*)[-._/]?(\d+)$/u;

function datesOfBirthOf(text: string): Record<DateOrder, string> | null {
  const MDY = parseDateOfBirth(text, "MDY");
  const DMY = parseDateOfBirth(text, "DMY");
  return MDY && DMY ? { MDY, DMY } : null;
}

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
  const datesOfBirth = datesOfBirthOf(text);
  const hasDigits = /\d/.test(text);
  const record = datesOfBirth ? null : RECORD_NUMBER_SHAPE.exec(text);
  const recordDigits = record?.[2]?.replace(/^0+/, "") ?? "";
  return {
    recordNumber: isOneToken && /^[\p{L}\d._/-]+$/u.test(text) ? text.toUpperCase() : null,
    name: letterCount >= MIN_TRIGRAM_LETTERS && !hasDigits ? letters : null,
    lastNamePrefix:
      letterCount > 0 && letterCount < MIN_TRIGRAM_LETTERS && isOneToken && !hasDigits
        ? letters
        : null,
    datesOfBirth,
    recordDigits: recordDigits || null,
    recordLetters: recordDigits && record?.[1] ? record[1].toUpperCase() : null,
    emailPrefix:
      isOneToken && !datesOfBirth && /^[\p{L}\d._%+@-]+$/u.test(text) && text.length >= 3
        ? text.toLowerCase()
        : null,
    phoneDigits: datesOfBirth ? null : phoneDigitsOf(text),
  };
}

/** LIKE treats % and _ as wildcards and \ as the escape: a prefix must have them escaped. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, "\\$&");
}
