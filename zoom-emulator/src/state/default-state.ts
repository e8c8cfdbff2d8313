import { newDigits, newOpaqueToken, stableZoomId } from "../ids";
import { type RoleName, type ZoomAccount, type ZoomUser } from "./account-schema";
import { type Registration } from "./registration-schema";
import { type EmulatorState, STATE_VERSION } from "./state-schema";

// What `npm run dev` starts with: one clinic account with an owner, a licensed provider and a
// basic member, so the consent page can show both an allowed and a refused sign-in.

export interface NewUserInput {
  email: string;
  firstName: string;
  lastName: string;
  role: RoleName;
  type: number;
}

export const DEFAULT_TIMEZONE = "America/New_York";

const DEFAULT_ACCOUNT_NAME = "Riverside Family Clinic";
const DEFAULT_USERS: NewUserInput[] = [
  {
    email: "zoom-admin@carevisit.test",
    firstName: "Casey",
    lastName: "Admin",
    role: "Owner",
    type: 2,
  },
  {
    email: "provider@carevisit.test",
    firstName: "Priya",
    lastName: "Shah",
    role: "Member",
    type: 2,
  },
  {
    email: "member@carevisit.test",
    firstName: "Morgan",
    lastName: "Member",
    role: "Member",
    type: 1,
  },
];

export function buildStoredUser(input: NewUserInput, id: string, now: number): ZoomUser {
  return {
    id,
    email: input.email,
    firstName: input.firstName,
    lastName: input.lastName,
    displayName: `${input.firstName} ${input.lastName}`.trim(),
    type: input.type,
    role: input.role,
    status: "active",
    timezone: DEFAULT_TIMEZONE,
    pmi: Number(newDigits(10)),
    zak: newOpaqueToken(48),
    createdAt: now,
  };
}

export function buildAccount(
  name: string,
  users: NewUserInput[],
  ids: { account: string; user: (index: number) => string },
  now: number,
): ZoomAccount {
  return {
    id: ids.account,
    name,
    accountNumber: Number(newDigits(9)),
    users: users.map((user, index) => buildStoredUser(user, ids.user(index), now)),
  };
}

export function buildDefaultState(registration: Registration, now: number): EmulatorState {
  const account = buildAccount(
    DEFAULT_ACCOUNT_NAME,
    DEFAULT_USERS,
    {
      account: stableZoomId("default-account"),
      user: (index) => stableZoomId(`default-user-${DEFAULT_USERS[index]?.email ?? index}`),
    },
    now,
  );
  return {
    version: STATE_VERSION,
    clockOffsetMs: 0,
    registration,
    accounts: [account],
    meetings: [],
    authCodes: [],
    installations: [],
    grants: [],
    deliveries: [],
    nextDeliveryId: 1,
    lastEventTs: 0,
    faults: [],
    dailyMeetingWrites: {},
    stats: {
      tokenRequests: { authorization_code: 0, refresh_token: 0 },
      refreshes: 0,
      invalidGrants: 0,
      revokes: 0,
      apiCalls: 0,
    },
    complianceCalls: [],
    telehealthSessions: {},
  };
}
