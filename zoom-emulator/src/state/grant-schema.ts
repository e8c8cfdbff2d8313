import { z } from "zod";

// OAuth state: pending authorization codes, installations and token grants.
// @see docs/protocols/zoom-oauth.md#token-lifetimes-and-rotation

export const authCodeSchema = z.object({
  code: z.string(),
  accountId: z.string(),
  userId: z.string(),
  redirectUri: z.string(),
  codeChallenge: z.string().nullable(),
  codeChallengeMethod: z.enum(["S256", "plain"]).nullable(),
  expiresAt: z.number(),
});

// The app is "added" to an account from the moment an admin allows it until it is revoked or
// deauthorized. Meeting webhooks are only sent for accounts that have the app installed.
export const installationSchema = z.object({
  accountId: z.string(),
  userId: z.string(),
  installedAt: z.number(),
});

export const accessTokenSchema = z.object({ token: z.string(), expiresAt: z.number() });

// One authorization: the live refresh token plus every access token still within its lifetime.
// A revoked, replaced or rotated-away token is simply absent, so it is unknown from then on.
export const grantSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  userId: z.string(),
  scope: z.string(),
  refreshToken: z.string(),
  refreshExpiresAt: z.number(),
  accessTokens: z.array(accessTokenSchema),
});
export type Grant = z.infer<typeof grantSchema>;
