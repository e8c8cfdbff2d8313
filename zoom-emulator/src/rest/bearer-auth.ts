import { type IncomingMessage } from "node:http";

import { type Emulator } from "../emulator";
import { findGrantByAccessToken } from "../oauth/grants";
import { findAccount } from "../state/accounts";
import { type ZoomAccount, type ZoomUser } from "../state/account-schema";
import { type Grant } from "../state/grant-schema";

// `Authorization: Bearer {access_token}`: missing, unknown, expired, revoked or replaced tokens
// all give 401 code 124 (zoom-rest.md#errors). The token's account scopes every call.

export interface Caller {
  grant: Grant;
  account: ZoomAccount;
  // The user who authorized the app: what "me" means.
  user: ZoomUser;
  scopes: string[];
}

export function authenticateBearer(emulator: Emulator, req: IncomingMessage): Caller | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (!match?.[1]) return null;
  const grant = findGrantByAccessToken(emulator, match[1]);
  if (!grant) return null;
  const account = findAccount(emulator.state, grant.accountId);
  const user = account?.users.find((candidate) => candidate.id === grant.userId);
  if (!account || !user) return null;
  return { grant, account, user, scopes: grant.scope.split(" ") };
}
