ALTER TABLE "consultations" ADD COLUMN "number" text;--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_number_idx" ON "consultations" USING btree ("number");--> statement-breakpoint
-- A consultation's number beside the centre's application number: 京法援申〔…〕 → 京法援咨〔…〕. A centre
-- without an application pattern gets '{org}咨〔{year}〕第{seq:5}号' from the code.
INSERT INTO "document_number_patterns" ("organisation_id", "document_kind", "pattern")
SELECT "organisation_id", 'consultation', replace("pattern", '申〔', '咨〔')
FROM "document_number_patterns"
WHERE "document_kind" = 'application' AND "pattern" LIKE '%申〔%'
ON CONFLICT DO NOTHING;
