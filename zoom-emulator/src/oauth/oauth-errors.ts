import { type ServerResponse } from "node:http";

import { sendJson } from "../http/responses";

// Token-endpoint errors: RFC-style `error` plus Zoom's `reason` (zoom-oauth.md#errors).

export type OAuthErrorCode =
  "invalid_client" | "invalid_grant" | "invalid_request" | "unsupported_grant_type";

export function sendOAuthError(res: ServerResponse, error: OAuthErrorCode, reason: string) {
  sendJson(res, error === "invalid_client" ? 401 : 400, { reason, error });
}

export function sendInvalidClient(res: ServerResponse) {
  sendOAuthError(res, "invalid_client", "Invalid client_id or client_secret");
}
