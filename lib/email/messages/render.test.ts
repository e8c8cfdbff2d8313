import { describe, expect, it } from "vitest";

import { portalInvitationMessage } from "@/lib/email/messages/portal-invitation";
import { renderMessage } from "@/lib/email/messages/render";

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
});
