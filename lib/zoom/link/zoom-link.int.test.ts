import { describe, expect, it } from "vitest";

import { ZoomConnectionStatus } from "@/generated/prisma/enums";
import { decryptSecret, sealedFields } from "@/lib/crypto/encryption";
import { db } from "@/lib/db/db";
import { isAppError } from "@/lib/errors";
import { createClinic, viewerFor } from "@/tests/support/viewers";
import { consentAtZoom, linkZoom } from "@/tests/support/zoom-link";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { createZoomAccount } from "@/tests/support/zoom-account";
import { completeZoomLink } from "@/lib/zoom/link/complete-zoom-link";
import { removeZoomLink } from "@/lib/zoom/link/remove-zoom-link";
import { getZoomUser } from "@/lib/zoom/api/users";
import { getValidAccessToken, refreshAccessToken } from "@/lib/zoom/tokens";
import { startZoomLink } from "@/lib/zoom/link/start-zoom-link";
import { createUser } from "@/prisma/factories";

const context = withZoomEmulator();

type EmulatorState = {
  accounts: { id: string; users: { id: string; email: string }[] }[];
  stats: Record<string, unknown>;
};

const emulatorState = () => context.zoom.control<EmulatorState>("GET", "/state");

const newZoomAccount = () => createZoomAccount(context.zoom);

describe("linking Zoom", () => {
  it("links through Zoom's consent page with state and PKCE, storing tokens encrypted", async () => {
    const clinic = await createClinic(db);
    const account = await newZoomAccount();
    const { authorizeUrl } = await startZoomLink({ viewer: clinic.viewers.admin });
    const authorize = new URL(authorizeUrl);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("redirect_uri")).toBe(
      "http://localhost:3000/api/zoom/oauth/callback",
    );

    const back = await consentAtZoom(authorizeUrl, { userEmail: account.ownerEmail });
    expect(back.searchParams.get("state")).toBe(authorize.searchParams.get("state"));
    const outcome = await completeZoomLink({
      viewer: clinic.viewers.admin,
      code: back.searchParams.get("code") ?? undefined,
      state: back.searchParams.get("state") ?? undefined,
    });
    expect(outcome).toEqual({ status: "linked" });

    const connection = await db.zoomConnection.findUniqueOrThrow({
      where: { organizationId: clinic.organization.id },
      select: {
        status: true,
        zoomAccountId: true,
        zoomUserEmail: true,
        zoomUserName: true,
        scopes: true,
        accessToken: true,
        refreshToken: true,
        linkedById: true,
      },
    });
    expect(connection).toMatchObject({
      status: ZoomConnectionStatus.ACTIVE,
      zoomAccountId: account.id,
      zoomUserEmail: account.ownerEmail,
      zoomUserName: "Olive Owner",
      linkedById: clinic.admin.id,
    });
    expect(connection.scopes).toContain("meeting:write:admin");
    expect(connection.accessToken).toMatch(/^v2\./);
    expect(
      decryptSecret(
        connection.refreshToken ?? "",
        sealedFields.zoomToken(clinic.organization.id, "refreshToken"),
      ),
    ).not.toBe(connection.refreshToken);
    expect(
      await db.auditEvent.count({ where: { actorUserId: clinic.admin.id, action: "zoom.link" } }),
    ).toBe(1);
  });

  it("refuses a state that is unknown, another admin's, reused or expired, and stores nothing", async () => {
    const clinic = await createClinic(db);
    const account = await newZoomAccount();
    const otherAdmin = viewerFor(
      await createUser(db, { organizationId: clinic.organization.id, role: "ADMIN" }),
    );
    const { authorizeUrl } = await startZoomLink({ viewer: clinic.viewers.admin });
    const back = await consentAtZoom(authorizeUrl, { userEmail: account.ownerEmail });
    const code = back.searchParams.get("code") ?? undefined;
    const state = back.searchParams.get("state") ?? undefined;

    expect(await completeZoomLink({ viewer: clinic.viewers.admin, code })).toEqual({
      status: "failed",
      reason: "missing_state",
    });
    expect(await completeZoomLink({ viewer: clinic.viewers.admin, code, state: "forged" })).toEqual(
      { status: "failed", reason: "invalid_state" },
    );
    expect(await completeZoomLink({ viewer: otherAdmin, code, state })).toEqual({
      status: "failed",
      reason: "invalid_state",
    });
    expect(
      await db.zoomConnection.count({ where: { organizationId: clinic.organization.id } }),
    ).toBe(0);

    const late = await startZoomLink({ viewer: otherAdmin });
    await db.oAuthState.updateMany({
      where: { userId: otherAdmin.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const lateState = new URL(late.authorizeUrl).searchParams.get("state") ?? undefined;
    expect(await completeZoomLink({ viewer: otherAdmin, code: "x", state: lateState })).toEqual({
      status: "failed",
      reason: "expired_state",
    });

    expect(await completeZoomLink({ viewer: clinic.viewers.admin, code, state })).toEqual({
      status: "linked",
    });
    expect(await completeZoomLink({ viewer: clinic.viewers.admin, code, state })).toEqual({
      status: "failed",
      reason: "used_state",
    });
  });

  it("fails cleanly when Zoom refuses a reused code or a wrong PKCE verifier", async () => {
    const clinic = await createClinic(db);
    const account = await newZoomAccount();
    const first = await startZoomLink({ viewer: clinic.viewers.admin });
    const second = await startZoomLink({ viewer: clinic.viewers.admin });
    const firstBack = await consentAtZoom(first.authorizeUrl, { userEmail: account.ownerEmail });
    const secondState = new URL(second.authorizeUrl).searchParams.get("state") ?? undefined;

    const code = firstBack.searchParams.get("code") ?? undefined;
    expect(
      await completeZoomLink({
        viewer: clinic.viewers.admin,
        code,
        state: firstBack.searchParams.get("state") ?? undefined,
      }),
    ).toEqual({ status: "linked" });
    await removeZoomLink({ viewer: clinic.viewers.admin, retainData: true });
    expect(
      await completeZoomLink({ viewer: clinic.viewers.admin, code, state: secondState }),
    ).toEqual({ status: "failed", reason: "exchange_failed" });

    const tampered = await startZoomLink({ viewer: clinic.viewers.admin });
    const tamperedBack = await consentAtZoom(tampered.authorizeUrl, {
      userEmail: account.ownerEmail,
      tamper: (url) => url.searchParams.set("code_challenge", "A".repeat(43)),
    });
    expect(
      await completeZoomLink({
        viewer: clinic.viewers.admin,
        code: tamperedBack.searchParams.get("code") ?? undefined,
        state: tamperedBack.searchParams.get("state") ?? undefined,
      }),
    ).toEqual({ status: "failed", reason: "exchange_failed" });
    const connection = await db.zoomConnection.findUniqueOrThrow({
      where: { organizationId: clinic.organization.id },
      select: { status: true },
    });
    expect(connection.status).toBe(ZoomConnectionStatus.REMOVED);
  });

  it("reports a declined consent and uses the state up", async () => {
    const clinic = await createClinic(db);
    expect(await linkZoom(clinic.viewers.admin, { decision: "decline" })).toEqual({
      status: "failed",
      reason: "declined",
    });
    expect(
      await db.zoomConnection.count({ where: { organizationId: clinic.organization.id } }),
    ).toBe(0);
    expect(await db.oAuthState.count({ where: { userId: clinic.admin.id, usedAt: null } })).toBe(0);
  });

  it("will not link one Zoom account to two organizations, or a second account over a working one", async () => {
    const first = await createClinic(db);
    const second = await createClinic(db);
    const account = await newZoomAccount();
    const another = await newZoomAccount();
    expect(await linkZoom(first.viewers.admin, { userEmail: account.ownerEmail })).toEqual({
      status: "linked",
    });
    expect(await linkZoom(second.viewers.admin, { userEmail: account.ownerEmail })).toEqual({
      status: "failed",
      reason: "account_in_use",
    });
    const error = await startZoomLink({ viewer: first.viewers.admin }).catch(
      (caught: unknown) => caught,
    );
    expect(isAppError(error, "conflict")).toBe(true);
    await db.zoomConnection.updateMany({
      where: { organizationId: first.organization.id },
      data: { status: ZoomConnectionStatus.NEEDS_RELINK },
    });
    expect(await linkZoom(first.viewers.admin, { userEmail: another.ownerEmail })).toEqual({
      status: "failed",
      reason: "already_linked",
    });
    expect(await linkZoom(first.viewers.admin, { userEmail: account.ownerEmail })).toEqual({
      status: "linked",
    });
  });

  it("leaves the clinic that holds a Zoom account linked when another clinic tries to link it", async () => {
    const holder = await createClinic(db);
    const intruder = await createClinic(db);
    const account = await newZoomAccount();
    expect(await linkZoom(holder.viewers.admin, { userEmail: account.ownerEmail })).toEqual({
      status: "linked",
    });
    const revokesBefore = Number((await emulatorState()).stats.revokes);
    for (let attempt = 0; attempt < 2; attempt++)
      expect(await linkZoom(intruder.viewers.admin, { userEmail: account.ownerEmail })).toEqual({
        status: "failed",
        reason: "account_in_use",
      });
    expect(Number((await emulatorState()).stats.revokes)).toBe(revokesBefore);
    const connection = await db.zoomConnection.findUniqueOrThrow({
      where: { organizationId: holder.organization.id },
      select: { id: true, status: true, zoomAccountId: true },
    });
    expect(connection).toMatchObject({
      status: ZoomConnectionStatus.ACTIVE,
      zoomAccountId: account.id,
    });
    // The holder's tokens still work at Zoom, with a refresh too.
    const owner = await getZoomUser(connection, "me");
    expect(owner.email).toBe(account.ownerEmail);
    const { version } = await getValidAccessToken(connection.id);
    await refreshAccessToken(connection.id, version);
    expect((await getZoomUser(connection, "me")).email).toBe(account.ownerEmail);
    expect(
      await db.zoomConnection.findUniqueOrThrow({
        where: { id: connection.id },
        select: { status: true },
      }),
    ).toEqual({ status: ZoomConnectionStatus.ACTIVE });
    expect(
      await db.zoomConnection.count({ where: { organizationId: intruder.organization.id } }),
    ).toBe(0);
    // Audited in the holder's clinic, naming nobody from the other one.
    const audit = await db.auditEvent.findMany({
      where: { organizationId: holder.organization.id, action: "zoom.grant_replaced" },
      select: { actorUserId: true, details: true },
    });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toEqual({
      actorUserId: null,
      details: { reason: "authorized_again_at_zoom" },
    });
  });

  it("lets only administrators link", async () => {
    const clinic = await createClinic(db);
    const error = await startZoomLink({ viewer: clinic.viewers.provider }).catch(
      (caught: unknown) => caught,
    );
    expect(isAppError(error, "forbidden")).toBe(true);
  });
});
