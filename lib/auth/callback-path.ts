import { callbackPathSchema } from "@/lib/auth/schemas";

/**
 * The page to open after signing in, from `?callbackUrl=` (Auth.js puts a full URL there).
 * Only the path is kept, so the destination is always on this site.
 */
export function callbackPathFromQuery(value: string | string[] | undefined): string {
  if (typeof value !== "string") return "/";
  try {
    const url = new URL(value, "http://placeholder.invalid");
    return callbackPathSchema.parse(`${url.pathname}${url.search}`);
  } catch {
    return "/";
  }
}
