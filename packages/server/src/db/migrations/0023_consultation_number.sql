ALTER TABLE "consultations" ADD COLUMN "number" text;--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_number_idx" ON "consultations" USING btree ("number");--> statement-breakpoint
-- A consultation's number beside the centre's application number: 京法援申〔…〕 → 京法援咨〔…〕. A centre
-- without an application pattern gets '{org}咨〔{year}〕第{seq:5}号' from the code.
INSERT INTO "document_number_patterns" ("organisation_id", "document_kind", "pattern")
SELECT "organisation_id", 'consultation', replace("pattern", '申〔', '咨〔')
FROM "document_number_patterns"
WHERE "document_kind" = 'application' AND "pattern" LIKE '%申〔%'
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Consultations recorded before numbering get their numbers now, in the order they started, per
-- centre and Beijing year; the sequences continue from them.
WITH numbered AS (
  SELECT c."id", c."owner_org_id" AS "org",
    extract(year FROM c."started_at" AT TIME ZONE 'Asia/Shanghai')::int AS "yr",
    row_number() OVER (
      PARTITION BY c."owner_org_id", extract(year FROM c."started_at" AT TIME ZONE 'Asia/Shanghai')
      ORDER BY c."started_at", c."id"
    ) AS "seq"
  FROM "consultations" c
  WHERE c."number" IS NULL
)
UPDATE "consultations" c
SET "number" = replace(replace(replace(
    coalesce(p."pattern", '{org}咨〔{year}〕第{seq:5}号'),
    '{org}', o."code"), '{year}', n."yr"::text), '{seq:5}', lpad(n."seq"::text, 5, '0'))
FROM numbered n
JOIN "organisations" o ON o."id" = n."org"
LEFT JOIN "document_number_patterns" p
  ON p."organisation_id" = n."org" AND p."document_kind" = 'consultation'
WHERE c."id" = n."id";
--> statement-breakpoint
INSERT INTO "document_sequences" ("organisation_id", "document_kind", "year", "last_value")
SELECT "owner_org_id", 'consultation', extract(year FROM "started_at" AT TIME ZONE 'Asia/Shanghai')::int, count(*)
FROM "consultations"
WHERE "number" IS NOT NULL
GROUP BY 1, 3
ON CONFLICT ("organisation_id", "document_kind", "year")
DO UPDATE SET "last_value" = GREATEST("document_sequences"."last_value", EXCLUDED."last_value");
