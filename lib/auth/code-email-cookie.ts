/** Remembers, for the code's lifetime, which address a code was sent to, to fill in the next form. */
export const CODE_EMAIL_COOKIE = "carevisit-code-email";
