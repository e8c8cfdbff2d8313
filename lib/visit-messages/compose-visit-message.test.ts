import { describe, expect, it } from "vitest";

import {
  CalendarSubjectName,
  VisitMessageKind,
  VisitMessageRecipient,
} from "@/generated/prisma/enums";

import { composeVisitMessage, type ComposeVisitMessageInput } from "./compose-visit-message";
import {
  ONE_CLICK_URL,
  OPT_OUT_URL,
  PATIENT_URL,
  PROVIDER_URL,
  visitMessageInput,
} from "./visit-message-fixture";

const compose = (overrides: Partial<ComposeVisitMessageInput> = {}) =>
  composeVisitMessage(visitMessageInput(overrides));

const EN_WHEN = "Tuesday, December 8 at 2:30 PM EST";
const ES_WHEN = "martes, 8 de diciembre a las 2:30 p.m. EST";
const KINDS = Object.values(VisitMessageKind);
const RECIPIENTS = Object.values(VisitMessageRecipient);

/** Every web address in a message's text, HTML (href and written out) and calendar file. */
function addressesIn(message: ReturnType<typeof compose>): Set<string> {
  const all = [message.text, message.html, message.calendar?.content ?? ""]
    .join("\n")
    .replace(/\r\n /g, "");
  return new Set(
    [...all.matchAll(/https?:\/\/[^\s"<>\\]+/g)].map((match) => match[0].replace(/[.,)]+$/, "")),
  );
}

describe("the patient's invitation", () => {
  it("says when, with whom, where, and links the visit's page, in English", () => {
    const message = compose();
    expect(message.subject).toBe(`Video visit with Priya Shah on ${EN_WHEN}`);
    expect(message.text).toContain("Hello María,");
    expect(message.text).toContain(
      `When: ${EN_WHEN}\nLength: 30 minutes\nWith: Priya Shah\nClinic: Riverside Family Clinic`,
    );
    expect(message.text).toContain(`View your visit:\n${PATIENT_URL}`);
    expect(message.text).toContain("use a one-time code sent to your email");
    expect(message.html).toContain('<html lang="en">');
    expect(message.html).toContain(`href="${PATIENT_URL}"`);
    expect(message.html).toContain(">View your visit</a>");
    expect(message.html).toContain(EN_WHEN);
    expect(message.headers).toBeUndefined();
  });

  it("is written in Spanish for a patient who prefers it", () => {
    const message = compose({ language: "es" });
    expect(message.subject).toBe(`Consulta por video con Priya Shah el ${ES_WHEN}`);
    expect(message.text).toContain("Hola, María:");
    expect(message.text).toContain(`Cuándo: ${ES_WHEN}\nDuración: 30 minutos\nCon: Priya Shah`);
    expect(message.text).toContain(`Ver su consulta:\n${PATIENT_URL}`);
    expect(message.html).toContain('<html lang="es">');
    expect(message.html).toContain("O abra esta dirección:");
    expect(message.html).toContain(ES_WHEN);
    expect(message.text).not.toMatch(/\b(the|your|visit)\b/i);
  });
});

describe("the other patient messages", () => {
  it("says the visit has moved, with the new time", () => {
    const start = new Date("2026-12-10T14:00:00Z");
    const message = compose({ kind: VisitMessageKind.UPDATE, sequence: 1, start });
    expect(message.subject).toBe("Your visit has moved to Thursday, December 10 at 9:00 AM EST");
    expect(message.text).toContain(
      "has moved. The new time is Thursday, December 10 at 9:00 AM EST.",
    );
    expect(message.text).not.toContain(EN_WHEN);
    const spanish = compose({ kind: VisitMessageKind.UPDATE, sequence: 1, start, language: "es" });
    expect(spanish.subject).toBe(
      "Su consulta se cambió para el jueves, 10 de diciembre a las 9:00 a.m. EST",
    );
  });

  it("says which visit is cancelled and whom to contact, with nothing to join", () => {
    const message = compose({ kind: VisitMessageKind.CANCELLATION, sequence: 1 });
    expect(message.subject).toBe(`Your visit on ${EN_WHEN} is cancelled`);
    expect(message.text).toContain(`Your video visit with Priya Shah on ${EN_WHEN} is cancelled.`);
    expect(message.text).toContain("please contact Riverside Family Clinic");
    expect(addressesIn(message)).toEqual(new Set([PATIENT_URL]));
    expect(message.text).not.toContain(PATIENT_URL);
    const spanish = compose({ kind: VisitMessageKind.CANCELLATION, language: "es" });
    expect(spanish.subject).toBe(`Se canceló su consulta del ${ES_WHEN}`);
    expect(spanish.text).toContain("comuníquese con Riverside Family Clinic");
  });

  it("reminds 24 hours and 15 minutes before, with the device check and a way to stop", () => {
    const day = compose({ kind: VisitMessageKind.REMINDER, offsetMinutes: 24 * 60 });
    expect(day.subject).toBe("Reminder: your video visit with Priya Shah is in 24 hours");
    expect(day.text).toContain(`is in 24 hours, on ${EN_WHEN}.`);
    expect(day.text).toContain("Test my device");
    expect(day.text).toContain(`Stop these reminders: ${OPT_OUT_URL}`);
    expect(day.html).toContain(`href="${OPT_OUT_URL}"`);
    expect(day.headers).toEqual({
      "List-Unsubscribe": `<${ONE_CLICK_URL}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    const soon = compose({ kind: VisitMessageKind.REMINDER, offsetMinutes: 15, language: "es" });
    expect(soon.subject).toBe(
      "Recordatorio: su consulta por video con Priya Shah es dentro de 15 minutos",
    );
    expect(soon.text).toContain(`es dentro de 15 minutos, el ${ES_WHEN}.`);
    expect(soon.text).toContain("Probar mi dispositivo");
    expect(soon.text).toContain(`Dejar de recibir estos recordatorios: ${OPT_OUT_URL}`);
  });

  it("refuses a reminder without its offset", () => {
    expect(() => compose({ kind: VisitMessageKind.REMINDER, offsetMinutes: undefined })).toThrow(
      /offset/,
    );
  });
});

describe("the provider's copy", () => {
  const providerCopy = (calendarSubjectName: CalendarSubjectName) =>
    compose({ recipient: VisitMessageRecipient.PROVIDER, calendarSubjectName });

  it("links the Video Conferencing page and names the patient only as the clinic allows", () => {
    const none = providerCopy(CalendarSubjectName.NONE);
    expect(none.subject).toBe(`Video visit with a patient on ${EN_WHEN}`);
    expect(none.text).toContain("Hello Priya Shah,");
    expect(none.text).toContain(`Open the Video Conferencing page:\n${PROVIDER_URL}`);
    for (const part of [none.subject, none.text, none.html, none.calendar?.content ?? ""]) {
      expect(part).not.toMatch(/María|López|M\. L\./);
    }
    const initials = providerCopy(CalendarSubjectName.INITIALS);
    expect(initials.subject).toBe(`Video visit with M. L. on ${EN_WHEN}`);
    expect(initials.text).toContain("Patient: M. L.");
    expect(`${initials.text}${initials.html}`).not.toMatch(/María|López/);
    const full = providerCopy(CalendarSubjectName.FULL_NAME);
    expect(full.subject).toBe(`Video visit with María López on ${EN_WHEN}`);
  });
});

describe("every message", () => {
  it("carries only its own links: never a Zoom address", () => {
    for (const kind of KINDS) {
      for (const recipient of RECIPIENTS) {
        for (const language of ["en", "es"] as const) {
          const message = compose({ kind, recipient, language });
          const allowed = [
            recipient === VisitMessageRecipient.PATIENT ? PATIENT_URL : PROVIDER_URL,
            OPT_OUT_URL,
          ];
          for (const address of addressesIn(message))
            expect(allowed, `${kind} ${recipient}`).toContain(address);
          expect(`${message.text}${message.html}`).not.toMatch(/zoom\.us|\/j\/\d/i);
        }
      }
    }
  });

  it("escapes names in the HTML", () => {
    const message = compose({
      patient: { firstName: '<img src=x onerror="alert(1)">', lastName: "López" },
      clinicName: "Smith & <b>Sons</b>",
    });
    expect(message.html).not.toContain("<img");
    expect(message.html).not.toContain("<b>");
    expect(message.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(message.html).toContain("Smith &amp; &lt;b&gt;Sons&lt;/b&gt;");
  });

  it("keeps the subject on one line whatever the names hold", () => {
    for (const kind of KINDS) {
      for (const recipient of RECIPIENTS) {
        const message = compose({
          kind,
          recipient,
          clinicName: "Riverside\r\nBcc: x@evil.test",
          providerName: "Priya\nShah\u2028\u0000",
          calendarSubjectName: CalendarSubjectName.FULL_NAME,
          patient: { firstName: "María\r", lastName: "\nLópez" },
        });
        expect(message.subject).not.toMatch(/[\r\n\u0000-\u001f\u007f\u2028\u2029]/);
      }
    }
    const invitation = compose({ providerName: "Priya\r\nBcc: x@evil.test" });
    expect(invitation.subject).toBe(`Video visit with Priya Bcc: x@evil.test on ${EN_WHEN}`);
  });

  it("refuses a link that is not a plain web address", () => {
    expect(() => compose({ visitUrl: "javascript:alert(1)" })).toThrow("visit link");
    expect(() =>
      compose({ kind: VisitMessageKind.REMINDER, optOutUrl: `${OPT_OUT_URL}\r\nBcc: x@evil.test` }),
    ).toThrow("opt-out link");
  });
});
