import { test as base, expect, type Page } from "@playwright/test";

import { Role } from "@/generated/prisma/enums";
import { createDbClient, type Db } from "@/lib/db/db-client";
import {
  createOrganization,
  createPatient,
  createSubject,
  createUser,
  createVisit,
  DEMO_PASSWORD,
  type CreateSubjectOptions,
  type CreateVisitOptions,
} from "@/prisma/factories";

import type { ReceivedEmail } from "@/tests/support/smtp-inbox";

import { e2eDatabaseUrl, e2eMailApiUrl, e2eZoomUrl } from "./support/environment";

// Specs own their data: every factory call makes new, unique rows, so specs run in parallel.

type Clinic = Awaited<ReturnType<typeof createClinic>>;

async function createClinic(db: Db) {
  const organization = await createOrganization(db);
  const organizationId = organization.id;
  return {
    organization,
    admin: await createUser(db, { organizationId, role: Role.ADMIN }),
    provider: await createUser(db, { organizationId, role: Role.CARE_TEAM }),
    patient: await createPatient(db, { organizationId }),
  };
}

type Factories = {
  createClinic: () => Promise<Clinic>;
  createPatient: (organizationId: string) => ReturnType<typeof createPatient>;
  createSubject: (options: CreateSubjectOptions) => ReturnType<typeof createSubject>;
  createVisit: (options: CreateVisitOptions) => ReturnType<typeof createVisit>;
  /** Gives a subject an email address no other test uses (the invitation goes there). */
  updateSubjectEmail: (subjectId: string, email: string) => Promise<void>;
};

type ZoomEmulator = {
  url: string;
  /** A new Zoom account with an owner who may authorize the app; returns the owner's email. */
  createAccount: () => Promise<{ id: string; ownerEmail: string }>;
  control: <T>(method: string, path: string, body?: unknown) => Promise<T>;
};

async function controlZoom<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${e2eZoomUrl()}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`Zoom emulator ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export type Mailbox = {
  /** The newest email to `address` received after `since` (ms) whose subject matches, once it arrives. */
  waitFor: (
    address: string,
    options?: { since?: number; subject?: RegExp },
  ) => Promise<ReceivedEmail>;
};

async function waitForEmail(
  address: string,
  { since = 0, subject }: { since?: number; subject?: RegExp } = {},
): Promise<ReceivedEmail> {
  let found: ReceivedEmail | undefined;
  await expect(async () => {
    const response = await fetch(`${e2eMailApiUrl()}/messages?to=${encodeURIComponent(address)}`);
    const messages = (await response.json()) as ReceivedEmail[];
    found = messages
      .filter(
        (message) => message.receivedAt >= since && (!subject || subject.test(message.subject)),
      )
      .at(-1);
    expect(found, `an email to ${address}`).toBeDefined();
  }).toPass({ timeout: 15_000 });
  if (!found) throw new Error(`No email to ${address}`);
  return found;
}

type SignInAs = (role: "admin" | "provider" | "patient", clinic?: Clinic) => Promise<Clinic>;

/** Links a fresh emulator Zoom account to the clinic, as its admin would, in a browser of its own. */
type LinkZoom = (clinic: Clinic) => Promise<void>;

/** Signs in over HTTP like a browser posting the form, without the form (only sign-in specs use it). */
export async function signInOverHttp(
  page: Page,
  identifier: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/password", {
    form: { csrfToken, identifier, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), "sign-in should redirect").toBe(302);
  expect(response.headers().location ?? "").not.toContain("error=");
}

export const test = base.extend<
  {
    factories: Factories;
    signInAs: SignInAs;
    zoom: ZoomEmulator;
    linkZoom: LinkZoom;
    mailbox: Mailbox;
  },
  { db: Db }
>({
  db: [
    async ({}, use) => {
      const db = createDbClient(e2eDatabaseUrl(), { poolSize: 2 });
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  factories: async ({ db }, use) => {
    await use({
      createClinic: () => createClinic(db),
      createPatient: (organizationId) => createPatient(db, { organizationId }),
      createSubject: (options) => createSubject(db, options),
      createVisit: (options) => createVisit(db, options),
      updateSubjectEmail: async (subjectId, email) => {
        await db.subject.update({
          where: { id: subjectId },
          data: { email },
          select: { id: true },
        });
      },
    });
  },
  mailbox: async ({}, use) => {
    await use({ waitFor: waitForEmail });
  },
  zoom: async ({}, use) => {
    await use({
      url: e2eZoomUrl(),
      control: controlZoom,
      createAccount: async () => {
        const suffix = Math.random().toString(36).slice(2, 10);
        const ownerEmail = `owner-${suffix}@zoom.test`;
        const account = await controlZoom<{ id: string }>("POST", "/accounts", {
          name: `E2E clinic ${suffix}`,
          users: [
            { email: ownerEmail, first_name: "Olive", last_name: "Owner", role: "Owner", type: 2 },
          ],
        });
        return { id: account.id, ownerEmail };
      },
    });
  },
  linkZoom: async ({ browser, zoom }, use) => {
    await use(async (clinic) => {
      const account = await zoom.createAccount();
      const context = await browser.newContext();
      const admin = await context.newPage();
      await signInOverHttp(admin, clinic.admin.email);
      await admin.goto("/settings/zoom");
      await admin.getByRole("button", { name: "Add CareVisit to your Zoom Account" }).click();
      await admin.getByLabel("Signed in to Zoom as").selectOption(account.ownerEmail);
      await admin.getByLabel("Allow this app to use my shared access permissions").check();
      await admin.getByRole("button", { name: "Allow" }).click();
      await expect(admin).toHaveURL(/\/settings\/zoom\?linked=1$/);
      await context.close();
    });
  },
  signInAs: async ({ db, page }, use) => {
    await use(async (role, existing) => {
      const clinic = existing ?? (await createClinic(db));
      const user = role === "patient" ? clinic.patient.user : clinic[role];
      await signInOverHttp(page, user.email);
      return clinic;
    });
  },
});

export { expect };
