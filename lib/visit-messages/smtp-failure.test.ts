import { describe, expect, it } from "vitest";

import { classifySmtpFailure, retryDelayMs } from "@/lib/visit-messages/smtp-failure";

const smtpError = (fields: object) => Object.assign(new Error("Message failed"), fields);

describe("classifySmtpFailure", () => {
  it("bounces an address refused for good, fails a message refused for good", () => {
    expect(
      classifySmtpFailure(
        smtpError({ code: "EENVELOPE", responseCode: 550, response: "550 5.1.1 No such user" }),
      ),
    ).toEqual({ outcome: "bounced", answer: "550 5.1.1 No such user" });
    expect(
      classifySmtpFailure(smtpError({ code: "EMESSAGE", responseCode: 554, response: "554 Spam" })),
    ).toEqual({
      outcome: "failed",
      answer: "554 Spam",
    });
  });

  it("retries answers for now, lost connections, timeouts and authentication failures", () => {
    for (const fields of [
      { code: "EENVELOPE", responseCode: 451, response: "451 4.3.0 Try later" },
      { code: "ECONNECTION", message: "connect ECONNREFUSED 127.0.0.1:25" },
      { code: "ETIMEDOUT", message: "Greeting never received" },
      { code: "EAUTH", responseCode: 535, response: "535 Authentication failed" },
    ])
      expect(classifySmtpFailure(smtpError(fields)).outcome).toBe("retry");
  });

  it("masks the addresses a server repeats in its answer", () => {
    const { answer } = classifySmtpFailure(
      smtpError({
        code: "EENVELOPE",
        responseCode: 550,
        response: "550 5.1.1 <maria.lopez@example.com>: unknown",
      }),
    );
    expect(answer).toBe("550 5.1.1 <m…@example.com>: unknown");
  });

  it("keeps the answer to one line of at most 300 characters", () => {
    const { answer } = classifySmtpFailure(
      smtpError({ responseCode: 421, response: `421 a\r\nb ${"x".repeat(400)}` }),
    );
    expect(answer).not.toMatch(/[\r\n]/);
    expect(answer).toHaveLength(300);
  });
});

describe("retryDelayMs", () => {
  it("waits longer after each failure, then stops", () => {
    expect([1, 2, 3, 4, 5, 6].map(retryDelayMs)).toEqual(
      [1, 5, 15, 60, 180, 360].map((m) => m * 60_000),
    );
    expect(retryDelayMs(7)).toBeNull();
  });
});
