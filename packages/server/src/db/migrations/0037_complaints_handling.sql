CREATE TABLE "complaint_clocks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"rule_id" text,
	"citation" text NOT NULL,
	"stopped_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"alerted_at" timestamp with time zone,
	"provisional_years" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"extended_to" date,
	"extension_reason" text,
	"extended_by" uuid
);
--> statement-breakpoint
ALTER TABLE "staff_alerts" ADD COLUMN "complaint_id" uuid;--> statement-breakpoint
ALTER TABLE "staff_alerts" ADD COLUMN "complaint_clock_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "number" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "complainant_name" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "complainant_phone_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "complainant_phone_hash" "bytea";--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "relation" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "handler_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "received_by" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "accepted_by" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "decline_rule_id" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "outcome_rule_id" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "upheld" boolean;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "findings" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "reply_text" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "reply_method" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "replied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "replied_by" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "appeal_text" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "appealed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "review_result" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaint_clocks" ADD CONSTRAINT "complaint_clocks_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_clocks" ADD CONSTRAINT "complaint_clocks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_clocks" ADD CONSTRAINT "complaint_clocks_rule_id_rule_rows_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."rule_rows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_clocks" ADD CONSTRAINT "complaint_clocks_extended_by_users_id_fk" FOREIGN KEY ("extended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_clocks_complaint_idx" ON "complaint_clocks" USING btree ("complaint_id","period");--> statement-breakpoint
CREATE INDEX "complaint_clocks_running_due_idx" ON "complaint_clocks" USING btree ("due_at") WHERE "complaint_clocks"."status" = 'running';--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_decline_rule_id_rule_rows_id_fk" FOREIGN KEY ("decline_rule_id") REFERENCES "public"."rule_rows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_outcome_rule_id_rule_rows_id_fk" FOREIGN KEY ("outcome_rule_id") REFERENCES "public"."rule_rows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_alerts_complaint_clock_once_idx" ON "staff_alerts" USING btree ("complaint_clock_id","kind","user_id","due_at") WHERE "staff_alerts"."complaint_clock_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "complaints_handler_idx" ON "complaints" USING btree ("handler_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_number_key" ON "complaints" USING btree ("organisation_id","number");--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_complainant_check" CHECK ("complaints"."citizen_id" IS NOT NULL OR "complaints"."complainant_name" IS NOT NULL);
--> statement-breakpoint
INSERT INTO "rule_rows" ("id", "rule_table", "jurisdiction", "key", "data", "citation", "effective_from", "effective_to") VALUES
  ('cn.complaint_decline_reason.not_complainant.v1', 'list_item', '000000', 'complaint_decline_reason:not_complainant', '{"list":"complaint_decline_reason","code":"not_complainant","nameZh":"投诉人不具有投诉人主体资格","nameEn":"The complainant is not an applicant, recipient or interested party","params":{}}', 'MOJ complaint rules 2013 art.8', '2022-01-01', NULL),
  ('cn.complaint_decline_reason.no_respondent_or_request.v1', 'list_item', '000000', 'complaint_decline_reason:no_respondent_or_request', '{"list":"complaint_decline_reason","code":"no_respondent_or_request","nameZh":"没有明确的被投诉人和投诉请求","nameEn":"No clear respondent or request","params":{}}', 'MOJ complaint rules 2013 art.8', '2022-01-01', NULL),
  ('cn.complaint_decline_reason.no_facts.v1', 'list_item', '000000', 'complaint_decline_reason:no_facts', '{"list":"complaint_decline_reason","code":"no_facts","nameZh":"没有具体的投诉事实和理由","nameEn":"No specific facts or grounds","params":{}}', 'MOJ complaint rules 2013 art.8', '2022-01-01', NULL),
  ('cn.complaint_decline_reason.not_our_jurisdiction.v1', 'list_item', '000000', 'complaint_decline_reason:not_our_jurisdiction', '{"list":"complaint_decline_reason","code":"not_our_jurisdiction","nameZh":"不属于本机关管辖范围","nameEn":"Not within this office’s jurisdiction","params":{}}', 'MOJ complaint rules 2013 art.8', '2022-01-01', NULL),
  ('cn.complaint_decline_reason.not_complaint_matter.v1', 'list_item', '000000', 'complaint_decline_reason:not_complaint_matter', '{"list":"complaint_decline_reason","code":"not_complaint_matter","nameZh":"不属于投诉事项范围","nameEn":"Not a matter that can be complained about","params":{}}', 'MOJ complaint rules 2013 art.8', '2022-01-01', NULL),
  ('cn.complaint_outcome.sanctioned.v1', 'list_item', '000000', 'complaint_outcome:sanctioned', '{"list":"complaint_outcome","code":"sanctioned","nameZh":"给予行政处罚、行业惩戒或者纪律处分","nameEn":"Administrative penalty, professional sanction or disciplinary action","params":{"upheld":true}}', 'MOJ complaint rules 2013', '2022-01-01', NULL),
  ('cn.complaint_outcome.corrected.v1', 'list_item', '000000', 'complaint_outcome:corrected', '{"list":"complaint_outcome","code":"corrected","nameZh":"批评教育、通报批评或者责令限期整改","nameEn":"Criticism, a notice of criticism or an order to put it right by a date","params":{"upheld":true}}', 'MOJ complaint rules 2013', '2022-01-01', NULL),
  ('cn.complaint_outcome.not_substantiated.v1', 'list_item', '000000', 'complaint_outcome:not_substantiated', '{"list":"complaint_outcome","code":"not_substantiated","nameZh":"查证不实或者无法查实，不作处理","nameEn":"Not borne out or cannot be verified: no action","params":{"upheld":false}}', 'MOJ complaint rules 2013', '2022-01-01', NULL);
--> statement-breakpoint
SELECT fayuan_grant_app_role();
