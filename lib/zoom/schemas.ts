import { z } from "zod";

// Zoom's responses, parsed on the way in. Field names and JSON types follow
// docs/protocols/zoom-oauth.md#token-endpoint (tokens) and docs/protocols/zoom-rest.md (REST).
// Unknown fields are dropped.

/** @see docs/protocols/zoom-oauth.md#token-endpoint */
export const zoomTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  scope: z.string(),
  api_url: z.string().optional(),
});
export type ZoomTokenResponse = z.infer<typeof zoomTokenResponseSchema>;

/**
 * `{"reason":"Invalid Token!","error":"invalid_grant"}`
 * @see docs/protocols/zoom-oauth.md#errors
 */
export const zoomOAuthErrorSchema = z.object({ error: z.string(), reason: z.string().optional() });

/** @see docs/protocols/zoom-rest.md#errors */
export const zoomApiErrorSchema = z.object({ code: z.number(), message: z.string() });

/** @see docs/protocols/zoom-rest.md#users */
export const zoomUserSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  display_name: z.string().optional(),
  type: z.number().optional(),
  role_name: z.string().optional(),
  account_id: z.string().optional(),
});
export type ZoomUser = z.infer<typeof zoomUserSchema>;

export const zoomCreatedUserSchema = z.object({ id: z.string().min(1), email: z.string() });

/** @see docs/protocols/zoom-rest.md#meetings — `id` is a number in REST (a string in webhooks). */
export const zoomMeetingSchema = z.object({
  id: z.number().int().positive(),
  uuid: z.string().min(1),
  host_id: z.string(),
  topic: z.string().optional(),
  join_url: z.url(),
  start_url: z.url(),
  password: z.string().optional(),
  status: z.string().optional(),
  start_time: z.string().optional(),
  duration: z.number().optional(),
});
export type ZoomMeeting = z.infer<typeof zoomMeetingSchema>;

/** What we send to create or update a meeting. @see docs/protocols/zoom-rest.md#meetings */
export type ZoomMeetingInput = {
  topic: string;
  type: 1 | 2;
  start_time?: string;
  duration: number;
  timezone?: string;
  agenda?: string;
  settings: {
    waiting_room: boolean;
    join_before_host: boolean;
    host_video: boolean;
    participant_video: boolean;
    mute_upon_entry: boolean;
    /** 0: registration with automatic approval, so that each person gets their own link. */
    approval_type: 0;
    /** Zoom emails nobody: we hand each registrant their link ourselves. */
    registrants_confirmation_email: false;
    registrants_email_notification: false;
    audio: "both";
    auto_recording: "none";
  };
};
