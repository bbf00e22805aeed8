CREATE TABLE "duty_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_org_id" uuid NOT NULL,
	"partner_id" uuid,
	"requested_by" uuid NOT NULL,
	"suspect_name" text NOT NULL,
	"suspect_id_number_sealed" "bytea",
	"suspect_id_number_hash" "bytea",
	"institution_case_number" text NOT NULL,
	"reason" text NOT NULL,
	"wanted_at" timestamp with time zone,
	"place" text,
	"status" text NOT NULL,
	"duty_handler_id" uuid,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	"served_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_rosters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_org_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_org_id" uuid NOT NULL,
	"slot_id" uuid,
	"handler_id" uuid NOT NULL,
	"served_at" timestamp with time zone NOT NULL,
	"service_types" text[] NOT NULL,
	"person_id" uuid,
	"person_name" text NOT NULL,
	"person_id_number_sealed" "bytea",
	"person_id_number_hash" "bytea",
	"institution_case_number" text,
	"prosecutor" text,
	"charges" text[] DEFAULT '{}'::text[] NOT NULL,
	"plea_opinion" text,
	"plea_opinion_text" text,
	"notes" text,
	"request_id" uuid,
	"application_id" uuid,
	"forwarded_at" timestamp with time zone,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"max_duties_per_week" integer DEFAULT 3 NOT NULL,
	"rotation_weeks" integer DEFAULT 4 NOT NULL,
	"late_after_minutes" integer DEFAULT 15 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_slots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"roster_id" uuid NOT NULL,
	"station_org_id" uuid NOT NULL,
	"date" date NOT NULL,
	"shift" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"handler_id" uuid,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"swap_note" text,
	"checked_in_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_stations" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"host_institution" text,
	"hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_swap_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slot_id" uuid NOT NULL,
	"handler_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"replacement_handler_id" uuid,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
ALTER TABLE "duty_requests" ADD CONSTRAINT "duty_requests_station_org_id_organisations_id_fk" FOREIGN KEY ("station_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_requests" ADD CONSTRAINT "duty_requests_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_requests" ADD CONSTRAINT "duty_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_requests" ADD CONSTRAINT "duty_requests_duty_handler_id_handlers_id_fk" FOREIGN KEY ("duty_handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_requests" ADD CONSTRAINT "duty_requests_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_rosters" ADD CONSTRAINT "duty_rosters_station_org_id_organisations_id_fk" FOREIGN KEY ("station_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_rosters" ADD CONSTRAINT "duty_rosters_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_services" ADD CONSTRAINT "duty_services_station_org_id_organisations_id_fk" FOREIGN KEY ("station_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_services" ADD CONSTRAINT "duty_services_slot_id_duty_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."duty_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_services" ADD CONSTRAINT "duty_services_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_services" ADD CONSTRAINT "duty_services_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_services" ADD CONSTRAINT "duty_services_request_id_duty_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."duty_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_services" ADD CONSTRAINT "duty_services_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_services" ADD CONSTRAINT "duty_services_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_settings" ADD CONSTRAINT "duty_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_slots" ADD CONSTRAINT "duty_slots_roster_id_duty_rosters_id_fk" FOREIGN KEY ("roster_id") REFERENCES "public"."duty_rosters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_slots" ADD CONSTRAINT "duty_slots_station_org_id_organisations_id_fk" FOREIGN KEY ("station_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_slots" ADD CONSTRAINT "duty_slots_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_stations" ADD CONSTRAINT "duty_stations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_stations" ADD CONSTRAINT "duty_stations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_swap_requests" ADD CONSTRAINT "duty_swap_requests_slot_id_duty_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."duty_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_swap_requests" ADD CONSTRAINT "duty_swap_requests_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_swap_requests" ADD CONSTRAINT "duty_swap_requests_replacement_handler_id_handlers_id_fk" FOREIGN KEY ("replacement_handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_swap_requests" ADD CONSTRAINT "duty_swap_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_swap_requests" ADD CONSTRAINT "duty_swap_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_requests_station_idx" ON "duty_requests" USING btree ("station_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_rosters_station_week_idx" ON "duty_rosters" USING btree ("station_org_id","week_start");--> statement-breakpoint
CREATE INDEX "duty_services_station_idx" ON "duty_services" USING btree ("station_org_id","served_at");--> statement-breakpoint
CREATE INDEX "duty_services_handler_idx" ON "duty_services" USING btree ("handler_id","served_at");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_slots_station_time_idx" ON "duty_slots" USING btree ("station_org_id","date","shift");--> statement-breakpoint
CREATE INDEX "duty_slots_handler_idx" ON "duty_slots" USING btree ("handler_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_swap_one_open_idx" ON "duty_swap_requests" USING btree ("slot_id") WHERE "duty_swap_requests"."status" = 'requested';--> statement-breakpoint
INSERT INTO "rule_rows" ("id", "rule_table", "jurisdiction", "key", "data", "citation", "effective_from", "effective_to") VALUES
  ('cn.handler_qualification.duty_lawyer_service.v1', 'list_item', '000000', 'handler_qualification:duty_lawyer_service', '{"list":"handler_qualification","code":"duty_lawyer_service","nameZh":"值班律师须为律师","nameEn":"Duty service needs a lawyer","params":{"requiresLawyer":true,"appliesTo":"duty"}}', 'LAL art.14', '2022-01-01', NULL),
  ('cn.duty_service_type.legal_consultation.v1', 'list_item', '000000', 'duty_service_type:legal_consultation', '{"list":"duty_service_type","code":"legal_consultation","nameZh":"法律咨询","nameEn":"Legal advice","params":{}}', 'LAL art.30', '2022-01-01', NULL),
  ('cn.duty_service_type.procedure_advice.v1', 'list_item', '000000', 'duty_service_type:procedure_advice', '{"list":"duty_service_type","code":"procedure_advice","nameZh":"程序选择建议","nameEn":"Advice on the choice of procedure","params":{}}', 'LAL art.30', '2022-01-01', NULL),
  ('cn.duty_service_type.coercive_measure_change.v1', 'list_item', '000000', 'duty_service_type:coercive_measure_change', '{"list":"duty_service_type","code":"coercive_measure_change","nameZh":"申请变更强制措施","nameEn":"Applying to change a coercive measure","params":{}}', 'LAL art.30', '2022-01-01', NULL),
  ('cn.duty_service_type.case_opinion.v1', 'list_item', '000000', 'duty_service_type:case_opinion', '{"list":"duty_service_type","code":"case_opinion","nameZh":"对案件处理提出意见","nameEn":"Opinion on how the case is handled","params":{}}', 'LAL art.30', '2022-01-01', NULL),
  ('cn.duty_service_type.aid_application_help.v1', 'list_item', '000000', 'duty_service_type:aid_application_help', '{"list":"duty_service_type","code":"aid_application_help","nameZh":"帮助申请法律援助","nameEn":"Helping to apply for legal aid","params":{}}', 'LAL art.39', '2022-01-01', NULL),
  ('cn.duty_service_type.plea_signing_presence.v1', 'list_item', '000000', 'duty_service_type:plea_signing_presence', '{"list":"duty_service_type","code":"plea_signing_presence","nameZh":"认罪认罚具结书签署在场","nameEn":"Present at the signing of the plea agreement","params":{"pleaFields":true}}', 'CPL art.174', '2022-01-01', NULL),
  ('cn.duty_service_type.meeting.v1', 'list_item', '000000', 'duty_service_type:meeting', '{"list":"duty_service_type","code":"meeting","nameZh":"会见","nameEn":"Meeting the suspect","params":{}}', 'LAL art.37', '2022-01-01', NULL),
  ('cn.duty_service_type.file_reading.v1', 'list_item', '000000', 'duty_service_type:file_reading', '{"list":"duty_service_type","code":"file_reading","nameZh":"阅卷","nameEn":"Reading the case file","params":{}}', 'LAL art.37', '2022-01-01', NULL);
--> statement-breakpoint
SELECT fayuan_grant_app_role();
