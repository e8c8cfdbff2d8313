import { describe, expect, it } from "vitest";

import { GuestRelationship, JoinMode } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { claimGuestLink } from "@/lib/guests/claim-guest-link";
import { createGuestSecret } from "@/lib/guests/guest-token";
import { inviteGuest } from "@/lib/guests/invite-guest";
import { decryptTelehealthData } from "@/lib/telehealth/telehealth-crypto";
import { updateTelehealthSettings } from "@/lib/telehealth/update-telehealth-settings";
import { startVisit } from "@/lib/visits/start-visit";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";

// Where a guest's Join goes, over real HTTP to the Zoom emulator: their own registrant link (so
// that Zoom's webhooks name them), or, in telehealth mode, a launch URL with their own userid.

const context = withZoomEmulator();
const API_KEY = "carevisit-dev-telehealth-key";
const API_SECRET = "carevisit-dev-telehealth-secret";

async function guestOfLiveVisit() {
  const clinic = await createLinkedClinic(context.zoom);
  const { visit } = await startVisit({
    viewer: clinic.viewers.provider,
    subjectId: clinic.patient.subject.id,
  });
  const link = await inviteGuest({
    viewer: clinic.viewers.provider,
    visitId: visit.id,
    name: "Ines Interpreter",
    relationship: GuestRelationship.INTERPRETER,
    email: null,
  });
  return { clinic, visit, link, token: link.url.split("/guest/")[1]! };
}

describe("the guest's join", () => {
  it("is the guest's own Zoom registrant link, stored for the guest", async () => {
    const { visit, link, token } = await guestOfLiveVisit();
    const joined = await claimGuestLink({ token, claimSecret: createGuestSecret().secret });
    expect(joined.kind).toBe("joined");
    const url = new URL(joined.kind === "joined" ? joined.url : "");
    expect(url.port).toBe(new URL(context.zoom.url).port);
    expect(url.searchParams.get("tk")).toBeTruthy();
    const registrants = await db.visitRegistrant.findMany({ where: { visitId: visit.id } });
    expect(registrants).toMatchObject([{ guestId: link.guestId, userId: null }]);
  });

  it("is a telehealth launch URL with the guest's own userid in telehealth mode", async () => {
    const { clinic, visit, link, token } = await guestOfLiveVisit();
    await updateTelehealthSettings({
      viewer: clinic.viewers.admin,
      joinMode: JoinMode.TELEHEALTH_URL,
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      includeIdentity: false,
      notifierUsername: undefined,
      notifierPassword: undefined,
      removeNotifierCredentials: false,
    });
    const joined = await claimGuestLink({ token, claimSecret: createGuestSecret().secret });
    const url = new URL(joined.kind === "joined" ? joined.url : "");
    const fields = new URLSearchParams(
      decryptTelehealthData(url.searchParams.get("data") ?? "", API_SECRET),
    );
    expect(Object.fromEntries(fields)).toEqual({
      usertype: "2",
      sessionid: visit.id,
      userid: `guest-${link.guestId}`,
    });
    const [audit] = await db.auditEvent.findMany({
      where: { action: "guest.join", targetId: link.guestId },
    });
    expect(audit?.details).toMatchObject({ mode: "telehealth" });
  });
});
