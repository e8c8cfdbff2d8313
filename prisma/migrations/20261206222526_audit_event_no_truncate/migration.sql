-- The audit trail is append-only: UPDATE and DELETE were refused row by row (init), but TRUNCATE
-- fires no row trigger, and the app's own role could empty the table with one statement. A
-- statement-level trigger refuses it as well, for every role that does not first disable the
-- trigger (which takes ALTER TABLE, a statement the app never sends). See README, Security notes.
CREATE FUNCTION "audit_event_is_not_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent cannot be truncated' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_not_truncated"();
