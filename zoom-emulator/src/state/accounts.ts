import { type ZoomAccount, type ZoomUser } from "./account-schema";
import { type EmulatorState } from "./state-schema";

// Lookups over accounts and users. Emails compare case-insensitively, as Zoom's do.

export function findAccount(state: EmulatorState, accountId: string): ZoomAccount | null {
  return state.accounts.find((account) => account.id === accountId) ?? null;
}

export function findUserInAccount(account: ZoomAccount, idOrEmail: string): ZoomUser | null {
  const email = idOrEmail.toLowerCase();
  return (
    account.users.find((user) => user.id === idOrEmail || user.email.toLowerCase() === email) ??
    null
  );
}

export function findUserAnywhere(
  state: EmulatorState,
  idOrEmail: string,
): { account: ZoomAccount; user: ZoomUser } | null {
  for (const account of state.accounts) {
    const user = findUserInAccount(account, idOrEmail);
    if (user) return { account, user };
  }
  return null;
}

export function findOwner(account: ZoomAccount): ZoomUser | null {
  return account.users.find((user) => user.role === "Owner") ?? null;
}

export function canAuthorizeAccountApp(user: ZoomUser): boolean {
  return user.role === "Owner" || user.role === "Admin";
}
