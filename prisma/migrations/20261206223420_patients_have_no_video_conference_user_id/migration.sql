-- Only staff have a Video Conference User ID (their Zoom user, matched to participant events and
-- used to host). Patients could set one on their profile: an id claimed that way would match a
-- staff member's Zoom user in webhooks and block its real owner, so every patient's is cleared.
UPDATE "User"
   SET "videoConferenceUserId" = NULL,
       "videoConferenceUserIdSource" = NULL,
       "videoConferenceUserIdSetAt" = NULL
 WHERE "role" = 'PATIENT' AND "videoConferenceUserId" IS NOT NULL;
