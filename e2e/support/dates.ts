/** Tomorrow's date in New York (the factories' clinics' time zone), as the date input takes it. */
export function tomorrowInNewYork(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(
    new Date(Date.now() + 24 * 3_600_000),
  );
}
