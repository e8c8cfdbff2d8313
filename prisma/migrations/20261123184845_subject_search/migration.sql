-- Subject search (lib/subjects/search-subjects.ts): ordered index range scans for every kind of
-- query, and a dictionary of name words for typo correction. Prisma cannot express these indexes.

-- DropIndex (replaced by the ordered search indexes below)
DROP INDEX "Subject_organizationId_email_idx";
DROP INDEX "Subject_organizationId_phoneDigits_idx";
DROP INDEX "Subject_organizationId_lastName_firstName_idx";

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Every search part is `<indexed expression> LIKE 'prefix%'` (or =) ORDER BY the same expressions,
-- so PostgreSQL reads only the rows of the page. The "C" collation makes prefix ranges usable and
-- the order the same whatever the database's locale.
CREATE INDEX "Subject_search_last_first_idx" ON "Subject"
  ("organizationId", (lower("lastName") COLLATE "C"), (lower("firstName") COLLATE "C"), ("recordNumber" COLLATE "C"));
CREATE INDEX "Subject_search_first_last_idx" ON "Subject"
  ("organizationId", (lower("firstName") COLLATE "C"), (lower("lastName") COLLATE "C"), ("recordNumber" COLLATE "C"));
CREATE INDEX "Subject_search_record_idx" ON "Subject" ("organizationId", ("recordNumber" COLLATE "C"));
CREATE INDEX "Subject_search_email_idx" ON "Subject" ("organizationId", ("email" COLLATE "C"));
CREATE INDEX "Subject_search_phone_idx" ON "Subject" ("organizationId", ("phoneDigits" COLLATE "C"));

-- CreateTable
CREATE TABLE "SubjectNameTerm" (
    "organizationId" UUID NOT NULL,
    "term" TEXT NOT NULL,

    CONSTRAINT "SubjectNameTerm_pkey" PRIMARY KEY ("organizationId","term")
);

CREATE INDEX "SubjectNameTerm_term_trgm_idx" ON "SubjectNameTerm" USING gin ("term" gin_trgm_ops);

-- The dictionary follows the subjects: one statement-level trigger per insert or update statement,
-- so a bulk insert of a million subjects adds its words in one pass.
CREATE FUNCTION "subject_name_terms_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SubjectNameTerm" ("organizationId", "term")
  SELECT DISTINCT s."organizationId", w.term
  FROM new_subjects s
  CROSS JOIN LATERAL unnest(regexp_split_to_array(lower(s."firstName" || ' ' || s."lastName"), '[[:space:],-]+')) AS w(term)
  WHERE w.term <> ''
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Subject_name_terms_on_insert" AFTER INSERT ON "Subject"
  REFERENCING NEW TABLE AS new_subjects FOR EACH STATEMENT EXECUTE FUNCTION "subject_name_terms_add"();
CREATE TRIGGER "Subject_name_terms_on_update" AFTER UPDATE ON "Subject"
  REFERENCING NEW TABLE AS new_subjects FOR EACH STATEMENT EXECUTE FUNCTION "subject_name_terms_add"();

-- Subjects that exist already.
INSERT INTO "SubjectNameTerm" ("organizationId", "term")
SELECT DISTINCT s."organizationId", w.term
FROM "Subject" s
CROSS JOIN LATERAL unnest(regexp_split_to_array(lower(s."firstName" || ' ' || s."lastName"), '[[:space:],-]+')) AS w(term)
WHERE w.term <> ''
ON CONFLICT DO NOTHING;
