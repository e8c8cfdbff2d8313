import { type Emulator } from "../emulator";
import { ROLE_IDS, type ZoomAccount, type ZoomUser } from "../state/account-schema";
import { formatZoomTime } from "../zoom-time";

// The user objects of GET /users/{userId} and GET /users (zoom-rest.md#users, field names from
// Rivet's types).

export function buildUserListItem(user: ZoomUser) {
  return {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    display_name: user.displayName,
    email: user.email,
    type: user.type,
    pmi: user.pmi,
    timezone: user.timezone,
    verified: 1,
    dept: "",
    created_at: formatZoomTime(user.createdAt),
    user_created_at: formatZoomTime(user.createdAt),
    last_login_time: formatZoomTime(user.createdAt),
    last_client_version: "",
    pic_url: "",
    language: "en-US",
    phone_number: "",
    status: user.status,
    role_id: ROLE_IDS[user.role],
  };
}

export function buildUser(emulator: Emulator, account: ZoomAccount, user: ZoomUser) {
  return {
    ...buildUserListItem(user),
    role_name: user.role,
    use_pmi: false,
    personal_meeting_url: `${emulator.config.publicUrl}/j/${user.pmi}`,
    cms_user_id: "",
    jid: `${user.id.toLowerCase()}@xmpp.zoom.us`,
    group_ids: [],
    im_group_ids: [],
    account_id: account.id,
    account_number: account.accountNumber,
    cluster: "us06",
    phone_country: "",
    job_title: "",
    company: account.name,
    location: "",
    login_types: [100],
  };
}
