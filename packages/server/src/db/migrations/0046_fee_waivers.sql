CREATE TABLE "fee_waiver_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"body_kind" text NOT NULL,
	"body_name" text NOT NULL,
	"request_kind" text NOT NULL,
	"fee_description" text NOT NULL,
	"amount_asked_fen" bigint,
	"status" text DEFAULT 'draft' NOT NULL,
	"letter_number" text,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	"outcome" text,
	"amount_saved_fen" bigint,
	"deferred_until" date,
	"answer_reference" text,
	"answer_note" text,
	"answered_on" date,
	"answered_at" timestamp with time zone,
	"answer_recorded_by" uuid,
	"withdraw_reason" text,
	"withdrawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_waiver_requests_amounts_check" CHECK (("fee_waiver_requests"."amount_asked_fen" IS NULL OR "fee_waiver_requests"."amount_asked_fen" >= 0) AND ("fee_waiver_requests"."amount_saved_fen" IS NULL OR "fee_waiver_requests"."amount_saved_fen" >= 0)),
	CONSTRAINT "fee_waiver_requests_answer_check" CHECK (("fee_waiver_requests"."status" = 'answered') = ("fee_waiver_requests"."outcome" IS NOT NULL AND "fee_waiver_requests"."amount_saved_fen" IS NOT NULL AND "fee_waiver_requests"."answered_on" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "fee_waiver_requests" ADD CONSTRAINT "fee_waiver_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_waiver_requests" ADD CONSTRAINT "fee_waiver_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_waiver_requests" ADD CONSTRAINT "fee_waiver_requests_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_waiver_requests" ADD CONSTRAINT "fee_waiver_requests_answer_recorded_by_users_id_fk" FOREIGN KEY ("answer_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_waiver_requests" ADD CONSTRAINT "fee_waiver_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fee_waiver_requests_org_idx" ON "fee_waiver_requests" USING btree ("organisation_id","status","created_at");--> statement-breakpoint
CREATE INDEX "fee_waiver_requests_application_idx" ON "fee_waiver_requests" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "fee_waiver_requests_answered_idx" ON "fee_waiver_requests" USING btree ("answered_on") WHERE "fee_waiver_requests"."answered_on" IS NOT NULL;--> statement-breakpoint
SELECT fayuan_grant_app_role();
