// Limits of the Users page's forms, shared by their schemas and the forms (no zod in the browser
// bundle).

export const USER_PASSWORD_MIN = 12;
export const USER_PASSWORD_MAX = 200;
export const USER_NAME_MAX = 100;
export const USER_EMAIL_MAX = 254;
export const USERS_PAGE_SIZE = 50;
