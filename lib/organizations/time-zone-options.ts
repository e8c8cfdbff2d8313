import { zoneOffsetMs } from "@/lib/time-zone";

// The Settings page's time-zone picker: readable names ("Eastern Time — New York (UTC−05:00)")
// for the IANA ids it stores, the clinic's likely zones first.

export type TimeZoneOption = { id: string; label: string; offsetMinutes: number };

/** The zones most clinics here are in (US, then a few others), offered first. */
export const COMMON_TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
  "America/Toronto",
  "America/Mexico_City",
  "Europe/London",
  "Europe/Madrid",
] as const;

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const absolute = Math.abs(minutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, "0");
  return `UTC${sign}${hours}:${String(absolute % 60).padStart(2, "0")}`;
}

export function timeZoneOption(id: string, at = new Date()): TimeZoneOption {
  const offsetMinutes = Math.round(zoneOffsetMs(at, id) / 60_000);
  const generic = new Intl.DateTimeFormat("en-US", { timeZone: id, timeZoneName: "longGeneric" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const city = (id.split("/").at(-1) ?? id).replace(/_/g, " ");
  const name = generic && !/^GMT/.test(generic) ? `${generic} — ${city}` : city;
  return { id, label: `${name} (${formatOffset(offsetMinutes)})`, offsetMinutes };
}

/**
 * Suggested first (the clinic's current zone, then the common ones), then every other zone by
 * offset and name. The browser's own zone is added to the suggestions on the page itself.
 */
export function timeZoneOptions(
  allZones: readonly string[],
  current: string,
  at = new Date(),
): { suggested: TimeZoneOption[]; others: TimeZoneOption[] } {
  const suggestedIds = [...new Set([current, ...COMMON_TIME_ZONES])].filter((id) =>
    allZones.includes(id),
  );
  const suggested = suggestedIds.map((id) => timeZoneOption(id, at));
  const others = allZones
    .filter((id) => !suggestedIds.includes(id))
    .map((id) => timeZoneOption(id, at))
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.label.localeCompare(b.label));
  return { suggested, others };
}
