/** Why "Join Meeting" did not open the meeting (`?join=` from /api/visits/[id]/join), for patients. */
export const JOIN_REFUSALS: Record<string, string> = {
  not_yet: "It is too early to join: the video opens 15 minutes before your visit.",
  over: "That visit is over.",
  cancelled: "That visit was cancelled.",
  no_meeting: "That visit has no video meeting yet. Please contact your clinic.",
  zoom_unavailable: "Video is not available right now. Please contact your clinic.",
  consent_needed: "Please read and sign your clinic's telehealth consent before you join.",
};
