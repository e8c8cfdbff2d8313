// Limits of the telehealth settings form, shared by its schema and the form (no zod in the
// browser bundle).

export const API_KEY_MAX = 200;
export const API_SECRET_MIN = 8;
export const API_SECRET_MAX = 500;
export const NOTIFIER_USERNAME_MAX = 100;
export const NOTIFIER_PASSWORD_MIN = 12;
export const NOTIFIER_PASSWORD_MAX = 200;
