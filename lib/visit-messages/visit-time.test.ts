import { describe, expect, it } from "vitest";

import { visitEmailsTranslator } from "./visit-emails-translator";
import { formatReminderOffset, formatVisitDuration, formatVisitWhen } from "./visit-time";

const en = visitEmailsTranslator("en");
const es = visitEmailsTranslator("es");

describe("the visit's time in words", () => {
  it("writes the day and time in the clinic's zone, in English and Spanish", () => {
    const start = new Date("2026-12-08T19:30:00Z");
    expect(formatVisitWhen(start, "America/New_York", "en", en)).toBe(
      "Tuesday, December 8 at 2:30 PM EST",
    );
    expect(formatVisitWhen(start, "America/New_York", "es", es)).toBe(
      "martes, 8 de diciembre a las 2:30 p.m. EST",
    );
    expect(formatVisitWhen(start, "America/Los_Angeles", "en", en)).toBe(
      "Tuesday, December 8 at 11:30 AM PST",
    );
    expect(formatVisitWhen(new Date("2026-06-09T04:30:00Z"), "America/New_York", "en", en)).toBe(
      "Tuesday, June 9 at 12:30 AM EDT",
    );
  });

  it("says «a la» at one o'clock in Spanish, «a las» otherwise", () => {
    const one = new Date("2026-12-08T18:05:00Z");
    expect(formatVisitWhen(one, "America/New_York", "es", es)).toBe(
      "martes, 8 de diciembre a la 1:05 p.m. EST",
    );
    expect(formatVisitWhen(one, "America/New_York", "en", en)).toBe(
      "Tuesday, December 8 at 1:05 PM EST",
    );
    const eleven = new Date("2026-12-08T16:00:00Z");
    expect(formatVisitWhen(eleven, "America/New_York", "es", es)).toBe(
      "martes, 8 de diciembre a las 11:00 a.m. EST",
    );
  });

  it("writes the length and a reminder's lead time in words", () => {
    expect(formatVisitDuration(30, en)).toBe("30 minutes");
    expect(formatVisitDuration(1, es)).toBe("1 minuto");
    expect(formatVisitDuration(45, es)).toBe("45 minutos");
    expect(formatReminderOffset(15, en)).toBe("15 minutes");
    expect(formatReminderOffset(24 * 60, en)).toBe("24 hours");
    expect(formatReminderOffset(24 * 60, es)).toBe("24 horas");
    expect(formatReminderOffset(60, en)).toBe("1 hour");
    expect(formatReminderOffset(60, es)).toBe("1 hora");
    expect(formatReminderOffset(90, en)).toBe("90 minutes");
    expect(formatReminderOffset(2 * 24 * 60, en)).toBe("2 days");
    expect(formatReminderOffset(3 * 24 * 60, es)).toBe("3 días");
  });
});
