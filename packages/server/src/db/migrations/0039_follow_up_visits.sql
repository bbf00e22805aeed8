CREATE TABLE "follow_up_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"handler_id" uuid,
	"method" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"due_on" date NOT NULL,
	"answers" jsonb,
	"question_rule_ids" text[],
	"satisfaction" integer,
	"comment" text,
	"visited_by" uuid,
	"visited_at" timestamp with time zone,
	CONSTRAINT "follow_up_visits_satisfaction_check" CHECK ("follow_up_visits"."satisfaction" IS NULL OR "follow_up_visits"."satisfaction" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "quality_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"handler_id" uuid,
	"source" text NOT NULL,
	"visit_id" uuid,
	"satisfaction" integer NOT NULL,
	"reason" text,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "visit_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"closed_from" date NOT NULL,
	"closed_to" date NOT NULL,
	"per_mille" integer NOT NULL,
	"after_days" integer NOT NULL,
	"method" text NOT NULL,
	"seed" text NOT NULL,
	"sampling_method" text NOT NULL,
	"population" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follow_up_visits" ADD CONSTRAINT "follow_up_visits_plan_id_visit_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."visit_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_visits" ADD CONSTRAINT "follow_up_visits_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_visits" ADD CONSTRAINT "follow_up_visits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_visits" ADD CONSTRAINT "follow_up_visits_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_visits" ADD CONSTRAINT "follow_up_visits_visited_by_users_id_fk" FOREIGN KEY ("visited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_reviews" ADD CONSTRAINT "quality_reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_reviews" ADD CONSTRAINT "quality_reviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_reviews" ADD CONSTRAINT "quality_reviews_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_reviews" ADD CONSTRAINT "quality_reviews_visit_id_follow_up_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."follow_up_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_reviews" ADD CONSTRAINT "quality_reviews_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_visits_application_idx" ON "follow_up_visits" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "follow_up_visits_org_idx" ON "follow_up_visits" USING btree ("organisation_id","status","due_on");--> statement-breakpoint
CREATE INDEX "quality_reviews_org_idx" ON "quality_reviews" USING btree ("organisation_id","status","opened_at");--> statement-breakpoint
INSERT INTO "rule_rows" ("id", "rule_table", "jurisdiction", "key", "data", "citation", "effective_from", "effective_to") VALUES
  ('bj.visit_question.contacted_promptly.v1', 'list_item', '110000', 'visit_question:contacted_promptly', '{"list":"visit_question","code":"contacted_promptly","nameZh":"承办人员接受指派后是否及时与您联系？","nameEn":"Did the handler contact you promptly after being assigned?","params":{"answer":"yes_no","concernIf":"no","order":1}}', 'LAL art.59', '2022-01-01', NULL),
  ('bj.visit_question.informed_of_progress.v1', 'list_item', '110000', 'visit_question:informed_of_progress', '{"list":"visit_question","code":"informed_of_progress","nameZh":"办理过程中是否向您告知案件进展？","nameEn":"Were you told how the case was progressing?","params":{"answer":"yes_no","concernIf":"no","order":2}}', 'LAL art.46; LAL art.59', '2022-01-01', NULL),
  ('bj.visit_question.asked_for_money.v1', 'list_item', '110000', 'visit_question:asked_for_money', '{"list":"visit_question","code":"asked_for_money","nameZh":"承办人员是否向您收取过财物？","nameEn":"Did the handler ask you for money or gifts?","params":{"answer":"yes_no","concernIf":"yes","order":3}}', 'LAL art.59', '2022-01-01', NULL),
  ('bj.visit_question.suggestions.v1', 'list_item', '110000', 'visit_question:suggestions', '{"list":"visit_question","code":"suggestions","nameZh":"您对法律援助工作还有什么意见和建议？","nameEn":"Any comments or suggestions on the legal aid you received?","params":{"answer":"text","order":4}}', 'LAL art.59', '2022-01-01', NULL);
--> statement-breakpoint
SELECT fayuan_grant_app_role();
