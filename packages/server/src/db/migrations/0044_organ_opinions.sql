CREATE TABLE "organ_opinion_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"handler_id" uuid,
	"organ_kind" text NOT NULL,
	"organ_name" text NOT NULL,
	"partner_id" uuid,
	"channel" text NOT NULL,
	"question_rule_ids" text[] NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'drafted' NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	"answer" jsonb,
	"answer_via" text,
	"answer_recorded_by" uuid,
	"answered_at" timestamp with time zone,
	"poor_items" text[],
	"cancel_reason" text,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organ_opinion_requests" ADD CONSTRAINT "organ_opinion_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organ_opinion_requests" ADD CONSTRAINT "organ_opinion_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organ_opinion_requests" ADD CONSTRAINT "organ_opinion_requests_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organ_opinion_requests" ADD CONSTRAINT "organ_opinion_requests_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organ_opinion_requests" ADD CONSTRAINT "organ_opinion_requests_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organ_opinion_requests" ADD CONSTRAINT "organ_opinion_requests_answer_recorded_by_users_id_fk" FOREIGN KEY ("answer_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organ_opinion_requests" ADD CONSTRAINT "organ_opinion_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organ_opinion_requests_org_idx" ON "organ_opinion_requests" USING btree ("organisation_id","status","created_at");--> statement-breakpoint
CREATE INDEX "organ_opinion_requests_application_idx" ON "organ_opinion_requests" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "organ_opinion_requests_handler_idx" ON "organ_opinion_requests" USING btree ("handler_id") WHERE "organ_opinion_requests"."answered_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "organ_opinion_requests_partner_idx" ON "organ_opinion_requests" USING btree ("partner_id") WHERE "organ_opinion_requests"."partner_id" IS NOT NULL;--> statement-breakpoint
INSERT INTO "rule_rows" ("id", "rule_table", "jurisdiction", "key", "data", "citation", "effective_from", "effective_to") VALUES
  ('bj.quality_threshold.poor_organ_opinions.v1', 'list_item', '110000', 'quality_threshold:poor_organ_opinions', '{"list":"quality_threshold","code":"poor_organ_opinions","nameZh":"一年内两次以上办案机关评价较差","nameEn":"Two or more poor opinions from case-handling organs in a year","params":{"metric":"poor_organ_opinions","max":1,"windowDays":365,"minCount":1}}', 'OPN (六); OPN (七); LAL art.59', '2022-01-01', NULL),
  ('bj.organ_opinion_item.punctuality.v1', 'list_item', '110000', 'organ_opinion_item:punctuality', '{"list":"organ_opinion_item","code":"punctuality","nameZh":"是否按时到庭、会见","nameEn":"Attended hearings and met the client on time","params":{"order":1}}', 'LAL art.59; OPN (六); SF/T 0032-2023 11.5', '2022-01-01', NULL),
  ('bj.organ_opinion_item.opinion_quality.v1', 'list_item', '110000', 'organ_opinion_item:opinion_quality', '{"list":"organ_opinion_item","code":"opinion_quality","nameZh":"辩护、代理意见质量","nameEn":"Quality of the defence or representation opinions","params":{"order":2}}', 'LAL art.59; OPN (六); SF/T 0032-2023 11.5', '2022-01-01', NULL),
  ('bj.organ_opinion_item.communication.v1', 'list_item', '110000', 'organ_opinion_item:communication', '{"list":"organ_opinion_item","code":"communication","nameZh":"与办案机关沟通","nameEn":"Communication with the case-handling organ","params":{"order":3}}', 'LAL art.59; OPN (六); SF/T 0032-2023 11.5', '2022-01-01', NULL),
  ('bj.organ_opinion_item.overall.v1', 'list_item', '110000', 'organ_opinion_item:overall', '{"list":"organ_opinion_item","code":"overall","nameZh":"总体评价","nameEn":"Overall","params":{"order":4,"overall":true}}', 'LAL art.59; OPN (六); SF/T 0032-2023 11.5', '2022-01-01', NULL);
--> statement-breakpoint
SELECT fayuan_grant_app_role();
