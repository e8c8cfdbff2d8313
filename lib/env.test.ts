import { describe, expect, it } from "vitest";

import { parseEnv } from "@/lib/env";

const VALID = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/carevisit",
  AUTH_SECRET: "x".repeat(32),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("parseEnv", () => {
  it("accepts the minimum and fills in defaults", () => {
    const env = parseEnv(VALID);
    expect(env.NODE_ENV).toBe("development");
    expect(env.APP_BASE_URL).toBe("http://localhost:3000");
    expect(env.EMAIL_TRANSPORT).toBe("outbox");
    expect(env.DATABASE_POOL_SIZE).toBe(10);
  });

  it("names every missing or invalid variable in one message", () => {
    expect(() =>
      parseEnv({ DATABASE_URL: "mysql://localhost/x", TOKEN_ENCRYPTION_KEY: "short" }),
    ).toThrow(
      /DATABASE_URL: must be postgresql:\/\/.*AUTH_SECRET.*TOKEN_ENCRYPTION_KEY: must be 32 bytes/,
    );
  });

  it("treats empty values as unset", () => {
    expect(
      parseEnv({ ...VALID, EMAIL_TRANSPORT: "", DATABASE_POOL_SIZE: "" }).DATABASE_POOL_SIZE,
    ).toBe(10);
  });

  it("chooses SMTP when SMTP_URL is set", () => {
    expect(parseEnv({ ...VALID, SMTP_URL: "smtp://mail.example.com:587" }).EMAIL_TRANSPORT).toBe(
      "smtp",
    );
  });

  it("requires SMTP_URL for EMAIL_TRANSPORT=smtp", () => {
    expect(() => parseEnv({ ...VALID, EMAIL_TRANSPORT: "smtp" })).toThrow(/SMTP_URL: required/);
  });

  it("requires the public address and SMTP in production", () => {
    expect(() => parseEnv({ ...VALID, NODE_ENV: "production" })).toThrow(
      /APP_BASE_URL: required in production.*SMTP_URL: required in production/,
    );
  });

  it("refuses the outbox in production, even on localhost", () => {
    const production = {
      ...VALID,
      NODE_ENV: "production",
      APP_BASE_URL: "http://localhost:4000",
      SMTP_URL: "smtp://127.0.0.1:2525",
    };
    expect(parseEnv(production).EMAIL_TRANSPORT).toBe("smtp");
    expect(() => parseEnv({ ...production, EMAIL_TRANSPORT: "outbox" })).toThrow(
      /EMAIL_TRANSPORT: outbox is for development only/,
    );
  });
});
