import { createCipheriv, randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { JoinMode } from "@/generated/prisma/enums";
import { decryptSecret, sealedFields } from "@/lib/crypto/encryption";
import { resealSecrets } from "@/lib/crypto/reseal-secrets";
import { db } from "@/lib/db/db";
import { env } from "@/lib/env";
import { findTelehealthJoinConfig } from "@/lib/telehealth/find-telehealth-config";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { getJoinUrl } from "@/lib/visits/join-visit";
import { getZoomUser } from "@/lib/zoom/api/users";
import { createVisit } from "@/prisma/factories";

const context = withZoomEmulator();

/** A value as the code before associated data sealed it ("v1", no AAD), with the app's key. */
function sealAsV1(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(env.TOKEN_ENCRYPTION_KEY, "base64"), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** A linked clinic whose secrets are stored as the code before this one stored them. */
async function clinicWithLegacySecrets() {
  const clinic = await createLinkedClinic(context.zoom);
  const organizationId = clinic.organization.id;
  const connection = await db.zoomConnection.findUniqueOrThrow({
    where: { organizationId },
    select: { accessToken: true, refreshToken: true },
  });
  const open = (sealed: string | null, column: "accessToken" | "refreshToken") =>
    decryptSecret(sealed ?? "", sealedFields.zoomToken(organizationId, column));
  await db.zoomConnection.update({
    where: { organizationId },
    data: {
      accessToken: sealAsV1(open(connection.accessToken, "accessToken")),
      refreshToken: sealAsV1(open(connection.refreshToken, "refreshToken")),
    },
  });
  const joinUrl = `${context.zoom.url}/j/81234567890?pwd=legacyPasscodeHash`;
  const visit = await createVisit(db, {
    organizationId,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    scheduledStart: new Date(Date.now() + 5 * 60_000),
    zoomMeetingId: 81_234_567_890n,
    zoomJoinUrl: joinUrl,
    zoomStartUrl: sealAsV1(`${context.zoom.url}/s/81234567890?zak=legacy`),
    zoomPassword: sealAsV1("123456"),
  });
  await db.telehealthSettings.create({
    data: {
      organizationId,
      joinMode: JoinMode.ZOOM_URL,
      apiKey: "key",
      apiSecret: sealAsV1("old-secret"),
    },
  });
  return { ...clinic, visitId: visit.id, joinUrl };
}

describe("resealing secrets stored before they were bound to their row", () => {
  it("reads every legacy value, rewrites each as v2 bound to its row and column, and reads it again", async () => {
    const clinic = await clinicWithLegacySecrets();
    const organizationId = clinic.organization.id;
    const readAll = async () => ({
      patientJoinUrl: await getJoinUrl({ viewer: clinic.viewers.patient, visitId: clinic.visitId }),
      zoomOwner: (await getZoomUser(clinic.connection, "me")).email,
    });
    const before = await readAll();
    expect(before).toEqual({ patientJoinUrl: clinic.joinUrl, zoomOwner: clinic.ownerEmail });

    const result = await resealSecrets();
    expect(result.zoomConnections).toBeGreaterThanOrEqual(1);
    expect(result.visits).toBeGreaterThanOrEqual(1);
    expect(result.telehealthSettings).toBeGreaterThanOrEqual(1);

    const visit = await db.visit.findUniqueOrThrow({
      where: { id: clinic.visitId },
      select: { zoomJoinUrl: true, zoomStartUrl: true, zoomPassword: true },
    });
    const connection = await db.zoomConnection.findUniqueOrThrow({
      where: { organizationId },
      select: { accessToken: true, refreshToken: true },
    });
    const settings = await db.telehealthSettings.findUniqueOrThrow({
      where: { organizationId },
      select: { apiSecret: true },
    });
    for (const value of [...Object.values(visit), ...Object.values(connection), settings.apiSecret])
      expect(value).toMatch(/^v2\./);
    expect(visit.zoomJoinUrl).not.toContain("pwd=");
    expect(
      decryptSecret(
        visit.zoomPassword ?? "",
        sealedFields.visitMeeting(clinic.visitId, "zoomPassword"),
      ),
    ).toBe("123456");
    expect(await readAll()).toEqual(before);
    await db.telehealthSettings.update({
      where: { organizationId },
      data: { joinMode: JoinMode.TELEHEALTH_URL },
    });
    expect((await findTelehealthJoinConfig(organizationId))?.apiSecret).toBe("old-secret");

    // A second run finds nothing left to do.
    const again = await resealSecrets();
    expect(await db.visit.count({ where: { zoomJoinUrl: { startsWith: "http" } } })).toBe(0);
    expect(again.zoomConnections + again.telehealthSettings).toBe(0);
  });

  it("will not open a sealed value copied into another clinic's row", async () => {
    const first = await createLinkedClinic(context.zoom);
    const second = await createLinkedClinic(context.zoom);
    const stolen = await db.zoomConnection.findUniqueOrThrow({
      where: { organizationId: first.organization.id },
      select: { accessToken: true },
    });
    await db.zoomConnection.update({
      where: { organizationId: second.organization.id },
      data: { accessToken: stolen.accessToken },
    });
    await expect(getZoomUser(second.connection, "me")).rejects.toThrow();
    expect((await getZoomUser(first.connection, "me")).email).toBe(first.ownerEmail);
  });
});
