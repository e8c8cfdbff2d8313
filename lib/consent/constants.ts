// Limits of the consent text and the clinic's phone number, shared by the forms and the schemas.

export const CONSENT_TEXT_MIN = 20;
export const CONSENT_TEXT_MAX = 20_000;
export const SIGNED_NAME_MAX = 200;
export const CLINIC_PHONE_MAX = 40;
