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
	"hardship_basis" text,
	"household_members" integer,
	"household_monthly_income_fen" bigint,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligibility_facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"assessment" jsonb,
	"rule_version" text,
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
CREATE TABLE "criminal_notices" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"institution_kind" text NOT NULL,
	"institution_name" text NOT NULL,
	"notice_number" text,
	"stage" text NOT NULL,
	"ground" text NOT NULL,
	"charges" text[] NOT NULL,
	"defendant_id" uuid NOT NULL,
	"detained" boolean NOT NULL,
	"detention_place" text,
	"court_district_org_id" uuid,
	"notice_received_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"partner_reference" text
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
ALTER TABLE "criminal_notices" ADD CONSTRAINT "criminal_notices_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criminal_notices" ADD CONSTRAINT "criminal_notices_defendant_id_persons_id_fk" FOREIGN KEY ("defendant_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criminal_notices" ADD CONSTRAINT "criminal_notices_court_district_org_id_organisations_id_fk" FOREIGN KEY ("court_district_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "applications_open_owner_due_idx" ON "applications" USING btree ("owner_org_id","next_due_at") WHERE "applications"."state" IN ('awaiting_transfer', 'received', 'supplement_requested', 'under_review', 'objection_to_refusal', 'provisional_aid', 'to_assign');--> statement-breakpoint
CREATE INDEX "applications_open_intake_due_idx" ON "applications" USING btree ("intake_org_id","next_due_at") WHERE "applications"."state" IN ('awaiting_transfer', 'received', 'supplement_requested', 'under_review', 'objection_to_refusal', 'provisional_aid', 'to_assign');--> statement-breakpoint
CREATE INDEX "applications_applicant_idx" ON "applications" USING btree ("applicant_id","matter");--> statement-breakpoint
CREATE INDEX "applications_reviewer_idx" ON "applications" USING btree ("reviewer_id");--> statement-breakpoint
CREATE INDEX "applications_received_idx" ON "applications" USING btree ("owner_org_id","received_at");--> statement-breakpoint
CREATE INDEX "attachments_application_idx" ON "attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "case_clocks_application_idx" ON "case_clocks" USING btree ("application_id","period");--> statement-breakpoint
CREATE INDEX "case_clocks_running_due_idx" ON "case_clocks" USING btree ("due_at") WHERE "case_clocks"."status" = 'running';--> statement-breakpoint
CREATE INDEX "case_clocks_org_period_idx" ON "case_clocks" USING btree ("owner_org_id","period","started_at");--> statement-breakpoint
CREATE INDEX "criminal_notices_defendant_idx" ON "criminal_notices" USING btree ("defendant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "criminal_notices_partner_ref_idx" ON "criminal_notices" USING btree ("institution_name","partner_reference") WHERE "criminal_notices"."partner_reference" IS NOT NULL;--> statement-breakpoint
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
--> statement-breakpoint
-- Document number patterns of the Beijing centres (e.g. 京朝法援〔2026〕第00123号); centres change them in the UI.
INSERT INTO "document_number_patterns" ("organisation_id", "document_kind", "pattern") VALUES
  ('00000000-0000-4000-8000-000000110000', 'application', '京法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110000', 'receipt', '京法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110000', 'supplement_notice', '京法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110000', 'grant_decision', '京法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110000', 'refusal_decision', '京法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110000', 'assignment_letter', '京法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110000', 'meeting_letter', '京法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110000', 'handler_change_notice', '京法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110000', 'termination_decision', '京法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110101', 'application', '京东法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110101', 'receipt', '京东法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110101', 'supplement_notice', '京东法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110101', 'grant_decision', '京东法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110101', 'refusal_decision', '京东法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110101', 'assignment_letter', '京东法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110101', 'meeting_letter', '京东法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110101', 'handler_change_notice', '京东法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110101', 'termination_decision', '京东法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110102', 'application', '京西法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110102', 'receipt', '京西法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110102', 'supplement_notice', '京西法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110102', 'grant_decision', '京西法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110102', 'refusal_decision', '京西法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110102', 'assignment_letter', '京西法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110102', 'meeting_letter', '京西法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110102', 'handler_change_notice', '京西法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110102', 'termination_decision', '京西法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110105', 'application', '京朝法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110105', 'receipt', '京朝法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110105', 'supplement_notice', '京朝法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110105', 'grant_decision', '京朝法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110105', 'refusal_decision', '京朝法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110105', 'assignment_letter', '京朝法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110105', 'meeting_letter', '京朝法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110105', 'handler_change_notice', '京朝法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110105', 'termination_decision', '京朝法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110106', 'application', '京丰法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110106', 'receipt', '京丰法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110106', 'supplement_notice', '京丰法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110106', 'grant_decision', '京丰法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110106', 'refusal_decision', '京丰法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110106', 'assignment_letter', '京丰法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110106', 'meeting_letter', '京丰法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110106', 'handler_change_notice', '京丰法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110106', 'termination_decision', '京丰法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110107', 'application', '京石法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110107', 'receipt', '京石法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110107', 'supplement_notice', '京石法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110107', 'grant_decision', '京石法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110107', 'refusal_decision', '京石法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110107', 'assignment_letter', '京石法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110107', 'meeting_letter', '京石法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110107', 'handler_change_notice', '京石法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110107', 'termination_decision', '京石法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110108', 'application', '京海法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110108', 'receipt', '京海法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110108', 'supplement_notice', '京海法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110108', 'grant_decision', '京海法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110108', 'refusal_decision', '京海法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110108', 'assignment_letter', '京海法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110108', 'meeting_letter', '京海法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110108', 'handler_change_notice', '京海法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110108', 'termination_decision', '京海法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110109', 'application', '京门法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110109', 'receipt', '京门法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110109', 'supplement_notice', '京门法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110109', 'grant_decision', '京门法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110109', 'refusal_decision', '京门法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110109', 'assignment_letter', '京门法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110109', 'meeting_letter', '京门法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110109', 'handler_change_notice', '京门法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110109', 'termination_decision', '京门法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110111', 'application', '京房法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110111', 'receipt', '京房法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110111', 'supplement_notice', '京房法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110111', 'grant_decision', '京房法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110111', 'refusal_decision', '京房法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110111', 'assignment_letter', '京房法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110111', 'meeting_letter', '京房法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110111', 'handler_change_notice', '京房法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110111', 'termination_decision', '京房法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110112', 'application', '京通法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110112', 'receipt', '京通法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110112', 'supplement_notice', '京通法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110112', 'grant_decision', '京通法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110112', 'refusal_decision', '京通法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110112', 'assignment_letter', '京通法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110112', 'meeting_letter', '京通法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110112', 'handler_change_notice', '京通法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110112', 'termination_decision', '京通法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110113', 'application', '京顺法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110113', 'receipt', '京顺法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110113', 'supplement_notice', '京顺法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110113', 'grant_decision', '京顺法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110113', 'refusal_decision', '京顺法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110113', 'assignment_letter', '京顺法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110113', 'meeting_letter', '京顺法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110113', 'handler_change_notice', '京顺法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110113', 'termination_decision', '京顺法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110114', 'application', '京昌法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110114', 'receipt', '京昌法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110114', 'supplement_notice', '京昌法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110114', 'grant_decision', '京昌法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110114', 'refusal_decision', '京昌法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110114', 'assignment_letter', '京昌法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110114', 'meeting_letter', '京昌法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110114', 'handler_change_notice', '京昌法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110114', 'termination_decision', '京昌法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110115', 'application', '京兴法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110115', 'receipt', '京兴法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110115', 'supplement_notice', '京兴法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110115', 'grant_decision', '京兴法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110115', 'refusal_decision', '京兴法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110115', 'assignment_letter', '京兴法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110115', 'meeting_letter', '京兴法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110115', 'handler_change_notice', '京兴法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110115', 'termination_decision', '京兴法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110116', 'application', '京怀法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110116', 'receipt', '京怀法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110116', 'supplement_notice', '京怀法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110116', 'grant_decision', '京怀法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110116', 'refusal_decision', '京怀法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110116', 'assignment_letter', '京怀法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110116', 'meeting_letter', '京怀法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110116', 'handler_change_notice', '京怀法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110116', 'termination_decision', '京怀法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110117', 'application', '京平法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110117', 'receipt', '京平法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110117', 'supplement_notice', '京平法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110117', 'grant_decision', '京平法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110117', 'refusal_decision', '京平法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110117', 'assignment_letter', '京平法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110117', 'meeting_letter', '京平法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110117', 'handler_change_notice', '京平法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110117', 'termination_decision', '京平法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110118', 'application', '京密法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110118', 'receipt', '京密法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110118', 'supplement_notice', '京密法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110118', 'grant_decision', '京密法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110118', 'refusal_decision', '京密法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110118', 'assignment_letter', '京密法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110118', 'meeting_letter', '京密法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110118', 'handler_change_notice', '京密法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110118', 'termination_decision', '京密法援终〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110119', 'application', '京延法援申〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110119', 'receipt', '京延法援收〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110119', 'supplement_notice', '京延法援补〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110119', 'grant_decision', '京延法援〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110119', 'refusal_decision', '京延法援不〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110119', 'assignment_letter', '京延法援函〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110119', 'meeting_letter', '京延法援见〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110119', 'handler_change_notice', '京延法援更〔{year}〕第{seq:5}号'),
  ('00000000-0000-4000-8000-000000110119', 'termination_decision', '京延法援终〔{year}〕第{seq:5}号')
ON CONFLICT DO NOTHING;
