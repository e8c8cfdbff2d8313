import { z } from "zod";

import { type Emulator } from "../emulator";
import { readJson } from "../http/request-body";
import { type Route } from "../http/router";
import { newZoomId } from "../ids";
import { findUserAnywhere, findUserInAccount } from "../state/accounts";
import { buildStoredUser } from "../state/default-state";
import { isPage, paginate } from "./pagination";
import { invalidJson, restError, userNotFound, validationFailed } from "./rest-errors";
import { type RestCall, restRoute } from "./rest-route";
import { buildUser, buildUserListItem } from "./user-shape";

// GET /users, GET /users/{userId|email|me}, POST /users (zoom-rest.md#users).

const READ_SCOPES = ["user:read:admin", "user:read:list_users:admin", "user:read:user:admin"];
const WRITE_SCOPES = ["user:write:admin", "user:write:user:admin"];

const createUserBodySchema = z.object({
  action: z.enum(["create", "autoCreate", "custCreate", "ssoCreate"]),
  user_info: z.object({
    email: z.email().max(128),
    type: z.union([z.literal(1), z.literal(2)]),
    first_name: z.string().max(64).optional(),
    last_name: z.string().max(64).optional(),
    display_name: z.string().max(128).optional(),
    password: z.string().optional(),
  }),
});

function listUsers(emulator: Emulator, { context, caller }: RestCall) {
  const status = context.url.searchParams.get("status") ?? "active";
  const users = caller.account.users.filter((user) => user.status === status);
  const page = paginate(emulator, users, context.url.searchParams);
  if (!isPage(page)) return page;
  return { status: 200, body: { ...page.envelope, users: page.items.map(buildUserListItem) } };
}

function getUser(emulator: Emulator, { context, caller }: RestCall) {
  const userId = context.params.userId ?? "";
  const user = userId === "me" ? caller.user : findUserInAccount(caller.account, userId);
  if (!user) return userNotFound(userId);
  return { status: 200, body: buildUser(emulator, caller.account, user) };
}

async function createUser(emulator: Emulator, { context, caller }: RestCall) {
  const json = await readJson(context.req);
  if (!json.isValid) return invalidJson();
  const parsed = createUserBodySchema.safeParse(json.value);
  if (!parsed.success) return validationFailed(parsed.error);
  const { action, user_info: info } = parsed.data;
  const existing = findUserAnywhere(emulator.state, info.email);
  if (existing) {
    const where =
      existing.account.id === caller.account.id ? "in the account" : "in another account";
    return restError(409, 1005, `User already ${where}: ${info.email}`);
  }
  const stored = buildStoredUser(
    {
      email: info.email,
      firstName: info.first_name ?? "",
      lastName: info.last_name ?? "",
      role: "Member",
      type: info.type,
    },
    newZoomId(),
    emulator.now(),
  );
  if (info.display_name) stored.displayName = info.display_name;
  // "create" mails an invitation the user must accept; the other actions make active users.
  if (action === "create") stored.status = "pending";
  caller.account.users.push(stored);
  emulator.changed();
  const body = {
    id: stored.id,
    first_name: stored.firstName,
    last_name: stored.lastName,
    email: stored.email,
    type: stored.type,
  };
  return { status: 201, body };
}

export function usersRoutes(emulator: Emulator): Route[] {
  return [
    restRoute(emulator, {
      method: "GET",
      path: "/v2/users",
      scopes: READ_SCOPES,
      handle: (call) => listUsers(emulator, call),
    }),
    restRoute(emulator, {
      method: "GET",
      path: "/v2/users/:userId",
      scopes: [...READ_SCOPES, "user:read", "user:read:user"],
      handle: (call) => getUser(emulator, call),
    }),
    restRoute(emulator, {
      method: "POST",
      path: "/v2/users",
      scopes: WRITE_SCOPES,
      handle: (call) => createUser(emulator, call),
    }),
  ];
}
