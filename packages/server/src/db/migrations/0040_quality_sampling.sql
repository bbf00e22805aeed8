CREATE TABLE "file_inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"plan_id" uuid,
	"handler_id" uuid NOT NULL,
	"inspector_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"checklist_date" date NOT NULL,
	"judgements" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"findings" text,
	"items" jsonb,
	"rule_ids" text[],
	"record_score" integer,
	"judgement_score" integer,
	"total_score" integer,
	"started_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "file_inspections_completed_check" CHECK ("file_inspections"."status" <> 'completed' OR ("file_inspections"."completed_at" IS NOT NULL AND "file_inspections"."items" IS NOT NULL AND "file_inspections"."findings" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "rectification_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"handler_id" uuid NOT NULL,
	"items" text[] NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"reply_text" text,
	"replied_by" uuid,
	"replied_at" timestamp with time zone,
	"return_note" text,
	"returned_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rectification_requests_items_check" CHECK (cardinality("rectification_requests"."items") > 0)
);
--> statement-breakpoint
CREATE TABLE "sampled_cases" (
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"handler_id" uuid NOT NULL,
	CONSTRAINT "sampled_cases_plan_id_position_pk" PRIMARY KEY("plan_id","position")
);
--> statement-breakpoint
CREATE TABLE "sampling_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"closed_from" date NOT NULL,
	"closed_to" date NOT NULL,
	"per_mille" integer NOT NULL,
	"minimum_per_stratum" integer NOT NULL,
	"maximum_total" integer,
	"stratify_by" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"seed" text,
	"sampling_method" text,
	"population" jsonb,
	"strata" jsonb,
	"drawn_by" uuid,
	"drawn_at" timestamp with time zone,
	CONSTRAINT "sampling_plans_period_check" CHECK ("sampling_plans"."closed_to" >= "sampling_plans"."closed_from"),
	CONSTRAINT "sampling_plans_per_mille_check" CHECK ("sampling_plans"."per_mille" BETWEEN 0 AND 1000),
	CONSTRAINT "sampling_plans_counts_check" CHECK ("sampling_plans"."minimum_per_stratum" >= 0 AND ("sampling_plans"."maximum_total" IS NULL OR "sampling_plans"."maximum_total" >= 0)),
	CONSTRAINT "sampling_plans_draw_check" CHECK (("sampling_plans"."drawn_at" IS NULL) = ("sampling_plans"."seed" IS NULL) AND ("sampling_plans"."seed" IS NULL) = ("sampling_plans"."population" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "file_inspections" ADD CONSTRAINT "file_inspections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_inspections" ADD CONSTRAINT "file_inspections_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_inspections" ADD CONSTRAINT "file_inspections_plan_id_sampling_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sampling_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_inspections" ADD CONSTRAINT "file_inspections_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_inspections" ADD CONSTRAINT "file_inspections_inspector_id_users_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_requests" ADD CONSTRAINT "rectification_requests_inspection_id_file_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."file_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_requests" ADD CONSTRAINT "rectification_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_requests" ADD CONSTRAINT "rectification_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_requests" ADD CONSTRAINT "rectification_requests_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_requests" ADD CONSTRAINT "rectification_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_requests" ADD CONSTRAINT "rectification_requests_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_requests" ADD CONSTRAINT "rectification_requests_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampled_cases" ADD CONSTRAINT "sampled_cases_plan_id_sampling_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sampling_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampled_cases" ADD CONSTRAINT "sampled_cases_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampled_cases" ADD CONSTRAINT "sampled_cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampled_cases" ADD CONSTRAINT "sampled_cases_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_plans" ADD CONSTRAINT "sampling_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_plans" ADD CONSTRAINT "sampling_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_plans" ADD CONSTRAINT "sampling_plans_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "file_inspections_org_idx" ON "file_inspections" USING btree ("organisation_id","status","started_at");--> statement-breakpoint
CREATE INDEX "file_inspections_handler_idx" ON "file_inspections" USING btree ("handler_id","completed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "file_inspections_open_idx" ON "file_inspections" USING btree ("application_id") WHERE "file_inspections"."status" = 'open';--> statement-breakpoint
CREATE INDEX "rectification_requests_inspection_idx" ON "rectification_requests" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "rectification_requests_handler_idx" ON "rectification_requests" USING btree ("handler_id","status");--> statement-breakpoint
CREATE INDEX "rectification_requests_org_idx" ON "rectification_requests" USING btree ("organisation_id","status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "sampled_cases_plan_application_idx" ON "sampled_cases" USING btree ("plan_id","application_id");--> statement-breakpoint
CREATE INDEX "sampled_cases_org_idx" ON "sampled_cases" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "sampling_plans_org_idx" ON "sampling_plans" USING btree ("organisation_id","created_at");--> statement-breakpoint
-- The drawn list of a sampling plan is frozen once written (抽查 must be reproducible and unaltered).
CREATE FUNCTION fayuan_sampled_cases_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'sampled_cases is frozen: a drawn list is never changed' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER sampled_cases_no_update BEFORE UPDATE OR DELETE ON "sampled_cases"
  FOR EACH ROW EXECUTE FUNCTION fayuan_sampled_cases_frozen();
--> statement-breakpoint
CREATE TRIGGER sampled_cases_no_truncate BEFORE TRUNCATE ON "sampled_cases"
  FOR EACH STATEMENT EXECUTE FUNCTION fayuan_sampled_cases_frozen();
--> statement-breakpoint
SELECT fayuan_grant_app_role();
