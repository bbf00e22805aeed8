-- Trigram indexes (substring search in Chinese text) need pg_trgm; it is a trusted extension (PostgreSQL >= 13),
-- so the database owner may create it. The CREATE EXTENSION line is hand-added to drizzle-kit's output.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "knowledge_articles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"jurisdiction" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"matters" text[] DEFAULT '{}'::text[] NOT NULL,
	"sources" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"author_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"search_segments" text DEFAULT '' NOT NULL,
	"search_tokens" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "search_segments")) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "search_segments" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "search_tokens" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "search_segments")) STORED;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_jurisdiction_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_articles_status_updated_idx" ON "knowledge_articles" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "knowledge_articles_owner_idx" ON "knowledge_articles" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "knowledge_articles_matters_idx" ON "knowledge_articles" USING gin ("matters");--> statement-breakpoint
CREATE INDEX "knowledge_articles_tokens_idx" ON "knowledge_articles" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "knowledge_articles_title_trgm_idx" ON "knowledge_articles" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "knowledge_articles_body_trgm_idx" ON "knowledge_articles" USING gin ("body" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "consultations_tokens_idx" ON "consultations" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "consultations_question_trgm_idx" ON "consultations" USING gin ("question" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "consultations_answer_trgm_idx" ON "consultations" USING gin ("answer" gin_trgm_ops);