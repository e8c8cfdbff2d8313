import { afterAll, describe, expect, it } from "vitest";

import { Role } from "@/generated/prisma/enums";
import { authenticateWithCode } from "@/lib/auth/authenticate-with-code";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import {
  CODE_MAX_FAILED_TRIES,
  requestSignInCode,
  verifySignInCode,
} from "@/lib/auth/one-time-code";
import { SIGN_IN_LIMITS } from "@/lib/auth/rate-limit";
import { SignInError, type SignInFailure } from "@/lib/auth/sign-in-failure";
import { db } from "@/lib/db/db";
import {
  createOrganization,
  createPatient,
  createUser,
  DEMO_PASSWORD,
  uniqueToken,
} from "@/prisma/factories";
import { startSmtpInbox } from "@/tests/support/smtp-inbox";

// Codes are delivered over real SMTP to a server this file starts, and read from there.
const inbox = await startSmtpInbox();
process.env.EMAIL_TRANSPORT = "smtp";
process.env.SMTP_URL = inbox.url;
afterAll(() => inbox.close());

async function failureOf(attempt: Promise<unknown>): Promise<SignInFailure> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SignInError))
    throw new Error(`Expected a SignInError, got ${String(error)}`);
  return error.failure;
}

const ip = () => `198.51.100.${uniqueToken()}`;

async function newPatient(preferredLanguage = "en") {
  const organization = await createOrganization(db);
  const { user, subject } = await createPatient(db, { organizationId: organization.id });
  await db.subject.update({
    where: { id: subject.id },
    data: { preferredLanguage },
    select: { id: true },
  });
  return user;
}

const messagesTo = (email: string) => inbox.messages.filter((m) => m.to.includes(email));

/** The code in the newest message delivered to that address. */
async function latestCodeFor(email: string): Promise<string> {
  const message = await inbox.waitFor(email);
  const code = /\b(\d{6})\b/.exec(message.subject)?.[1];
  if (!code) throw new Error("No code in the email");
  expect(message.text).toContain(code);
  return code;
}

function wrongCode(code: string): string {
  return code === "000000" ? "111111" : "000000";
}

describe("one-time sign-in codes", () => {
  it("emails a 6-digit code that signs the patient in once", async () => {
    const patient = await newPatient();
    await requestSignInCode({ email: patient.email, ip: ip() });
    const code = await latestCodeFor(patient.email);
    const stored = await db.oneTimeCode.findFirstOrThrow({
      where: { userId: patient.id },
      select: { codeHash: true, expiresAt: true },
    });
    expect(stored.codeHash).not.toContain(code);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);

    await expect(
      authenticateWithCode({ email: patient.email, code, ip: ip() }),
    ).resolves.toMatchObject({ id: patient.id, role: Role.PATIENT });
    expect(await failureOf(authenticateWithCode({ email: patient.email, code, ip: ip() }))).toEqual(
      { reason: "code_expired" },
    );
  });

  it("writes to a Spanish-speaking patient in Spanish, and that code signs them in", async () => {
    const patient = await newPatient("es");
    await requestSignInCode({ email: patient.email, ip: ip() });
    const message = await inbox.waitFor(patient.email);
    const code = await latestCodeFor(patient.email);
    expect(message.subject).toBe(`Su código para iniciar sesión en CareVisit: ${code}`);
    expect(message.text).toContain(`Hola, ${patient.firstName}:`);
    expect(message.text).toContain("Sirve una sola vez, durante 10 minutos.");
    expect(message.html).toContain('<html lang="es">');
    expect(message.text).not.toMatch(/Hello|sign-in code is/);
    await expect(verifySignInCode({ email: patient.email, code })).resolves.toBe(patient.id);
  });

  it("sends nothing, and says nothing different, for an unknown or non-patient address", async () => {
    const organization = await createOrganization(db);
    const provider = await createUser(db, {
      organizationId: organization.id,
      role: Role.CARE_TEAM,
    });
    const unknown = `nobody-${uniqueToken()}@example.com`;
    await expect(requestSignInCode({ email: unknown, ip: ip() })).resolves.toBeUndefined();
    await expect(requestSignInCode({ email: provider.email, ip: ip() })).resolves.toBeUndefined();
    expect([...messagesTo(unknown), ...messagesTo(provider.email)]).toHaveLength(0);
  });

  it("refuses an expired code", async () => {
    const patient = await newPatient();
    await requestSignInCode({ email: patient.email, ip: ip() });
    const code = await latestCodeFor(patient.email);
    await db.oneTimeCode.updateMany({
      where: { userId: patient.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await failureOf(verifySignInCode({ email: patient.email, code }))).toEqual({
      reason: "code_expired",
    });
  });

  it("counts down wrong tries and burns the code after five", async () => {
    const patient = await newPatient();
    await requestSignInCode({ email: patient.email, ip: ip() });
    const code = await latestCodeFor(patient.email);
    for (let tries = 1; tries < CODE_MAX_FAILED_TRIES; tries++) {
      expect(
        await failureOf(verifySignInCode({ email: patient.email, code: wrongCode(code) })),
      ).toEqual({
        reason: "code_invalid",
        value: CODE_MAX_FAILED_TRIES - tries,
      });
    }
    expect(
      await failureOf(verifySignInCode({ email: patient.email, code: wrongCode(code) })),
    ).toEqual({ reason: "code_expired" });
    expect(await failureOf(verifySignInCode({ email: patient.email, code }))).toEqual({
      reason: "code_expired",
    });
  });

  it("makes an earlier code useless once a new one is sent", async () => {
    const patient = await newPatient();
    await requestSignInCode({ email: patient.email, ip: ip() });
    const first = await latestCodeFor(patient.email);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await requestSignInCode({ email: patient.email, ip: ip() });
    const second = await latestCodeFor(patient.email);
    if (first !== second) {
      expect(
        (await failureOf(verifySignInCode({ email: patient.email, code: first }))).reason,
      ).toBe("code_invalid");
    }
    await expect(verifySignInCode({ email: patient.email, code: second })).resolves.toBe(
      patient.id,
    );
  });

  it("lets exactly one of many simultaneous submissions of a code through", async () => {
    const patient = await newPatient();
    await requestSignInCode({ email: patient.email, ip: ip() });
    const code = await latestCodeFor(patient.email);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => verifySignInCode({ email: patient.email, code })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("limits how many codes one address can ask for", async () => {
    const patient = await newPatient();
    for (let sent = 0; sent < SIGN_IN_LIMITS.codeRequest.limit; sent++)
      await requestSignInCode({ email: patient.email, ip: ip() });
    expect((await failureOf(requestSignInCode({ email: patient.email, ip: ip() }))).reason).toBe(
      "rate_limited",
    );
    expect(messagesTo(patient.email)).toHaveLength(SIGN_IN_LIMITS.codeRequest.limit);
  });

  it("counts wrong codes on their own: they never hold up password sign-in, from the same address", async () => {
    const patient = await newPatient();
    const address = ip();
    for (let round = 0; round < 2; round++) {
      await requestSignInCode({ email: patient.email, ip: address });
      const code = await latestCodeFor(patient.email);
      for (let tries = 0; tries < CODE_MAX_FAILED_TRIES; tries++)
        await failureOf(
          authenticateWithCode({ email: patient.email, code: wrongCode(code), ip: address }),
        );
    }
    const slowed = await failureOf(
      authenticateWithCode({ email: patient.email, code: "123456", ip: address }),
    );
    expect(slowed.reason).toBe("rate_limited");
    await expect(
      authenticateWithPassword({ identifier: patient.email, password: DEMO_PASSWORD, ip: address }),
    ).resolves.toMatchObject({ id: patient.id });
  });
});
