import { describe, expect, it } from "vitest";

import { Role } from "@/generated/prisma/enums";
import { emailLocaleFor } from "@/lib/email/messages/email-locale";
import { passwordResetMessage } from "@/lib/email/messages/password-reset";
import { portalInvitationMessage } from "@/lib/email/messages/portal-invitation";
import { renderMessage } from "@/lib/email/messages/render";
import { signInCodeMessage } from "@/lib/email/messages/sign-in-code";

describe("renderMessage", () => {
  it("writes the same content as text and as HTML, the action's address in both", () => {
    const message = renderMessage({
      subject: "Hello",
      blocks: [
        { kind: "paragraph", text: "First line." },
        { kind: "action", label: "Open it", url: "https://clinic.example/x?a=1&b=2" },
        { kind: "note", text: "Small print." },
      ],
    });
    expect(message.text).toBe(
      "First line.\n\nOpen it:\nhttps://clinic.example/x?a=1&b=2\n\nSmall print.\n",
    );
    expect(message.html).toContain('href="https://clinic.example/x?a=1&amp;b=2"');
    expect(message.html).toContain(">Open it</a>");
    expect(message.html).toContain("First line.");
  });

  it("escapes names in the HTML, so a name cannot add markup", () => {
    const message = portalInvitationMessage({
      locale: "en",
      firstName: '<img src=x onerror="alert(1)">',
      clinicName: "Smith & Sons",
      setPasswordUrl: "http://localhost:3000/sign-in/invitation/abc",
      codeSignInUrl: "http://localhost:3000/sign-in/code",
      validDays: 7,
    });
    expect(message.html).not.toContain("<img");
    expect(message.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(message.html).toContain("Smith &amp; Sons");
    expect(message.subject).toBe("Smith & Sons invites you to CareVisit");
    expect(message.text).toContain(
      "Set your password:\nhttp://localhost:3000/sign-in/invitation/abc",
    );
  });

  it("writes details as label lines and a table, a note's link in both, and the language", () => {
    const message = renderMessage({
      subject: "Consulta",
      lang: "es",
      blocks: [
        {
          kind: "details",
          rows: [
            { label: "Cuándo", value: "martes <8>" },
            { label: "Con", value: "Priya" },
          ],
        },
        {
          kind: "action",
          label: "Ver",
          url: "https://x.test/v",
          addressLabel: "O abra esta dirección:",
        },
        {
          kind: "note",
          text: "Recibe recordatorios.",
          link: { label: "Dejar de recibirlos", url: "https://x.test/s?t=a&b" },
        },
      ],
    });
    expect(message.text).toBe(
      "Cuándo: martes <8>\nCon: Priya\n\nVer:\nhttps://x.test/v\n\n" +
        "Recibe recordatorios.\nDejar de recibirlos: https://x.test/s?t=a&b\n",
    );
    expect(message.html).toContain('<html lang="es">');
    expect(message.html).toContain('<th scope="row"');
    expect(message.html).toContain(">martes &lt;8&gt;</td>");
    expect(message.html).toContain("O abra esta dirección:");
    expect(message.html).not.toContain("Or open this address:");
    expect(message.html).toContain('href="https://x.test/s?t=a&amp;b"');
    expect(message.html).toContain(">Dejar de recibirlos</a>");
  });

  it("keeps a subject on one line whatever the names in it hold", () => {
    const message = portalInvitationMessage({
      locale: "es",
      firstName: "Ana",
      clinicName: "Clínica\r\nBcc: everyone@example.com",
      setPasswordUrl: "http://localhost:3000/sign-in/invitation/abc",
      codeSignInUrl: "http://localhost:3000/sign-in/code",
      validDays: 7,
    });
    expect(message.subject).toBe("Clínica Bcc: everyone@example.com le invita a CareVisit");
    expect(message.html).toContain("<title>Clínica Bcc: everyone@example.com le invita");
  });
});

describe("the patient's account emails in Spanish", () => {
  const english = /\b(Hello|Or open this address|password|sign-in|link works)\b/i;
  /** The words of a message, without its addresses (which have English paths). */
  const wordsOf = (html: string) => html.replace(/https?:\/\/[^"<\s]+/g, "");

  it("invite to the portal in Spanish, with the days in words", () => {
    const message = portalInvitationMessage({
      locale: "es",
      firstName: "María",
      clinicName: "Clínica Norte",
      setPasswordUrl: "http://localhost:3000/sign-in/invitation/abc",
      codeSignInUrl: "http://localhost:3000/sign-in/code",
      validDays: 7,
    });
    expect(message.subject).toBe("Clínica Norte le invita a CareVisit");
    expect(message.text).toBe(
      "Hola, María:\n\n" +
        "Clínica Norte le invita a CareVisit, donde puede ver sus consultas por video y unirse a ellas con un solo toque.\n\n" +
        "Elegir su contraseña:\nhttp://localhost:3000/sign-in/invitation/abc\n\n" +
        "Si lo prefiere, no necesita contraseña: inicie sesión con un código de un solo uso enviado a esta dirección en http://localhost:3000/sign-in/code\n\n" +
        "El enlace sirve una sola vez, durante 7 días. Si no esperaba este correo, puede ignorarlo.\n",
    );
    expect(message.html).toContain('<html lang="es">');
    expect(message.html).toContain("O abra esta dirección:");
    expect(wordsOf(message.html)).not.toMatch(english);
  });

  it("send the sign-in code and the reset link in Spanish", () => {
    const code = signInCodeMessage({
      locale: "es",
      firstName: "María",
      code: "042917",
      enterCodeUrl: "http://localhost:3000/sign-in/code?step=enter",
      validMinutes: 10,
    });
    expect(code.subject).toBe("Su código para iniciar sesión en CareVisit: 042917");
    expect(code.text).toContain("Sirve una sola vez, durante 10 minutos.");
    expect(code.text).toContain(
      "Escribir el código:\nhttp://localhost:3000/sign-in/code?step=enter",
    );
    expect(wordsOf(code.html)).not.toMatch(english);

    const reset = passwordResetMessage({
      locale: "es",
      firstName: "María",
      resetUrl: "http://localhost:3000/sign-in/reset-password/xyz",
      validMinutes: 60,
    });
    expect(reset.subject).toBe("Restablezca su contraseña de CareVisit");
    expect(reset.text).toContain(
      "Elegir una contraseña nueva:\nhttp://localhost:3000/sign-in/reset-password/xyz",
    );
    expect(reset.text).toContain("durante 60 minutos");
    expect(reset.html).toContain('<html lang="es">');
    expect(wordsOf(reset.html)).not.toMatch(english);
  });

  it("are chosen by a patient's preferred language; staff always read English", () => {
    expect(emailLocaleFor({ role: Role.PATIENT, preferredLanguage: "es" })).toBe("es");
    expect(emailLocaleFor({ role: Role.PATIENT, preferredLanguage: "fr" })).toBe("en");
    expect(emailLocaleFor({ role: Role.PATIENT, preferredLanguage: null })).toBe("en");
    expect(emailLocaleFor({ role: Role.CARE_TEAM, preferredLanguage: "es" })).toBe("en");
    expect(emailLocaleFor({ role: Role.ADMIN })).toBe("en");
  });
});
