import type { PlannedRequest } from "../load-worker";

// Wrong-password sign-ins as a guessing burst sends them: each for an account that does not
// exist (so no per-account limit stops it before the password check) from an address of its own
// behind the trusted proxy (so no per-address limit does), each checked against a password hash
// at full cost, as a real account's would be.

export const SIGN_IN_KIND = "POST /api/auth/callback/password (wrong password)";

export async function signInAttemptRequests(
  appUrl: string,
  count: number,
): Promise<PlannedRequest[]> {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return Array.from({ length: count }, (_, index) => ({
    kind: SIGN_IN_KIND,
    url: `${appUrl}/api/auth/callback/password`,
    method: "POST" as const,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie,
      "x-forwarded-for": `198.18.${Math.floor(index / 250)}.${(index % 250) + 1}`,
    },
    body: new URLSearchParams({
      csrfToken,
      identifier: `nobody-${index}@bench.test`,
      password: `guess number ${index}`,
      callbackUrl: appUrl,
    }).toString(),
  }));
}
