-- Every committed change to what a signed-in user's view holds (lib/auth/viewer.ts: the user, the
-- subject their portal belongs to, their clinic's time zone) is announced on the `user_changed`
-- channel, so that every app instance drops its cached copy (lib/auth/user-row-cache.ts). Triggers,
-- not the app's code, so that no write path (an admin page, a script, psql) can forget it; the app
-- checks at each LISTEN that they all exist and are enabled (lib/realtime/channels.ts), and serves
-- nothing from its cache otherwise.

CREATE FUNCTION "notify_user_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    -- TRUNCATE: every user's cached view (`*`).
    PERFORM pg_notify('user_changed', '*');
  ELSIF TG_TABLE_NAME = 'User' THEN
    PERFORM pg_notify('user_changed', OLD."id"::text);
  ELSIF TG_TABLE_NAME = 'Subject' THEN
    IF TG_OP <> 'INSERT' AND OLD."userId" IS NOT NULL THEN
      PERFORM pg_notify('user_changed', OLD."userId"::text);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW."userId" IS NOT NULL THEN
      PERFORM pg_notify('user_changed', NEW."userId"::text);
    END IF;
  ELSIF TG_TABLE_NAME = 'Organization' THEN
    -- A clinic's time zone: every user's cached view (`*`).
    PERFORM pg_notify('user_changed', '*');
  ELSE
    RAISE EXCEPTION 'notify_user_changed: unexpected table %', TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "User_changed" AFTER UPDATE OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "notify_user_changed"();
CREATE TRIGGER "User_truncated" AFTER TRUNCATE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_user_changed"();

-- Only rows with a portal account: bulk imports of subjects without one pay nothing but the test.
CREATE TRIGGER "Subject_portal_added" AFTER INSERT ON "Subject"
  FOR EACH ROW WHEN (NEW."userId" IS NOT NULL) EXECUTE FUNCTION "notify_user_changed"();
CREATE TRIGGER "Subject_portal_changed" AFTER UPDATE OF "id", "userId" ON "Subject"
  FOR EACH ROW WHEN (OLD."id" <> NEW."id" OR OLD."userId" IS DISTINCT FROM NEW."userId")
  EXECUTE FUNCTION "notify_user_changed"();
CREATE TRIGGER "Subject_portal_removed" AFTER DELETE ON "Subject"
  FOR EACH ROW WHEN (OLD."userId" IS NOT NULL) EXECUTE FUNCTION "notify_user_changed"();
CREATE TRIGGER "Subject_truncated" AFTER TRUNCATE ON "Subject"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_user_changed"();

CREATE TRIGGER "Organization_time_zone_changed" AFTER UPDATE OF "timeZone" ON "Organization"
  FOR EACH ROW WHEN (OLD."timeZone" IS DISTINCT FROM NEW."timeZone")
  EXECUTE FUNCTION "notify_user_changed"();
CREATE TRIGGER "Organization_truncated" AFTER TRUNCATE ON "Organization"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_user_changed"();
