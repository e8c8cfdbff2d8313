import { z } from "zod";

// The only reader of process.env. Parsed on first use (not at import) so `next build` needs no secrets.

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const base64Key = z
  .string()
  .refine(
    (value) => Buffer.from(value, "base64").length === 32,
    "must be 32 bytes, base64-encoded",
  );

/** A TCP port: `PORT`, or the production server's `--port`. */
export const portSchema = z.coerce.number().int().min(1).max(65_535);

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url().refine((url) => /^postgres(ql)?:\/\//.test(url), "must be postgresql://"),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    PORT: portSchema.default(3000),
    APP_BASE_URL: z.url().optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
    TOKEN_ENCRYPTION_KEY: base64Key,
    TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
    /** Hours from sign-in after which every session ends, however active (lib/auth/session-lifetime.ts). */
    SESSION_MAX_HOURS: z.coerce.number().min(1).max(24).default(12),
    EMAIL_TRANSPORT: z.enum(["outbox", "smtp"]).optional(),
    EMAIL_FROM: z.string().min(3).default("CareVisit <no-reply@carevisit.test>"),
    SMTP_URL: z.url().optional(),
    ZOOM_CLIENT_ID: z.string().min(1).optional(),
    ZOOM_CLIENT_SECRET: z.string().min(1).optional(),
    ZOOM_OAUTH_BASE_URL: z.url().default("https://zoom.us"),
    ZOOM_API_BASE_URL: z.url().default("https://api.zoom.us/v2"),
    ZOOM_WEBHOOK_SECRET_TOKEN: z.string().min(1).optional(),
    /**
     * Where Zoom's EMR-style telehealth launch URLs point
     * (docs/protocols/telehealth-urls.md#launch-url-and-plaintext).
     */
    ZOOM_TELEHEALTH_BASE_URL: z.url().default("https://applications.zoom.us"),
    /** Hours between a deauthorization without retention and the purge (at most 10 days). */
    RETENTION_PURGE_DELAY_HOURS: z.coerce.number().min(0).max(240).default(24),
    RUN_BACKGROUND_JOBS: booleanFlag.default(true),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    LOG_QUERIES: booleanFlag.default(false),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.ZOOM_CLIENT_ID) !== Boolean(env.ZOOM_CLIENT_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["ZOOM_CLIENT_SECRET"],
        message: "set both ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET",
      });
    }
    if (env.EMAIL_TRANSPORT === "smtp" && !env.SMTP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message: "required when EMAIL_TRANSPORT=smtp",
      });
    }
    if (env.NODE_ENV !== "production") return;
    // Email links and the Zoom OAuth redirect are built from it: a wrong default would be silent.
    if (!env.APP_BASE_URL) {
      ctx.addIssue({ code: "custom", path: ["APP_BASE_URL"], message: "required in production" });
    }
    // Mail must really leave a production server; the outbox (a page of everyone's sign-in codes
    // and invitation links) exists only in development and tests.
    if (!env.SMTP_URL) {
      ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "required in production" });
    }
    if (env.EMAIL_TRANSPORT === "outbox") {
      ctx.addIssue({
        code: "custom",
        path: ["EMAIL_TRANSPORT"],
        message: "outbox is for development only: set SMTP_URL",
      });
    }
  })
  .transform((env) => ({
    ...env,
    APP_BASE_URL: env.APP_BASE_URL ?? "http://localhost:3000",
    EMAIL_TRANSPORT:
      env.EMAIL_TRANSPORT ?? (env.SMTP_URL ? ("smtp" as const) : ("outbox" as const)),
  }));

export type Env = z.infer<typeof envSchema>;

/** Parses an environment; throws one error that names every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value (`KEY=` in a copied .env.example) means "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`Invalid environment: ${problems}. See .env.example.`);
  }
  return parsed.data;
}

let cached: Env | undefined;

export const env: Env = new Proxy({} as Env, {
  get(_target, key: string) {
    cached ??= parseEnv(process.env);
    return cached[key as keyof Env];
  },
});
