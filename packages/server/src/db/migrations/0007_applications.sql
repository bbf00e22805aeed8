CREATE TABLE "application_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"citation" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_id" uuid,
	"actor_kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_materials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone,
	"provided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"intake_org_id" uuid NOT NULL,
	"state" text NOT NULL,
	"state_changed_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"forwarded_by" text,
	"forwarded_received_at" timestamp with time zone,
	"forwarded_late" boolean,
	"preliminary_review" jsonb,
	"applicant_id" uuid NOT NULL,
	"consultation_id" uuid,
	"matter" text NOT NULL,
	"case_type" text NOT NULL,
	"stage" text,
	"opposing_party" text,
	"court_or_authority" text,
	"facts" text NOT NULL,
	"requested_help" text NOT NULL,
	"hardship_basis" text NOT NULL,
	"household_members" integer,
	"household_monthly_income_fen" bigint,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligibility_facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"assessment" jsonb NOT NULL,
	"rule_version" text NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_by" uuid NOT NULL,
	"reviewer_id" uuid,
	"pending_decision" jsonb,
	"decision" text,
	"decision_reasons" jsonb,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"approved_by" uuid,
	"provisional" jsonb,
	"next_due_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_forwarded_check" CHECK ("applications"."channel" <> 'forwarded' OR ("applications"."forwarded_by" IS NOT NULL AND "applications"."forwarded_received_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"material_code" text,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_clocks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"rule_id" text,
	"citation" text NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"paused_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"alerted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "centre_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"decision_requires_approval" boolean DEFAULT false NOT NULL,
	"supplement_days" integer DEFAULT 15 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "issued_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"content" jsonb NOT NULL,
	"storage_key" text,
	"sha256" text,
	"size_bytes" integer,
	"issued_by" uuid,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"bureau_org_id" uuid NOT NULL,
	"against" text NOT NULL,
	"grounds" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"status" text NOT NULL,
	"conclusion" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid
);
--> statement-breakpoint
CREATE TABLE "staff_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"clock_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_intake_org_id_organisations_id_fk" FOREIGN KEY ("intake_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_applicant_id_persons_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_clocks" ADD CONSTRAINT "case_clocks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_clocks" ADD CONSTRAINT "case_clocks_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_settings" ADD CONSTRAINT "centre_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_bureau_org_id_organisations_id_fk" FOREIGN KEY ("bureau_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_alerts" ADD CONSTRAINT "staff_alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_alerts" ADD CONSTRAINT "staff_alerts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_alerts" ADD CONSTRAINT "staff_alerts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_alerts" ADD CONSTRAINT "staff_alerts_clock_id_case_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."case_clocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "application_materials_code_idx" ON "application_materials" USING btree ("application_id","code",coalesce("label", ''));--> statement-breakpoint
CREATE UNIQUE INDEX "applications_number_idx" ON "applications" USING btree ("owner_org_id","number");--> statement-breakpoint
CREATE INDEX "applications_owner_state_due_idx" ON "applications" USING btree ("owner_org_id","state","next_due_at");--> statement-breakpoint
CREATE INDEX "applications_state_due_idx" ON "applications" USING btree ("state","next_due_at");--> statement-breakpoint
CREATE INDEX "applications_applicant_idx" ON "applications" USING btree ("applicant_id","matter");--> statement-breakpoint
CREATE INDEX "applications_reviewer_idx" ON "applications" USING btree ("reviewer_id");--> statement-breakpoint
CREATE INDEX "applications_received_idx" ON "applications" USING btree ("owner_org_id","received_at");--> statement-breakpoint
CREATE INDEX "attachments_application_idx" ON "attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "case_clocks_application_idx" ON "case_clocks" USING btree ("application_id","period");--> statement-breakpoint
CREATE INDEX "case_clocks_running_due_idx" ON "case_clocks" USING btree ("due_at") WHERE "case_clocks"."status" = 'running';--> statement-breakpoint
CREATE INDEX "case_clocks_org_period_idx" ON "case_clocks" USING btree ("owner_org_id","period","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_number_idx" ON "issued_documents" USING btree ("owner_org_id","kind","number");--> statement-breakpoint
CREATE INDEX "issued_documents_application_idx" ON "issued_documents" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "objections_application_idx" ON "objections" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "objections_bureau_idx" ON "objections" USING btree ("bureau_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_alerts_once_idx" ON "staff_alerts" USING btree ("clock_id","kind","user_id");--> statement-breakpoint
CREATE INDEX "staff_alerts_user_idx" ON "staff_alerts" USING btree ("user_id","read_at");--> statement-breakpoint
-- Generated by packages/server/scripts/generate-rule-seed.ts from packages/domain/src/reference.
INSERT INTO "rule_rows" ("id", "rule_table", "jurisdiction", "key", "data", "citation", "effective_from", "effective_to") VALUES
  ('cn.application_material.identity_document.v1', 'list_item', '000000', 'application_material:identity_document', '{"list":"application_material","code":"identity_document","nameZh":"申请人身份证件","nameEn":"Applicant’s identity document","params":{"requiredFor":"all"}}', 'LAL art.41', '2022-01-01', NULL),
  ('cn.application_material.integrity_pledge.v1', 'list_item', '000000', 'application_material:integrity_pledge', '{"list":"application_material","code":"integrity_pledge","nameZh":"经济困难状况个人诚信承诺书","nameEn":"Integrity pledge on economic hardship","params":{"requiredFor":"integrity_pledge"}}', 'LAL art.41', '2022-01-01', NULL),
  ('cn.application_material.hardship_certificate.v1', 'list_item', '000000', 'application_material:hardship_certificate', '{"list":"application_material","code":"hardship_certificate","nameZh":"经济困难证明材料","nameEn":"Proof of economic hardship","params":{"requiredFor":"certificate"}}', 'LAL art.41', '2022-01-01', NULL),
  ('cn.application_material.category_proof.v1', 'list_item', '000000', 'application_material:category_proof', '{"list":"application_material","code":"category_proof","nameZh":"免予核查经济困难状况的证明（如低保证、残疾证）","nameEn":"Proof of a category exempt from the hardship check (e.g. 低保 or disability card)","params":{"requiredFor":"presumed_category"}}', 'LAL art.42', '2022-01-01', NULL),
  ('cn.application_material.ground_proof.v1', 'list_item', '000000', 'application_material:ground_proof', '{"list":"application_material","code":"ground_proof","nameZh":"不受经济困难条件限制情形的证明","nameEn":"Proof of a ground without the hardship condition","params":{"requiredFor":"no_condition_ground"}}', 'LAL art.32', '2022-01-01', NULL),
  ('cn.application_material.case_materials.v1', 'list_item', '000000', 'application_material:case_materials', '{"list":"application_material","code":"case_materials","nameZh":"与所申请法律援助事项有关的材料","nameEn":"Materials on the matter applied for","params":{"requiredFor":"all"}}', 'LAL art.41', '2022-01-01', NULL),
  ('cn.application_material.agent_authority.v1', 'list_item', '000000', 'application_material:agent_authority', '{"list":"application_material","code":"agent_authority","nameZh":"代理人身份证明及代理权限证明","nameEn":"Agent’s identity and proof of authority","params":{"requiredFor":"agent"}}', 'LAL art.40', '2022-01-01', NULL),
  ('bj.review_flag.repeat_application.v1', 'list_item', '110000', 'review_flag:repeat_application', '{"list":"review_flag","code":"repeat_application","nameZh":"同一事项已申请或已获法律援助","nameEn":"The same matter was already applied for or aided","params":{}}', 'BJR art.22', '2022-01-01', NULL),
  ('bj.review_flag.previously_withdrawn.v1', 'list_item', '110000', 'review_flag:previously_withdrawn', '{"list":"review_flag","code":"previously_withdrawn","nameZh":"同一事项曾撤回申请或视为撤回","nameEn":"The same matter was withdrawn (or deemed withdrawn) before","params":{}}', 'BJR art.23', '2022-01-01', NULL),
  ('cn.review_flag.forwarded_late.v1', 'list_item', '000000', 'review_flag:forwarded_late', '{"list":"review_flag","code":"forwarded_late","nameZh":"羁押场所或办案机关超过 24 小时转交申请","nameEn":"Custody or the case-handling body forwarded it after 24 hours","params":{}}', 'LAL art.39', '2022-01-01', NULL);
