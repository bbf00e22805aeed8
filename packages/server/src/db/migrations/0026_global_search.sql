-- Global search (modules/search): prefix indexes for names in the search's order (the name, then
-- the id, so that ORDER BY … LIMIT stops early), and an application number's sequence part
-- (京法援申〔2026〕第00002号 → 2) as a generated column, so that every search query is an index lookup.
DROP INDEX "persons_name_pinyin_idx";--> statement-breakpoint
DROP INDEX "persons_name_initials_idx";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "number_seq" integer GENERATED ALWAYS AS ((substring(number from '([0-9]{1,9})[^0-9]*$'))::integer) STORED;--> statement-breakpoint
CREATE INDEX "persons_name_prefix_idx" ON "persons" USING btree ("name" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "consultations_caller_name_prefix_idx" ON "consultations" USING btree ("caller_name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "applications_number_search_idx" ON "applications" USING btree ("number");--> statement-breakpoint
CREATE INDEX "applications_number_seq_idx" ON "applications" USING btree ("number_seq");--> statement-breakpoint
CREATE INDEX "issued_documents_number_search_idx" ON "issued_documents" USING btree ("number");--> statement-breakpoint
CREATE INDEX "persons_name_pinyin_idx" ON "persons" USING btree ("name_pinyin" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "persons_name_initials_idx" ON "persons" USING btree ("name_initials" text_pattern_ops,"id");