import { z } from "zod";

const param = z.string().max(2048).optional();

/** Zoom's redirect to /api/zoom/oauth/callback. @see docs/protocols/zoom-oauth.md#authorize */
export const oauthCallbackQuerySchema = z.object({
  code: param,
  state: param,
  error: param,
});
export type OAuthCallbackQuery = z.infer<typeof oauthCallbackQuerySchema>;

export const removeZoomLinkInputSchema = z.object({
  retention: z.enum(["delete", "keep"], {
    message: "Choose whether CareVisit may keep the Zoom data.",
  }),
  confirmed: z.literal("yes", { message: "Confirm that Zoom should be removed." }),
});
export type RemoveZoomLinkInput = z.infer<typeof removeZoomLinkInputSchema>;
