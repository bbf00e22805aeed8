CREATE TABLE "consultation_handovers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"from_user_id" uuid NOT NULL,
	"to_user_id" uuid NOT NULL,
	"by_user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"person_id" uuid,
	"caller_name" text,
	"caller_phone_sealed" "bytea",
	"caller_phone_hash" "bytea",
	"topic_matter" text NOT NULL,
	"question" text NOT NULL,
	"answer" text,
	"duration_seconds" integer,
	"started_at" timestamp with time zone NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"referred_to" text,
	"application_id" text,
	"follow_up_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_referral_check" CHECK ("consultations"."outcome" <> 'referred' OR "consultations"."referred_to" IS NOT NULL),
	CONSTRAINT "consultations_duration_check" CHECK ("consultations"."duration_seconds" IS NULL OR "consultations"."duration_seconds" >= 0)
);
--> statement-breakpoint
ALTER TABLE "consultation_handovers" ADD CONSTRAINT "consultation_handovers_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_handovers" ADD CONSTRAINT "consultation_handovers_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_handovers" ADD CONSTRAINT "consultation_handovers_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_handovers" ADD CONSTRAINT "consultation_handovers_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_handovers_consultation_idx" ON "consultation_handovers" USING btree ("consultation_id","at");--> statement-breakpoint
CREATE INDEX "consultations_owner_org_started_idx" ON "consultations" USING btree ("owner_org_id","started_at");--> statement-breakpoint
CREATE INDEX "consultations_owner_user_idx" ON "consultations" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "consultations_caller_phone_hash_idx" ON "consultations" USING btree ("caller_phone_hash");--> statement-breakpoint
CREATE INDEX "consultations_person_idx" ON "consultations" USING btree ("person_id");