-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "sessionIdleMinutes" INTEGER NOT NULL DEFAULT 30;


ALTER TABLE "Organization" ADD CONSTRAINT "Organization_sessionIdleMinutes_range"
  CHECK ("sessionIdleMinutes" BETWEEN 5 AND 720);

-- The cached rows of signed-in users carry their clinic's idle timeout (lib/auth/viewer.ts), so a
-- change to it must reach every instance's cache as a change of time zone does. Same trigger
-- name (lib/realtime/channels.ts checks it exists), now on both columns.
DROP TRIGGER "Organization_time_zone_changed" ON "Organization";
CREATE TRIGGER "Organization_time_zone_changed"
  AFTER UPDATE OF "timeZone", "sessionIdleMinutes" ON "Organization"
  FOR EACH ROW WHEN (OLD."timeZone" IS DISTINCT FROM NEW."timeZone"
                  OR OLD."sessionIdleMinutes" IS DISTINCT FROM NEW."sessionIdleMinutes")
  EXECUTE FUNCTION "notify_user_changed"();
