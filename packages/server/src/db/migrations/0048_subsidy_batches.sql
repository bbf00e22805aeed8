CREATE TABLE "bank_file_layouts" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"layout" jsonb NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payee_bank_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"payee_kind" text NOT NULL,
	"payee_firm_id" uuid,
	"payee_handler_id" uuid,
	"account_name" text NOT NULL,
	"bank_name" text NOT NULL,
	"account_number_sealed" "bytea" NOT NULL,
	"account_number_tail" text NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "payee_bank_accounts_payee_check" CHECK (("payee_bank_accounts"."payee_kind" = 'law_firm') = ("payee_bank_accounts"."payee_firm_id" IS NOT NULL) AND ("payee_bank_accounts"."payee_kind" = 'handler') = ("payee_bank_accounts"."payee_handler_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "subsidy_batch_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"calculation_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"number" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"payee_filter" jsonb NOT NULL,
	"status" text NOT NULL,
	"total_fen" bigint NOT NULL,
	"line_count" integer NOT NULL,
	"subsidy_count" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"exported_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_calculations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"handler_id" uuid NOT NULL,
	"payee_kind" text NOT NULL,
	"payee_firm_id" uuid,
	"payee_name" text NOT NULL,
	"status" text NOT NULL,
	"basis_date" date NOT NULL,
	"date_basis" text NOT NULL,
	"policy_rule_id" text NOT NULL,
	"declared" jsonb NOT NULL,
	"costs" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"problems" jsonb NOT NULL,
	"complete" boolean NOT NULL,
	"computed_fen" bigint NOT NULL,
	"adjustment_fen" bigint DEFAULT 0 NOT NULL,
	"adjustment_reason" text,
	"total_fen" bigint NOT NULL,
	"rule_ids" text[] NOT NULL,
	"rule_version" text NOT NULL,
	"base_rule_id" text,
	"calculated_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"second_approved_by" uuid,
	"second_approved_at" timestamp with time zone,
	"payment_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "subsidy_calculations_payee_check" CHECK (("subsidy_calculations"."payee_kind" = 'law_firm') = ("subsidy_calculations"."payee_firm_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "subsidy_transfer_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"reference" text NOT NULL,
	"payee_kind" text NOT NULL,
	"payee_firm_id" uuid,
	"payee_handler_id" uuid,
	"payee_name" text NOT NULL,
	"account_name" text,
	"bank_name" text,
	"account_number_sealed" "bytea",
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"bank_serial" text,
	"paid_on" date,
	"failure_message" text,
	"settled_at" timestamp with time zone,
	CONSTRAINT "subsidy_transfer_lines_amount_check" CHECK ("subsidy_transfer_lines"."amount_fen" > 0)
);
--> statement-breakpoint
DROP INDEX "subsidy_payments_application_idx";--> statement-breakpoint
ALTER TABLE "subsidy_payments" ADD COLUMN "calculation_id" uuid;--> statement-breakpoint
ALTER TABLE "subsidy_payments" ADD COLUMN "transfer_line_id" uuid;--> statement-breakpoint
ALTER TABLE "bank_file_layouts" ADD CONSTRAINT "bank_file_layouts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_file_layouts" ADD CONSTRAINT "bank_file_layouts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payee_bank_accounts" ADD CONSTRAINT "payee_bank_accounts_payee_firm_id_law_firms_id_fk" FOREIGN KEY ("payee_firm_id") REFERENCES "public"."law_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payee_bank_accounts" ADD CONSTRAINT "payee_bank_accounts_payee_handler_id_handlers_id_fk" FOREIGN KEY ("payee_handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payee_bank_accounts" ADD CONSTRAINT "payee_bank_accounts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_batch_items" ADD CONSTRAINT "subsidy_batch_items_batch_id_subsidy_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."subsidy_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_batch_items" ADD CONSTRAINT "subsidy_batch_items_line_id_subsidy_transfer_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."subsidy_transfer_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_batch_items" ADD CONSTRAINT "subsidy_batch_items_calculation_id_subsidy_calculations_id_fk" FOREIGN KEY ("calculation_id") REFERENCES "public"."subsidy_calculations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_batch_items" ADD CONSTRAINT "subsidy_batch_items_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_batches" ADD CONSTRAINT "subsidy_batches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_batches" ADD CONSTRAINT "subsidy_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_batches" ADD CONSTRAINT "subsidy_batches_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_calculations" ADD CONSTRAINT "subsidy_calculations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_calculations" ADD CONSTRAINT "subsidy_calculations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_calculations" ADD CONSTRAINT "subsidy_calculations_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_calculations" ADD CONSTRAINT "subsidy_calculations_payee_firm_id_law_firms_id_fk" FOREIGN KEY ("payee_firm_id") REFERENCES "public"."law_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_calculations" ADD CONSTRAINT "subsidy_calculations_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_calculations" ADD CONSTRAINT "subsidy_calculations_second_approved_by_users_id_fk" FOREIGN KEY ("second_approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_transfer_lines" ADD CONSTRAINT "subsidy_transfer_lines_batch_id_subsidy_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."subsidy_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_transfer_lines" ADD CONSTRAINT "subsidy_transfer_lines_payee_firm_id_law_firms_id_fk" FOREIGN KEY ("payee_firm_id") REFERENCES "public"."law_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_transfer_lines" ADD CONSTRAINT "subsidy_transfer_lines_payee_handler_id_handlers_id_fk" FOREIGN KEY ("payee_handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payee_bank_accounts_firm_key" ON "payee_bank_accounts" USING btree ("payee_firm_id") WHERE "payee_bank_accounts"."payee_firm_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "payee_bank_accounts_handler_key" ON "payee_bank_accounts" USING btree ("payee_handler_id") WHERE "payee_bank_accounts"."payee_handler_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_batch_items_live_key" ON "subsidy_batch_items" USING btree ("calculation_id") WHERE "subsidy_batch_items"."status" IN ('open', 'paid');--> statement-breakpoint
CREATE INDEX "subsidy_batch_items_batch_idx" ON "subsidy_batch_items" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_batches_number_key" ON "subsidy_batches" USING btree ("organisation_id","number");--> statement-breakpoint
CREATE INDEX "subsidy_batches_org_idx" ON "subsidy_batches" USING btree ("organisation_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_calculations_application_key" ON "subsidy_calculations" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "subsidy_calculations_org_idx" ON "subsidy_calculations" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "subsidy_calculations_handler_idx" ON "subsidy_calculations" USING btree ("handler_id","calculated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_transfer_lines_reference_key" ON "subsidy_transfer_lines" USING btree ("batch_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_payments_application_key" ON "subsidy_payments" USING btree ("application_id");--> statement-breakpoint
INSERT INTO "rule_rows" ("id", "rule_table", "jurisdiction", "key", "data", "citation", "effective_from", "effective_to") VALUES
  ('cn.subsidy.case_criminal_investigation.v1', 'subsidy_rate', '000000', 'case_criminal_investigation', '{"kind":"base","code":"case_criminal_investigation","nameZh":"刑事案件·侦查阶段","nameEn":"Criminal case, investigation stage","service":"case","caseTypes":["criminal"],"stage":"investigation","unit":"per_case","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.case_criminal_prosecution_review.v1', 'subsidy_rate', '000000', 'case_criminal_prosecution_review', '{"kind":"base","code":"case_criminal_prosecution_review","nameZh":"刑事案件·审查起诉阶段","nameEn":"Criminal case, prosecution review stage","service":"case","caseTypes":["criminal"],"stage":"prosecution_review","unit":"per_case","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.case_criminal_trial_first_instance.v1', 'subsidy_rate', '000000', 'case_criminal_trial_first_instance', '{"kind":"base","code":"case_criminal_trial_first_instance","nameZh":"刑事案件·一审阶段","nameEn":"Criminal case, first-instance trial","service":"case","caseTypes":["criminal"],"stage":"trial_first_instance","unit":"per_case","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.case_criminal_trial_second_instance.v1', 'subsidy_rate', '000000', 'case_criminal_trial_second_instance', '{"kind":"base","code":"case_criminal_trial_second_instance","nameZh":"刑事案件·二审阶段","nameEn":"Criminal case, second-instance trial","service":"case","caseTypes":["criminal"],"stage":"trial_second_instance","unit":"per_case","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.case_criminal_death_penalty_review.v1', 'subsidy_rate', '000000', 'case_criminal_death_penalty_review', '{"kind":"base","code":"case_criminal_death_penalty_review","nameZh":"刑事案件·死刑复核","nameEn":"Criminal case, death-penalty review","service":"case","caseTypes":["criminal"],"stage":"death_penalty_review","unit":"per_case","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.case_criminal_compulsory_medical_treatment.v1', 'subsidy_rate', '000000', 'case_criminal_compulsory_medical_treatment', '{"kind":"base","code":"case_criminal_compulsory_medical_treatment","nameZh":"强制医疗案件","nameEn":"Compulsory medical treatment case","service":"case","caseTypes":["criminal"],"stage":"compulsory_medical_treatment","unit":"per_case","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.case_criminal.v1', 'subsidy_rate', '000000', 'case_criminal', '{"kind":"base","code":"case_criminal","nameZh":"刑事案件（其他）","nameEn":"Criminal case (other)","service":"case","caseTypes":["criminal"],"unit":"per_case","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.case_civil.v1', 'subsidy_rate', '000000', 'case_civil', '{"kind":"base","code":"case_civil","nameZh":"民事案件","nameEn":"Civil case","service":"case","caseTypes":["civil"],"unit":"per_case","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.case_administrative.v1', 'subsidy_rate', '000000', 'case_administrative', '{"kind":"base","code":"case_administrative","nameZh":"行政案件","nameEn":"Administrative case","service":"case","caseTypes":["administrative"],"unit":"per_case","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.case_state_compensation.v1', 'subsidy_rate', '000000', 'case_state_compensation', '{"kind":"base","code":"case_state_compensation","nameZh":"国家赔偿案件","nameEn":"State compensation case","service":"case","caseTypes":["state_compensation"],"unit":"per_case","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.case_appeal.v1', 'subsidy_rate', '000000', 'case_appeal', '{"kind":"base","code":"case_appeal","nameZh":"申诉案件","nameEn":"Petition (申诉) case","service":"case","caseTypes":["appeal"],"unit":"per_case","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.case_notarial.v1', 'subsidy_rate', '000000', 'case_notarial', '{"kind":"base","code":"case_notarial","nameZh":"公证事项","nameEn":"Notarial matter","service":"case","caseTypes":["notarial"],"unit":"per_case","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.case_non_litigation.v1', 'subsidy_rate', '000000', 'case_non_litigation', '{"kind":"base","code":"case_non_litigation","nameZh":"非诉讼事项","nameEn":"Non-litigation matter","service":"case","caseTypes":["non_litigation"],"unit":"per_case","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.consultation_duty.v1', 'subsidy_rate', '000000', 'consultation_duty', '{"kind":"base","code":"consultation_duty","nameZh":"法律咨询、代书值班","nameEn":"Consultation and document-drafting duty","service":"consultation_duty","caseTypes":[],"unit":"per_working_day","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.duty_lawyer.v1', 'subsidy_rate', '000000', 'duty_lawyer', '{"kind":"base","code":"duty_lawyer","nameZh":"值班律师法律帮助","nameEn":"Duty-lawyer legal help","service":"duty_lawyer","caseTypes":[],"unit":"per_half_day","amountFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.supplement_extra_stage.v1', 'subsidy_rate', '000000', 'supplement_extra_stage', '{"kind":"supplement","code":"supplement_extra_stage","nameZh":"多阶段办理","nameEn":"More than one stage","caseTypes":[],"trigger":"extra_stage","method":"fixed","amountFen":null,"percentBp":null,"includedCount":0,"capFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.supplement_extra_party.v1', 'subsidy_rate', '000000', 'supplement_extra_party', '{"kind":"supplement","code":"supplement_extra_party","nameZh":"多名受援人","nameEn":"More than one recipient","caseTypes":[],"trigger":"extra_party","method":"fixed","amountFen":null,"percentBp":null,"includedCount":0,"capFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.supplement_remote_travel.v1', 'subsidy_rate', '000000', 'supplement_remote_travel', '{"kind":"supplement","code":"supplement_remote_travel","nameZh":"异地办案","nameEn":"Remote travel","caseTypes":[],"trigger":"remote_travel","method":"fixed","amountFen":null,"percentBp":null,"includedCount":0,"capFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.supplement_complex.v1', 'subsidy_rate', '000000', 'supplement_complex', '{"kind":"supplement","code":"supplement_complex","nameZh":"重大疑难复杂案件","nameEn":"Major, difficult or complex case","caseTypes":[],"trigger":"complex","method":"fixed","amountFen":null,"percentBp":null,"includedCount":0,"capFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.supplement_extra_hearing.v1', 'subsidy_rate', '000000', 'supplement_extra_hearing', '{"kind":"supplement","code":"supplement_extra_hearing","nameZh":"多次开庭","nameEn":"Extra hearings","caseTypes":[],"trigger":"extra_hearing","method":"fixed","amountFen":null,"percentBp":null,"includedCount":1,"capFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.supplement_terminated.v1', 'subsidy_rate', '000000', 'supplement_terminated', '{"kind":"supplement","code":"supplement_terminated","nameZh":"终止法律援助","nameEn":"Aid terminated","caseTypes":[],"trigger":"terminated","method":"percent_of_base","amountFen":null,"percentBp":null,"includedCount":0,"capFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.cost_copying.v1', 'subsidy_rate', '000000', 'cost_copying', '{"kind":"cost","code":"cost_copying","nameZh":"复印费","nameEn":"Copying","costKind":"copying","treatment":"capped","capFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.cost_travel.v1', 'subsidy_rate', '000000', 'cost_travel', '{"kind":"cost","code":"cost_travel","nameZh":"交通差旅费","nameEn":"Travel","costKind":"travel","treatment":"capped","capFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.cost_communication.v1', 'subsidy_rate', '000000', 'cost_communication', '{"kind":"cost","code":"cost_communication","nameZh":"通讯费","nameEn":"Communication","costKind":"communication","treatment":"capped","capFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.cost_meals.v1', 'subsidy_rate', '000000', 'cost_meals', '{"kind":"cost","code":"cost_meals","nameZh":"误餐费","nameEn":"Meals","costKind":"meals","treatment":"capped","capFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.cost_investigation.v1', 'subsidy_rate', '000000', 'cost_investigation', '{"kind":"cost","code":"cost_investigation","nameZh":"调查取证费","nameEn":"Investigation","costKind":"investigation","treatment":"capped","capFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.cost_interpretation.v1', 'subsidy_rate', '000000', 'cost_interpretation', '{"kind":"cost","code":"cost_interpretation","nameZh":"翻译费","nameEn":"Interpretation","costKind":"interpretation","treatment":"capped","capFen":null}', 'LAL art.52; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.quality_excellent.v1', 'subsidy_rate', '000000', 'quality_excellent', '{"kind":"quality_band","code":"quality_excellent","nameZh":"质量优秀","nameEn":"Quality excellent","minScore":90,"maxScore":100,"percentBp":null}', 'LAL art.52; LAL art.57; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.quality_good.v1', 'subsidy_rate', '000000', 'quality_good', '{"kind":"quality_band","code":"quality_good","nameZh":"质量良好","nameEn":"Quality good","minScore":80,"maxScore":89,"percentBp":null}', 'LAL art.52; LAL art.57; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.quality_pass.v1', 'subsidy_rate', '000000', 'quality_pass', '{"kind":"quality_band","code":"quality_pass","nameZh":"质量合格","nameEn":"Quality pass","minScore":60,"maxScore":79,"percentBp":null}', 'LAL art.52; LAL art.57; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('cn.subsidy.quality_fail.v1', 'subsidy_rate', '000000', 'quality_fail', '{"kind":"quality_band","code":"quality_fail","nameZh":"质量不合格","nameEn":"Quality fail","minScore":0,"maxScore":59,"percentBp":null}', 'LAL art.52; LAL art.57; 司发通〔2019〕27号', '2022-01-01', NULL),
  ('bj.subsidy.case_criminal_investigation.v1', 'subsidy_rate', '110000', 'case_criminal_investigation', '{"kind":"base","code":"case_criminal_investigation","nameZh":"刑事案件·侦查阶段","nameEn":"Criminal case, investigation stage","service":"case","caseTypes":["criminal"],"stage":"investigation","unit":"per_case","amountFen":120000}', '京财行〔2011〕2483号 第五条(一)', '2011-11-22', NULL),
  ('bj.subsidy.consultation_duty.v1', 'subsidy_rate', '110000', 'consultation_duty', '{"kind":"base","code":"consultation_duty","nameZh":"法律咨询、代书值班","nameEn":"Consultation and document-drafting duty","service":"consultation_duty","caseTypes":[],"unit":"per_working_day","amountFen":15000}', '京财行〔2011〕2483号 第四条', '2011-11-22', NULL),
  ('bj.subsidy.cost_copying.v1', 'subsidy_rate', '110000', 'cost_copying', '{"kind":"cost","code":"cost_copying","nameZh":"复印费","nameEn":"Copying","costKind":"copying","treatment":"included","capFen":null}', '京财行〔2011〕2483号 第三条第一款', '2011-11-22', NULL),
  ('bj.subsidy.cost_travel.v1', 'subsidy_rate', '110000', 'cost_travel', '{"kind":"cost","code":"cost_travel","nameZh":"交通差旅费","nameEn":"Travel","costKind":"travel","treatment":"included","capFen":null}', '京财行〔2011〕2483号 第三条第一款', '2011-11-22', NULL),
  ('bj.subsidy.cost_communication.v1', 'subsidy_rate', '110000', 'cost_communication', '{"kind":"cost","code":"cost_communication","nameZh":"通讯费","nameEn":"Communication","costKind":"communication","treatment":"included","capFen":null}', '京财行〔2011〕2483号 第三条第一款', '2011-11-22', NULL),
  ('bj.subsidy.cost_meals.v1', 'subsidy_rate', '110000', 'cost_meals', '{"kind":"cost","code":"cost_meals","nameZh":"误餐费","nameEn":"Meals","costKind":"meals","treatment":"included","capFen":null}', '京财行〔2011〕2483号 第三条第一款', '2011-11-22', NULL),
  ('bj.subsidy.cost_investigation.v1', 'subsidy_rate', '110000', 'cost_investigation', '{"kind":"cost","code":"cost_investigation","nameZh":"调查取证费","nameEn":"Investigation","costKind":"investigation","treatment":"included","capFen":null}', '京财行〔2011〕2483号 第三条第一款', '2011-11-22', NULL),
  ('bj.subsidy.cost_interpretation.v1', 'subsidy_rate', '110000', 'cost_interpretation', '{"kind":"cost","code":"cost_interpretation","nameZh":"翻译费","nameEn":"Interpretation","costKind":"interpretation","treatment":"at_cost","capFen":null}', '京财行〔2011〕2483号 第三条第二款', '2011-11-22', NULL);--> statement-breakpoint
INSERT INTO "rule_rows" ("id", "rule_table", "jurisdiction", "key", "data", "citation", "effective_from", "effective_to") VALUES
  ('cn.subsidy_policy.v1', 'subsidy_policy', '000000', 'policy', '{"dateBasis":"assignment","secondApprovalAboveFen":50000}', 'Fayuan default (centre finance rules, to be set by the centre)', '2022-01-01', NULL);--> statement-breakpoint
SELECT fayuan_grant_app_role();
