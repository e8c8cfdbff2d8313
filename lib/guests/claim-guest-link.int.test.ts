import { describe, expect, it } from "vitest";

import { GuestRelationship, VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { claimGuestLink } from "@/lib/guests/claim-guest-link";
import { createGuestSecret } from "@/lib/guests/guest-token";
import { inviteGuest } from "@/lib/guests/invite-guest";
import { openGuestLink } from "@/lib/guests/open-guest-link";
import { revokeGuest } from "@/lib/guests/revoke-guest";
import { createVisit } from "@/prisma/factories";
import { createClinic } from "@/tests/support/viewers";

// The guest link's rules, against real PostgreSQL: tampered, expired by the visit's end or unused,
// revoked, a second browser refused, two browsers racing with one winner, the join audited.

const MINUTE = 60_000;
const JOIN_URL = "https://zoom.example.test/j/81234567890?pwd=abc";

async function invitedGuest(startsIn = 5 * MINUTE, meeting = true) {
  const clinic = await createClinic(db);
  const visit = await createVisit(db, {
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    scheduledStart: new Date(Date.now() + startsIn),
    ...(meeting ? { zoomMeetingId: 81234567890n, zoomJoinUrl: JOIN_URL } : {}),
  });
  const link = await inviteGuest({
    viewer: clinic.viewers.provider,
    visitId: visit.id,
    name: "Ines Interpreter",
    relationship: GuestRelationship.INTERPRETER,
    email: null,
  });
  const token = link.url.split("/guest/")[1]!;
  return { clinic, visit, link, token };
}

const browser = () => createGuestSecret().secret;

describe("guest links", () => {
  it("joins from the first browser, again from it, and refuses a second browser", async () => {
    const { link, token, visit } = await invitedGuest();
    const first = browser();
    expect(await openGuestLink({ token, claimSecret: null })).toMatchObject({
      kind: "found",
      state: { kind: "usable" },
    });
    expect(await claimGuestLink({ token, claimSecret: first })).toEqual({
      kind: "joined",
      url: JOIN_URL,
    });
    expect(await claimGuestLink({ token, claimSecret: first })).toMatchObject({ kind: "joined" });
    const second = browser();
    expect(await claimGuestLink({ token, claimSecret: second })).toEqual({ kind: "in_use" });
    expect(await openGuestLink({ token, claimSecret: second })).toMatchObject({
      state: { kind: "in_use" },
    });
    const joins = await db.auditEvent.findMany({
      where: { action: "guest.join", targetId: link.guestId },
    });
    expect(joins).toHaveLength(2);
    expect(joins[0]).toMatchObject({ actorUserId: null, subjectId: visit.subjectId });
    expect(JSON.stringify(joins.map((row) => row.details))).not.toContain(token);
  });

  it("keeps the link for the browser whose first Join found no meeting yet", async () => {
    const { token, visit } = await invitedGuest(5 * MINUTE, false);
    const first = browser();
    expect(await claimGuestLink({ token, claimSecret: first })).toEqual({ kind: "no_meeting" });
    await db.visit.update({
      where: { id: visit.id },
      data: { zoomMeetingId: 81234567890n, zoomJoinUrl: JOIN_URL },
    });
    expect(await claimGuestLink({ token, claimSecret: first })).toMatchObject({ kind: "joined" });
    expect(await claimGuestLink({ token, claimSecret: browser() })).toEqual({ kind: "in_use" });
  });

  it("gives exactly one of two racing browsers the link", async () => {
    const { token, link } = await invitedGuest();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => claimGuestLink({ token, claimSecret: browser() })),
    );
    expect(results.filter((result) => result.kind === "joined")).toHaveLength(1);
    expect(results.filter((result) => result.kind === "in_use")).toHaveLength(5);
    const guest = await db.visitGuest.findUniqueOrThrow({ where: { id: link.guestId } });
    expect(guest.claimHash).not.toBeNull();
  });

  it("does not open a tampered or unknown token", async () => {
    const { token } = await invitedGuest();
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const bad of [tampered, "short", `${token}x`, "../../etc/passwd"]) {
      expect(await openGuestLink({ token: bad, claimSecret: null })).toEqual({ kind: "unknown" });
      expect(await claimGuestLink({ token: bad, claimSecret: browser() })).toEqual({
        kind: "unknown",
      });
    }
  });

  it("stops a revoked link, even in the browser that claimed it", async () => {
    const { clinic, token, link } = await invitedGuest();
    const first = browser();
    await claimGuestLink({ token, claimSecret: first });
    await revokeGuest({ viewer: clinic.viewers.provider, guestId: link.guestId });
    expect(await claimGuestLink({ token, claimSecret: first })).toEqual({ kind: "revoked" });
  });

  it("expires with the visit's end, and when unused past its window", async () => {
    const { token, visit } = await invitedGuest();
    const afterSlot = new Date(visit.scheduledStart.getTime() + 31 * MINUTE);
    expect(await claimGuestLink({ token, claimSecret: browser(), now: afterSlot })).toEqual({
      kind: "expired",
    });
    const unused = await invitedGuest();
    const late = new Date(unused.visit.scheduledStart.getTime() + 25 * MINUTE);
    await db.visitGuest.update({
      where: { id: unused.link.guestId },
      data: { unusedUntil: new Date(late.getTime() - MINUTE) },
    });
    expect(
      await claimGuestLink({ token: unused.token, claimSecret: browser(), now: late }),
    ).toEqual({
      kind: "expired",
    });
    expect(
      await db.visitGuest.findUniqueOrThrow({ where: { id: unused.link.guestId } }),
    ).toMatchObject({
      claimHash: null,
    });
  });

  it("says when it opens, and that a cancelled visit is cancelled", async () => {
    const early = await invitedGuest(60 * MINUTE);
    const result = await claimGuestLink({ token: early.token, claimSecret: browser() });
    expect(result).toEqual({
      kind: "not_yet",
      opensAt: new Date(early.visit.scheduledStart.getTime() - 15 * MINUTE),
    });
    const cancelled = await invitedGuest();
    await db.visit.update({
      where: { id: cancelled.visit.id },
      data: { status: VisitStatus.CANCELLED, cancelledAt: new Date() },
    });
    expect(await openGuestLink({ token: cancelled.token, claimSecret: null })).toMatchObject({
      state: { kind: "cancelled" },
    });
  });
});
