CREATE TABLE "handler_conflicts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"handler_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"party_name" text NOT NULL,
	"note" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "handler_status_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"handler_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text NOT NULL,
	"effective_on" date NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handler_training" (
	"id" uuid PRIMARY KEY NOT NULL,
	"handler_id" uuid NOT NULL,
	"title" text NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"held_on" date NOT NULL,
	"provider" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handler_training_hours_check" CHECK ("handler_training"."hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "handlers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"kind" text NOT NULL,
	"volunteer_subkind" text,
	"firm_id" uuid,
	"licence_number" text,
	"practice_start_date" date,
	"criminal_practice_start_date" date,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"districts_served" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"familiar_with_minors" boolean DEFAULT false NOT NULL,
	"capacity" integer NOT NULL,
	"status" text DEFAULT 'applying' NOT NULL,
	"status_reason" text,
	"status_since" date NOT NULL,
	"phone_sealed" "bytea",
	"phone_hash" "bytea",
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handlers_capacity_check" CHECK ("handlers"."capacity" >= 0),
	CONSTRAINT "handlers_volunteer_subkind_check" CHECK (("handlers"."kind" = 'volunteer') = ("handlers"."volunteer_subkind" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "law_firms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"licence_number" text NOT NULL,
	"region_code" text NOT NULL,
	"address" text,
	"phone" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"handler_id" uuid NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"membership_rule" text,
	"min_years_of_practice" integer,
	"min_years_of_criminal_practice" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "handler_conflicts" ADD CONSTRAINT "handler_conflicts_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handler_conflicts" ADD CONSTRAINT "handler_conflicts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handler_status_events" ADD CONSTRAINT "handler_status_events_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handler_status_events" ADD CONSTRAINT "handler_status_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handler_training" ADD CONSTRAINT "handler_training_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handlers" ADD CONSTRAINT "handlers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handlers" ADD CONSTRAINT "handlers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handlers" ADD CONSTRAINT "handlers_firm_id_law_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."law_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handlers" ADD CONSTRAINT "handlers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_handler_id_handlers_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."handlers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "handler_conflicts_handler_idx" ON "handler_conflicts" USING btree ("handler_id");--> statement-breakpoint
CREATE INDEX "handler_conflicts_party_idx" ON "handler_conflicts" USING btree ("party_name");--> statement-breakpoint
CREATE INDEX "handler_status_events_handler_idx" ON "handler_status_events" USING btree ("handler_id","at");--> statement-breakpoint
CREATE INDEX "handler_training_handler_idx" ON "handler_training" USING btree ("handler_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "handlers_licence_idx" ON "handlers" USING btree ("licence_number") WHERE "handlers"."licence_number" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "handlers_user_idx" ON "handlers" USING btree ("user_id") WHERE "handlers"."user_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "handlers_organisation_status_idx" ON "handlers" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "handlers_firm_idx" ON "handlers" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "handlers_specialties_idx" ON "handlers" USING gin ("specialties");--> statement-breakpoint
CREATE INDEX "handlers_languages_idx" ON "handlers" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "handlers_districts_idx" ON "handlers" USING gin ("districts_served");--> statement-breakpoint
CREATE INDEX "handlers_name_pinyin_idx" ON "handlers" USING btree ("name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "handlers_name_initials_idx" ON "handlers" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "law_firms_licence_idx" ON "law_firms" USING btree ("licence_number");--> statement-breakpoint
CREATE INDEX "law_firms_region_idx" ON "law_firms" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "team_members_current_idx" ON "team_members" USING btree ("team_id","handler_id") WHERE "team_members"."until" IS NULL;--> statement-breakpoint
CREATE INDEX "team_members_handler_idx" ON "team_members" USING btree ("handler_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_organisation_code_idx" ON "teams" USING btree ("organisation_id","code");