-- The inbound ledger kept Zoom's payloads as received, with participants' names and emails
-- (issue 17). The app now stores only an allow-list of ids and times
-- (lib/zoom/webhook/ledger-payload.ts, LEDGER_PAYLOAD_ALLOW_LIST); this applies the same list to the
-- rows stored before, and drops the name and email from the participants-report rows that
-- reconciliation stored. Nothing reads these payloads to apply a notification, and the
-- de-duplication keys were computed from the whole payloads when they arrived, so they stay valid.
-- An integration test (tests/reliability/ledger-payloads.int.test.ts) checks that this gives what
-- the app stores now.

UPDATE "InboundNotification" AS n
   SET "payload" = jsonb_strip_nulls(jsonb_build_object(
         'account_id', n."payload" -> 'account_id',
         'user_id', n."payload" -> 'user_id',
         'client_id', n."payload" -> 'client_id',
         'deauthorization_time', n."payload" -> 'deauthorization_time',
         'user_data_retention', n."payload" -> 'user_data_retention',
         'object', CASE WHEN jsonb_typeof(n."payload" -> 'object') = 'object' THEN jsonb_strip_nulls(jsonb_build_object(
           'id', n."payload" -> 'object' -> 'id',
           'uuid', n."payload" -> 'object' -> 'uuid',
           'host_id', n."payload" -> 'object' -> 'host_id',
           'start_time', n."payload" -> 'object' -> 'start_time',
           'end_time', n."payload" -> 'object' -> 'end_time',
           'duration', n."payload" -> 'object' -> 'duration',
           'participant', CASE WHEN jsonb_typeof(n."payload" -> 'object' -> 'participant') = 'object' THEN jsonb_strip_nulls(jsonb_build_object(
             'id', n."payload" -> 'object' -> 'participant' -> 'id',
             'user_id', n."payload" -> 'object' -> 'participant' -> 'user_id',
             'participant_uuid', n."payload" -> 'object' -> 'participant' -> 'participant_uuid',
             'participant_user_id', n."payload" -> 'object' -> 'participant' -> 'participant_user_id',
             'customer_key', n."payload" -> 'object' -> 'participant' -> 'customer_key',
             'registrant_id', n."payload" -> 'object' -> 'participant' -> 'registrant_id',
             'join_time', n."payload" -> 'object' -> 'participant' -> 'join_time',
             'leave_time', n."payload" -> 'object' -> 'participant' -> 'leave_time',
             'date_time', n."payload" -> 'object' -> 'participant' -> 'date_time'
           )) END
         )) END
       ))
 WHERE n."source" = 'ZOOM_WEBHOOK';

UPDATE "InboundNotification"
   SET "payload" = "payload" - 'name' - 'user_email'
 WHERE "source" = 'ZOOM_REPORT';
