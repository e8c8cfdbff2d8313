import { describe, expect, it } from "vitest";

import { JoinMode } from "@/generated/prisma/enums";
import { verifyPassword } from "@/lib/auth/password";
import { decryptSecret, sealedFields } from "@/lib/crypto/encryption";
import { db } from "@/lib/db/db";
import { type AppError, isAppError } from "@/lib/errors";
import {
  findTelehealthJoinConfig,
  verifyNotifierCredentials,
} from "@/lib/telehealth/find-telehealth-config";
import { getTelehealthSettings } from "@/lib/telehealth/get-telehealth-settings";
import type { TelehealthSettingsInput } from "@/lib/telehealth/schemas";
import { updateTelehealthSettings } from "@/lib/telehealth/update-telehealth-settings";
import { createClinic } from "@/tests/support/viewers";

const API_KEY = "carevisit_org.key-1";
const API_SECRET = "telehealth-secret-9f8e7d";
const USERNAME = "zoom-notifier";
const PASSWORD = "a long notifier password";

/** A form as the admin would submit it: Zoom's links, nothing else filled in. */
const EMPTY_FORM: TelehealthSettingsInput = {
  joinMode: JoinMode.ZOOM_URL,
  apiKey: undefined,
  apiSecret: undefined,
  includeIdentity: false,
  notifierUsername: undefined,
  notifierPassword: undefined,
  removeNotifierCredentials: false,
};

const FULL_FORM: TelehealthSettingsInput = {
  joinMode: JoinMode.TELEHEALTH_URL,
  apiKey: API_KEY,
  apiSecret: API_SECRET,
  includeIdentity: false,
  notifierUsername: USERNAME,
  notifierPassword: PASSWORD,
  removeNotifierCredentials: false,
};

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;

async function storedRow(organizationId: string) {
  return db.telehealthSettings.findUniqueOrThrow({
    where: { organizationId },
    select: { apiKey: true, apiSecret: true, notifierUsername: true, notifierPasswordHash: true },
  });
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}

describe("telehealth settings", () => {
  it("has defaults before an administrator saves anything", async () => {
    const clinic = await createClinic(db);
    expect(await getTelehealthSettings({ viewer: clinic.viewers.admin })).toEqual({
      joinMode: JoinMode.ZOOM_URL,
      apiKey: null,
      hasApiSecret: false,
      includeIdentity: true,
      notifierUsername: null,
      hasNotifierPassword: false,
      updatedAt: null,
    });
    expect(await findTelehealthJoinConfig(clinic.organization.id)).toBeNull();
  });

  it("saves and reads back the settings, storing the secret encrypted and the password hashed", async () => {
    const clinic = await createClinic(db);
    const saved = await updateTelehealthSettings({ viewer: clinic.viewers.admin, ...FULL_FORM });
    const read = await getTelehealthSettings({ viewer: clinic.viewers.admin });
    expect(read).toEqual(saved);
    expect(read).toEqual({
      joinMode: JoinMode.TELEHEALTH_URL,
      apiKey: API_KEY,
      hasApiSecret: true,
      includeIdentity: false,
      notifierUsername: USERNAME,
      hasNotifierPassword: true,
      updatedAt: expect.any(Date) as Date,
    });
    const serialized = JSON.stringify(read);
    expect(serialized).not.toContain(API_SECRET);
    expect(serialized).not.toContain(PASSWORD);
    expect(Object.keys(read)).not.toContain("apiSecret");
    expect(Object.keys(read)).not.toContain("notifierPasswordHash");

    const row = await storedRow(clinic.organization.id);
    expect(row.apiSecret).toMatch(/^v2\./);
    expect(row.apiSecret).not.toContain(API_SECRET);
    const field = sealedFields.telehealthApiSecret(clinic.organization.id);
    expect(decryptSecret(row.apiSecret ?? "", field)).toBe(API_SECRET);
    expect(row.notifierPasswordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(PASSWORD, row.notifierPasswordHash)).toBe(true);
  });

  it("keeps the stored secret and password when their fields are left empty", async () => {
    const clinic = await createClinic(db);
    await updateTelehealthSettings({ viewer: clinic.viewers.admin, ...FULL_FORM });
    const before = await storedRow(clinic.organization.id);
    const saved = await updateTelehealthSettings({
      viewer: clinic.viewers.admin,
      ...FULL_FORM,
      apiKey: "another-key",
      apiSecret: undefined,
      includeIdentity: true,
      notifierPassword: undefined,
    });
    expect(saved).toMatchObject({
      apiKey: "another-key",
      hasApiSecret: true,
      includeIdentity: true,
      hasNotifierPassword: true,
    });
    const after = await storedRow(clinic.organization.id);
    expect(after.apiSecret).toBe(before.apiSecret);
    expect(after.notifierPasswordHash).toBe(before.notifierPasswordHash);

    await updateTelehealthSettings({
      viewer: clinic.viewers.admin,
      ...FULL_FORM,
      apiSecret: "a-brand-new-secret",
      notifierPassword: undefined,
    });
    const replaced = await storedRow(clinic.organization.id);
    expect(
      decryptSecret(
        replaced.apiSecret ?? "",
        sealedFields.telehealthApiSecret(clinic.organization.id),
      ),
    ).toBe("a-brand-new-secret");
    expect(replaced.notifierPasswordHash).toBe(before.notifierPasswordHash);
  });

  it("refuses encrypted links without a key and a secret, naming the fields, and saves nothing", async () => {
    const clinic = await createClinic(db);
    const error = await failureOf(
      updateTelehealthSettings({
        viewer: clinic.viewers.admin,
        ...EMPTY_FORM,
        joinMode: JoinMode.TELEHEALTH_URL,
      }),
    );
    expect(error.code).toBe("bad_request");
    expect(Object.keys(error.extra.fields ?? {})).toEqual(["apiKey", "apiSecret"]);
    expect(error.publicMessage).toContain("not saved");
    expect(
      await db.telehealthSettings.count({ where: { organizationId: clinic.organization.id } }),
    ).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { actorUserId: clinic.admin.id, action: "telehealth.settings_update" },
      }),
    ).toBe(0);

    await updateTelehealthSettings({
      viewer: clinic.viewers.admin,
      ...EMPTY_FORM,
      apiSecret: API_SECRET,
    });
    const keyOnly = await failureOf(
      updateTelehealthSettings({
        viewer: clinic.viewers.admin,
        ...EMPTY_FORM,
        joinMode: JoinMode.TELEHEALTH_URL,
      }),
    );
    expect(Object.keys(keyOnly.extra.fields ?? {})).toEqual(["apiKey"]);
  });

  it("refuses a care team member, to read or to change", async () => {
    const clinic = await createClinic(db);
    const readError = await failureOf(getTelehealthSettings({ viewer: clinic.viewers.provider }));
    expect(readError.code).toBe("forbidden");
    const writeError = await failureOf(
      updateTelehealthSettings({ viewer: clinic.viewers.provider, ...FULL_FORM }),
    );
    expect(writeError.code).toBe("forbidden");
    const patientError = await failureOf(
      updateTelehealthSettings({ viewer: clinic.viewers.patient, ...FULL_FORM }),
    );
    expect(patientError.code).toBe("forbidden");
    expect(
      await db.telehealthSettings.count({ where: { organizationId: clinic.organization.id } }),
    ).toBe(0);
  });

  it("audits each save with the names of the changed fields, never their values", async () => {
    const clinic = await createClinic(db);
    await updateTelehealthSettings({ viewer: clinic.viewers.admin, ...FULL_FORM });
    await updateTelehealthSettings({
      viewer: clinic.viewers.admin,
      ...FULL_FORM,
      apiSecret: undefined,
      notifierPassword: undefined,
      includeIdentity: true,
    });
    await updateTelehealthSettings({
      viewer: clinic.viewers.admin,
      ...FULL_FORM,
      apiSecret: undefined,
      notifierPassword: undefined,
      includeIdentity: true,
      removeNotifierCredentials: true,
    });
    const rows = await db.auditEvent.findMany({
      where: { actorUserId: clinic.admin.id, action: "telehealth.settings_update" },
      orderBy: { id: "asc" },
      select: { organizationId: true, targetType: true, targetId: true, details: true },
    });
    expect(rows.map((row) => row.details)).toEqual([
      {
        changed: [
          "joinMode",
          "apiKey",
          "includeIdentity",
          "notifierUsername",
          "apiSecret",
          "notifierPassword",
        ],
      },
      { changed: ["includeIdentity"] },
      { changed: ["notifierUsername", "notifierPassword"] },
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        organizationId: clinic.organization.id,
        targetType: "telehealth_settings",
        targetId: clinic.organization.id,
      });
      const details = JSON.stringify(row.details);
      for (const value of [API_KEY, API_SECRET, USERNAME, PASSWORD]) {
        expect(details).not.toContain(value);
      }
    }
    expect(await getTelehealthSettings({ viewer: clinic.viewers.admin })).toMatchObject({
      notifierUsername: null,
      hasNotifierPassword: false,
    });
  });

  it("refuses incomplete notification credentials", async () => {
    const clinic = await createClinic(db);
    const noPassword = await failureOf(
      updateTelehealthSettings({
        viewer: clinic.viewers.admin,
        ...EMPTY_FORM,
        notifierUsername: USERNAME,
      }),
    );
    expect(Object.keys(noPassword.extra.fields ?? {})).toEqual(["notifierPassword"]);
    await updateTelehealthSettings({ viewer: clinic.viewers.admin, ...FULL_FORM });
    const emptied = await failureOf(
      updateTelehealthSettings({
        viewer: clinic.viewers.admin,
        ...FULL_FORM,
        apiSecret: undefined,
        notifierUsername: undefined,
        notifierPassword: undefined,
      }),
    );
    expect(Object.keys(emptied.extra.fields ?? {})).toEqual(["notifierUsername"]);
  });
});

describe("verifyNotifierCredentials", () => {
  it("says not_configured until credentials are stored, and again after their removal", async () => {
    const clinic = await createClinic(db);
    const organizationId = clinic.organization.id;
    expect(await verifyNotifierCredentials(organizationId, basic(USERNAME, PASSWORD))).toBe(
      "not_configured",
    );
    await updateTelehealthSettings({
      viewer: clinic.viewers.admin,
      ...FULL_FORM,
      notifierUsername: undefined,
      notifierPassword: undefined,
    });
    expect(await verifyNotifierCredentials(organizationId, null)).toBe("not_configured");
    await updateTelehealthSettings({ viewer: clinic.viewers.admin, ...FULL_FORM });
    await updateTelehealthSettings({
      viewer: clinic.viewers.admin,
      ...FULL_FORM,
      removeNotifierCredentials: true,
    });
    expect(await verifyNotifierCredentials(organizationId, basic(USERNAME, PASSWORD))).toBe(
      "not_configured",
    );
  });

  it("accepts the right credentials only", async () => {
    const clinic = await createClinic(db);
    const organizationId = clinic.organization.id;
    await updateTelehealthSettings({ viewer: clinic.viewers.admin, ...FULL_FORM });
    const other = await createClinic(db);
    await updateTelehealthSettings({
      viewer: other.viewers.admin,
      ...FULL_FORM,
      notifierPassword: "the other clinic's password",
    });

    expect(await verifyNotifierCredentials(organizationId, basic(USERNAME, PASSWORD))).toBe(
      "valid",
    );
    expect(await verifyNotifierCredentials(organizationId, basic("zoom-notifieR", PASSWORD))).toBe(
      "invalid",
    );
    expect(await verifyNotifierCredentials(organizationId, basic(USERNAME, `${PASSWORD}!`))).toBe(
      "invalid",
    );
    expect(
      await verifyNotifierCredentials(
        organizationId,
        basic(USERNAME, "the other clinic's password"),
      ),
    ).toBe("invalid");
    expect(await verifyNotifierCredentials(organizationId, null)).toBe("invalid");
    expect(await verifyNotifierCredentials(organizationId, "Basic %%%")).toBe("invalid");
    expect(
      await verifyNotifierCredentials(
        organizationId,
        `Basic ${Buffer.from(`${USERNAME}${PASSWORD}`).toString("base64")}`,
      ),
    ).toBe("invalid");
    expect(
      await verifyNotifierCredentials(
        organizationId,
        `Bearer ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString("base64")}`,
      ),
    ).toBe("invalid");
  });
});

describe("findTelehealthJoinConfig", () => {
  it("returns the key, the decrypted secret and the privacy switch only in TELEHEALTH_URL mode", async () => {
    const clinic = await createClinic(db);
    const organizationId = clinic.organization.id;
    await updateTelehealthSettings({
      viewer: clinic.viewers.admin,
      ...FULL_FORM,
      joinMode: JoinMode.ZOOM_URL,
    });
    expect(await findTelehealthJoinConfig(organizationId)).toBeNull();

    await updateTelehealthSettings({
      viewer: clinic.viewers.admin,
      ...FULL_FORM,
      apiSecret: undefined,
      notifierPassword: undefined,
    });
    expect(await findTelehealthJoinConfig(organizationId)).toEqual({
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      includeIdentity: false,
    });

    await updateTelehealthSettings({
      viewer: clinic.viewers.admin,
      ...FULL_FORM,
      apiSecret: undefined,
      notifierPassword: undefined,
      includeIdentity: true,
    });
    expect(await findTelehealthJoinConfig(organizationId)).toMatchObject({ includeIdentity: true });
    expect(await findTelehealthJoinConfig((await createClinic(db)).organization.id)).toBeNull();
  });
});
