import { z } from "zod";

/**
 * Why "Join Meeting" did not open the meeting (`?join=` from /api/visits/[id]/join), for patients:
 * the key of its message in the catalogs' "JoinRefusals" namespace; anything else is ignored.
 */
export const joinRefusalSchema = z
  .enum(["not_yet", "over", "cancelled", "no_meeting", "zoom_unavailable", "consent_needed"])
  .optional()
  .catch(undefined);
