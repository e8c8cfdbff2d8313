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
});
