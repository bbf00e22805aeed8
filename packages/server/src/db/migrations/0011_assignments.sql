CREATE TABLE "case_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"handler_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"reason" text,
	"score" integer,
	"evaluation" jsonb NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"responded_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
ALTER TABLE "centre_settings" ADD COLUMN "acceptance_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_assignments_application_idx" ON "case_assignments" USING btree ("application_id","assigned_at");--> statement-breakpoint
CREATE INDEX "case_assignments_handler_status_idx" ON "case_assignments" USING btree ("handler_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "case_assignments_current_idx" ON "case_assignments" USING btree ("application_id") WHERE "case_assignments"."status" IN ('pending', 'accepted');