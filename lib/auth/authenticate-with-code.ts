import "server-only";

import {
  auditedSignInAttempt,
  completeSignIn,
  type SignedInUser,
  signInUserSelect,
} from "@/lib/auth/complete-sign-in";
import { verifySignInCode } from "@/lib/auth/one-time-code";
import { SignInError } from "@/lib/auth/sign-in-failure";
import { throttleSignIn } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db/db";

export type CodeSignInOptions = { email: string; code: string; ip: string | null };

export async function authenticateWithCode(options: CodeSignInOptions): Promise<SignedInUser> {
  const { email, code, ip } = options;
  const user = await db.user.findFirst({
    where: { email, isActive: true },
    select: signInUserSelect,
  });
  const accountKey = user?.id ?? email;
  return auditedSignInAttempt(user, ip, async () => {
    await throttleSignIn("one_time_code", accountKey, ip);
    const userId = await verifySignInCode({ email, code });
    if (!user || user.id !== userId) throw new SignInError({ reason: "code_expired" });
    return completeSignIn(user, accountKey, ip, "one_time_code");
  });
}
