import { z } from "zod";

// The app registration, as a developer would configure it on the Zoom Marketplace.
// @see docs/protocols/zoom-oauth.md (OAuth) and docs/protocols/telehealth-urls.md (telehealth)

export const telehealthCredentialsSchema = z.object({
  apiKey: z.string().min(1),
  apiSecret: z.string().min(1),
  // The account whose owner hosts telehealth meetings; the first account when absent.
  accountId: z.string().min(1).optional(),
});

export const epicNotificationSchema = z.object({
  url: z.url(),
  username: z.string(),
  password: z.string(),
  externalIdType: z.string().min(1).default("2"),
  // Sent as `Epic-Client-ID` when set (telehealth-notifications.md#request).
  clientId: z.string().min(1).optional(),
});

const scopesSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(/\s+/)).filter((scope) => scope !== ""),
  );

const registrationShape = {
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  name: z.string().min(1),
  redirectUris: z.array(z.string().min(1)),
  scopes: scopesSchema,
  eventUrl: z.string(),
  // Where `app_deauthorized` goes; the event URL when null.
  deauthorizationUrl: z.string().min(1).nullable(),
  webhookSecretToken: z.string().min(1),
  accessTokenTtlSeconds: z.number().int().positive(),
  refreshTokenTtlSeconds: z.number().int().positive(),
  telehealth: telehealthCredentialsSchema.nullable(),
  epicNotification: epicNotificationSchema.nullable(),
};

export const registrationSchema = z.object(registrationShape);
export type Registration = z.infer<typeof registrationSchema>;

// What flags, env vars, config files and `PUT /_emulator/registration` may set. No defaults here:
// an absent field keeps its current value.
export const registrationPatchSchema = z.object(registrationShape).partial();
export type RegistrationPatch = z.infer<typeof registrationPatchSchema>;

export const DEFAULT_REGISTRATION: Registration = {
  clientId: "carevisit-dev-client",
  clientSecret: "carevisit-dev-secret",
  name: "CareVisit",
  redirectUris: ["http://localhost:3000/api/zoom/oauth/callback"],
  scopes: [
    "meeting:read:admin",
    "meeting:write:admin",
    "user:read:admin",
    "user:write:admin",
    "report:read:admin",
  ],
  eventUrl: "http://localhost:3000/api/zoom/webhook",
  deauthorizationUrl: null,
  webhookSecretToken: "carevisit-dev-webhook-secret",
  accessTokenTtlSeconds: 3600,
  refreshTokenTtlSeconds: 90 * 24 * 3600,
  telehealth: {
    apiKey: "carevisit-dev-telehealth-key",
    apiSecret: "carevisit-dev-telehealth-secret",
  },
  epicNotification: null,
};

// Later values win; a key that is present but undefined means "not given", never "clear".
export function mergeRegistration<T extends RegistrationPatch>(
  base: T,
  patch: RegistrationPatch,
): T {
  const merged = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  return merged;
}
