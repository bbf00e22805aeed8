CREATE TABLE "budget_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"source_kind" text NOT NULL,
	"purpose" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"alert_threshold_per_mille" integer DEFAULT 100 NOT NULL,
	"reference" text,
	"low_alerted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_lines_amount_check" CHECK ("budget_lines"."amount_fen" >= 0),
	CONSTRAINT "budget_lines_threshold_check" CHECK ("budget_lines"."alert_threshold_per_mille" BETWEEN 0 AND 1000)
);
--> statement-breakpoint
CREATE TABLE "contract_hotline_hours" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"served_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"note" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_hotline_hours_minutes_check" CHECK ("contract_hotline_hours"."minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "contract_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"budget_line_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"reference" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_payments_amount_check" CHECK ("contract_payments"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "donation_uses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"donation_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"budget_line_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"used_on" date NOT NULL,
	"description" text NOT NULL,
	"application_id" uuid,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donation_uses_amount_check" CHECK ("donation_uses"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"receipt_number" text NOT NULL,
	"donor_kind" text NOT NULL,
	"donor_name" text NOT NULL,
	"purpose" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"received_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donations_amount_check" CHECK ("donations"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "service_contracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"contract_number" text NOT NULL,
	"provider_kind" text NOT NULL,
	"law_firm_id" uuid,
	"provider_name" text NOT NULL,
	"budget_line_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"cases_due" integer DEFAULT 0 NOT NULL,
	"duty_days_due" integer DEFAULT 0 NOT NULL,
	"hotline_hours_due" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_contracts_amount_check" CHECK ("service_contracts"."amount_fen" > 0),
	CONSTRAINT "service_contracts_period_check" CHECK ("service_contracts"."ends_on" >= "service_contracts"."starts_on"),
	CONSTRAINT "service_contracts_due_check" CHECK ("service_contracts"."cases_due" >= 0 AND "service_contracts"."duty_days_due" >= 0 AND "service_contracts"."hotline_hours_due" >= 0),
	CONSTRAINT "service_contracts_provider_check" CHECK (("service_contracts"."provider_kind" = 'law_firm') = ("service_contracts"."law_firm_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "staff_alerts" ADD COLUMN "budget_line_id" uuid;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_hotline_hours" ADD CONSTRAINT "contract_hotline_hours_contract_id_service_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."service_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_hotline_hours" ADD CONSTRAINT "contract_hotline_hours_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_hotline_hours" ADD CONSTRAINT "contract_hotline_hours_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_payments" ADD CONSTRAINT "contract_payments_contract_id_service_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."service_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_payments" ADD CONSTRAINT "contract_payments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_payments" ADD CONSTRAINT "contract_payments_budget_line_id_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_payments" ADD CONSTRAINT "contract_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_uses" ADD CONSTRAINT "donation_uses_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_uses" ADD CONSTRAINT "donation_uses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_uses" ADD CONSTRAINT "donation_uses_budget_line_id_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_uses" ADD CONSTRAINT "donation_uses_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_uses" ADD CONSTRAINT "donation_uses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_contracts" ADD CONSTRAINT "service_contracts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_contracts" ADD CONSTRAINT "service_contracts_law_firm_id_law_firms_id_fk" FOREIGN KEY ("law_firm_id") REFERENCES "public"."law_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_contracts" ADD CONSTRAINT "service_contracts_budget_line_id_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_contracts" ADD CONSTRAINT "service_contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_lines_org_year_idx" ON "budget_lines" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE INDEX "contract_hotline_hours_contract_idx" ON "contract_hotline_hours" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "contract_payments_contract_idx" ON "contract_payments" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "contract_payments_line_idx" ON "contract_payments" USING btree ("budget_line_id","paid_on");--> statement-breakpoint
CREATE INDEX "donation_uses_donation_idx" ON "donation_uses" USING btree ("donation_id");--> statement-breakpoint
CREATE INDEX "donation_uses_line_idx" ON "donation_uses" USING btree ("budget_line_id","used_on");--> statement-breakpoint
CREATE UNIQUE INDEX "donations_receipt_number_idx" ON "donations" USING btree ("receipt_number");--> statement-breakpoint
CREATE INDEX "donations_org_received_idx" ON "donations" USING btree ("organisation_id","received_on");--> statement-breakpoint
CREATE INDEX "service_contracts_org_idx" ON "service_contracts" USING btree ("organisation_id","starts_on");--> statement-breakpoint
CREATE INDEX "service_contracts_line_idx" ON "service_contracts" USING btree ("budget_line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_alerts_budget_line_once_idx" ON "staff_alerts" USING btree ("budget_line_id","kind","user_id","due_at") WHERE "staff_alerts"."budget_line_id" IS NOT NULL;--> statement-breakpoint
SELECT fayuan_grant_app_role();