import "server-only";

import {
  hitRateLimit,
  refundRateLimit,
  resetRateLimit,
  SIGN_IN_LIMITS,
} from "@/lib/auth/rate-limit";
import { SignInError } from "@/lib/auth/sign-in-failure";

export type SignInMethod = "password" | "one_time_code";

const LIMITS_OF = {
  password: {
    account: SIGN_IN_LIMITS.passwordAccount,
    accountAddress: SIGN_IN_LIMITS.passwordAccountAddress,
  },
  one_time_code: {
    account: SIGN_IN_LIMITS.codeAccount,
    accountAddress: SIGN_IN_LIMITS.codeAccountAddress,
  },
} as const;

const addressOf = (ip: string | null) => ip ?? "unknown";
const accountAddressKey = (accountKey: string, ip: string | null) =>
  `${accountKey}\u0000${addressOf(ip)}`;

/**
 * Counts the attempt and refuses it when its address has been failing: across accounts (the
 * address's limit), or on this account once the account has had too many failures from anywhere.
 * An address that has not been failing on the account may always try, so guessing at someone's
 * account slows the guesser down but never locks the owner out. Each method counts on its own.
 */
export async function throttleSignIn(method: SignInMethod, accountKey: string, ip: string | null) {
  const byIp = await hitRateLimit(SIGN_IN_LIMITS.ip, addressOf(ip));
  if (!byIp.allowed)
    throw new SignInError({ reason: "rate_limited", value: byIp.retryAfterSeconds });
  const limits = LIMITS_OF[method];
  const [byAccount, byAccountAddress] = await Promise.all([
    hitRateLimit(limits.account, accountKey),
    hitRateLimit(limits.accountAddress, accountAddressKey(accountKey, ip)),
  ]);
  if (!byAccount.allowed && !byAccountAddress.allowed)
    throw new SignInError({ reason: "rate_limited", value: byAccountAddress.retryAfterSeconds });
}

/** A successful sign-in clears the method's failures on the account and refunds its address's try. */
export async function clearSignInFailures(
  method: SignInMethod,
  accountKey: string,
  ip: string | null,
) {
  await Promise.all([
    resetRateLimit(LIMITS_OF[method].account, accountKey),
    resetRateLimit(LIMITS_OF[method].accountAddress, accountAddressKey(accountKey, ip)),
    refundRateLimit(SIGN_IN_LIMITS.ip, addressOf(ip)),
  ]);
}
