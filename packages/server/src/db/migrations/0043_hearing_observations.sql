CREATE TABLE "hearing_observations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"handler_id" uuid NOT NULL,
	"observer_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"scheduled_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"scores" jsonb,
	"rule_ids" text[],
	"total_score" integer,
	"findings" text,
	"recorded_by" uuid,
	"observed_at" timestamp with time zone,
	"reply_text" text,
	"replied_by" uuid,
	"replied_at" timestamp with time zone,
	"close_note" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "hearing_observations_total_check" CHECK ("hearing_observations"."total_score" IS NULL OR "hearing_observations"."total_score" BETWEEN 0 AND 100)
);
--> statement-breakpoint
ALTER TABLE "hearing_observations" ADD CONSTRAINT "hearing_observations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_observations" ADD CONSTRAINT "hearing_observations_activity_id_case_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."case_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_observations" ADD CONSTRAINT "hearing_observations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_observations" ADD CONSTRAINT "hearing_observations_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_observations" ADD CONSTRAINT "hearing_observations_observer_id_users_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_observations" ADD CONSTRAINT "hearing_observations_scheduled_by_users_id_fk" FOREIGN KEY ("scheduled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_observations" ADD CONSTRAINT "hearing_observations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_observations" ADD CONSTRAINT "hearing_observations_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_observations" ADD CONSTRAINT "hearing_observations_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hearing_observations_open_idx" ON "hearing_observations" USING btree ("activity_id") WHERE "hearing_observations"."status" IN ('scheduled', 'observed', 'replied');--> statement-breakpoint
CREATE INDEX "hearing_observations_org_idx" ON "hearing_observations" USING btree ("organisation_id","status","scheduled_at");--> statement-breakpoint
CREATE INDEX "hearing_observations_handler_idx" ON "hearing_observations" USING btree ("handler_id","status");INSERT INTO "rule_rows" ("id", "rule_table", "jurisdiction", "key", "data", "citation", "effective_from", "effective_to") VALUES
  ('bj.hearing_observation_item.preparation.v1', 'list_item', '110000', 'hearing_observation_item:preparation', '{"list":"hearing_observation_item","code":"preparation","nameZh":"庭前准备","nameEn":"Preparation before the hearing","params":{"weight":15,"maxScore":5,"order":1}}', 'SF/T 0032-2023 11.3; LAL art.59; OPN (六)', '2022-01-01', NULL),
  ('bj.hearing_observation_item.courtroom_conduct.v1', 'list_item', '110000', 'hearing_observation_item:courtroom_conduct', '{"list":"hearing_observation_item","code":"courtroom_conduct","nameZh":"出庭仪表与纪律","nameEn":"Appearance and discipline in court","params":{"weight":10,"maxScore":5,"order":2}}', 'SF/T 0032-2023 11.3; LAL art.59; OPN (六)', '2022-01-01', NULL),
  ('bj.hearing_observation_item.evidence.v1', 'list_item', '110000', 'hearing_observation_item:evidence', '{"list":"hearing_observation_item","code":"evidence","nameZh":"举证质证","nameEn":"Presenting and challenging evidence","params":{"weight":20,"maxScore":5,"order":3}}', 'SF/T 0032-2023 11.3; LAL art.59; OPN (六)', '2022-01-01', NULL),
  ('bj.hearing_observation_item.questioning.v1', 'list_item', '110000', 'hearing_observation_item:questioning', '{"list":"hearing_observation_item","code":"questioning","nameZh":"发问","nameEn":"Questioning","params":{"weight":15,"maxScore":5,"order":4}}', 'SF/T 0032-2023 11.3; LAL art.59; OPN (六)', '2022-01-01', NULL),
  ('bj.hearing_observation_item.argument.v1', 'list_item', '110000', 'hearing_observation_item:argument', '{"list":"hearing_observation_item","code":"argument","nameZh":"辩论（辩护/代理）意见","nameEn":"Defence or representation arguments","params":{"weight":20,"maxScore":5,"order":5}}', 'SF/T 0032-2023 11.3; LAL art.59; OPN (六)', '2022-01-01', NULL),
  ('bj.hearing_observation_item.application_of_law.v1', 'list_item', '110000', 'hearing_observation_item:application_of_law', '{"list":"hearing_observation_item","code":"application_of_law","nameZh":"法律适用","nameEn":"Application of the law","params":{"weight":10,"maxScore":5,"order":6}}', 'SF/T 0032-2023 11.3; LAL art.59; OPN (六)', '2022-01-01', NULL),
  ('bj.hearing_observation_item.client_rights.v1', 'list_item', '110000', 'hearing_observation_item:client_rights', '{"list":"hearing_observation_item","code":"client_rights","nameZh":"当事人权益维护","nameEn":"Protecting the client’s rights","params":{"weight":10,"maxScore":5,"order":7}}', 'SF/T 0032-2023 11.3; LAL art.59; OPN (六)', '2022-01-01', NULL);
--> statement-breakpoint
SELECT fayuan_grant_app_role();
