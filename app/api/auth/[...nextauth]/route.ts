// GET, POST /api/auth/* — Auth.js (sign-in callbacks, session, CSRF, sign-out)
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
