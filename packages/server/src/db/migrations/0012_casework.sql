CREATE TABLE "case_activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"handler_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"place" text,
	"summary" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_archives" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"snapshot" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"archived_by" uuid NOT NULL,
	"archived_at" timestamp with time zone NOT NULL,
	"retention_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_closings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"handler_id" uuid NOT NULL,
	"result" text NOT NULL,
	"amount_recovered_fen" bigint,
	"report" text NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"outcome" text,
	"return_reason" text,
	CONSTRAINT "case_closings_amount_check" CHECK ("case_closings"."amount_recovered_fen" IS NULL OR "case_closings"."amount_recovered_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "case_discussions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"participants" text[] NOT NULL,
	"conclusions" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_major_flags" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"major" boolean NOT NULL,
	"reason" text NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "termination_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"handler_id" uuid NOT NULL,
	"ground" text NOT NULL,
	"facts" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "centre_settings" ADD COLUMN "archive_retention_years" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_activities" ADD CONSTRAINT "case_activities_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_activities" ADD CONSTRAINT "case_activities_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_activities" ADD CONSTRAINT "case_activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_archives" ADD CONSTRAINT "case_archives_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_archives" ADD CONSTRAINT "case_archives_archived_by_users_id_fk" FOREIGN KEY ("archived_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_closings" ADD CONSTRAINT "case_closings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_closings" ADD CONSTRAINT "case_closings_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_closings" ADD CONSTRAINT "case_closings_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_closings" ADD CONSTRAINT "case_closings_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_discussions" ADD CONSTRAINT "case_discussions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_discussions" ADD CONSTRAINT "case_discussions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_major_flags" ADD CONSTRAINT "case_major_flags_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_major_flags" ADD CONSTRAINT "case_major_flags_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termination_reports" ADD CONSTRAINT "termination_reports_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termination_reports" ADD CONSTRAINT "termination_reports_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termination_reports" ADD CONSTRAINT "termination_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_activities_application_idx" ON "case_activities" USING btree ("application_id","occurred_at");--> statement-breakpoint
CREATE INDEX "case_closings_application_idx" ON "case_closings" USING btree ("application_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_closings_pending_idx" ON "case_closings" USING btree ("application_id") WHERE "case_closings"."outcome" IS NULL;--> statement-breakpoint
CREATE INDEX "case_discussions_application_idx" ON "case_discussions" USING btree ("application_id","held_at");--> statement-breakpoint
CREATE INDEX "termination_reports_application_idx" ON "termination_reports" USING btree ("application_id","reported_at");--> statement-breakpoint
CREATE FUNCTION fayuan_case_archive_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_archives is immutable' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER case_archives_no_update BEFORE UPDATE OR DELETE ON "case_archives"
  FOR EACH ROW EXECUTE FUNCTION fayuan_case_archive_immutable();
--> statement-breakpoint
CREATE TRIGGER case_archives_no_truncate BEFORE TRUNCATE ON "case_archives"
  FOR EACH STATEMENT EXECUTE FUNCTION fayuan_case_archive_immutable();
