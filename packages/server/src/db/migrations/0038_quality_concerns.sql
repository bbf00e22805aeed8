CREATE TABLE "quality_concerns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"handler_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"rule_id" text NOT NULL,
	"value" text NOT NULL,
	"limit" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "staff_alerts" ADD COLUMN "quality_concern_id" uuid;--> statement-breakpoint
ALTER TABLE "quality_concerns" ADD CONSTRAINT "quality_concerns_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_concerns" ADD CONSTRAINT "quality_concerns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_concerns" ADD CONSTRAINT "quality_concerns_rule_id_rule_rows_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."rule_rows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quality_concerns_open_idx" ON "quality_concerns" USING btree ("handler_id","code") WHERE "quality_concerns"."closed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "quality_concerns_org_idx" ON "quality_concerns" USING btree ("organisation_id","opened_at");--> statement-breakpoint
INSERT INTO "rule_rows" ("id", "rule_table", "jurisdiction", "key", "data", "citation", "effective_from", "effective_to") VALUES
  ('bj.quality_threshold.low_average_score.v1', 'list_item', '110000', 'quality_threshold:low_average_score', '{"list":"quality_threshold","code":"low_average_score","nameZh":"质量评估平均分低于 70 分","nameEn":"Average evaluation score below 70","params":{"metric":"average_score","min":70,"windowDays":365,"minCount":3}}', 'OPN (六); OPN (七)', '2022-01-01', NULL),
  ('bj.quality_threshold.low_inspection_score.v1', 'list_item', '110000', 'quality_threshold:low_inspection_score', '{"list":"quality_threshold","code":"low_inspection_score","nameZh":"卷宗检查平均分低于 70 分","nameEn":"Average file inspection score below 70","params":{"metric":"inspection_score","min":70,"windowDays":365,"minCount":2}}', 'OPN (六); OPN (七)', '2022-01-01', NULL),
  ('bj.quality_threshold.upheld_complaints.v1', 'list_item', '110000', 'quality_threshold:upheld_complaints', '{"list":"quality_threshold","code":"upheld_complaints","nameZh":"一年内两次以上投诉属实","nameEn":"Two or more founded complaints in a year","params":{"metric":"upheld_complaints","max":1,"windowDays":365,"minCount":1}}', 'OPN (六); OPN (七)', '2022-01-01', NULL),
  ('bj.quality_threshold.low_satisfaction.v1', 'list_item', '110000', 'quality_threshold:low_satisfaction', '{"list":"quality_threshold","code":"low_satisfaction","nameZh":"受援人满意度平均低于 3 分","nameEn":"Recipients’ average satisfaction below 3 of 5","params":{"metric":"satisfaction","min":3,"windowDays":365,"minCount":3}}', 'OPN (六); OPN (七)', '2022-01-01', NULL);
--> statement-breakpoint
SELECT fayuan_grant_app_role();
