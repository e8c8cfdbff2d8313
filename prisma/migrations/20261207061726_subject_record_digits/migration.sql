-- Record numbers found by their digits (lib/subjects/search-subjects.sql.ts): "rfc1" and "0000001"
-- find RFC-0000001. The digits without leading zeros, read in the index's order like every other
-- search part. Prisma cannot express this index.
CREATE INDEX "Subject_search_record_digits_idx" ON "Subject"
  ("organizationId", (ltrim(regexp_replace("recordNumber", '[^0-9]', '', 'g'), '0') COLLATE "C"), ("recordNumber" COLLATE "C"));
