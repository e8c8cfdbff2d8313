// RFC 8058 one-click unsubscribe: a mail client POSTs the key/value pair of the reminder's
// List-Unsubscribe-Post header, "List-Unsubscribe=One-Click", as a form (URL-encoded or
// multipart/form-data, as RFC 8058 §3.1 allows). Pure.

const KEY = "List-Unsubscribe";
const VALUE = "One-Click";

/** Whether a request body is the one-click form, read as the web platform reads forms. */
export async function isOneClickUnsubscribeBody(
  body: string,
  contentType: string | null,
): Promise<boolean> {
  if (!contentType) return false;
  try {
    const form = await new Response(body, { headers: { "Content-Type": contentType } }).formData();
    return form.get(KEY) === VALUE;
  } catch {
    return false; // not a form at all (JSON, or a malformed multipart body)
  }
}
