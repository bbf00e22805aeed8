CREATE TABLE "citizen_otps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"phone_hash" "bytea" NOT NULL,
	"code_hash" text NOT NULL,
	"ip" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"phone_sealed" "bytea",
	"phone_hash" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_signed_in_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "citizen_id" uuid;--> statement-breakpoint
ALTER TABLE "citizen_sessions" ADD CONSTRAINT "citizen_sessions_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_otps_phone_idx" ON "citizen_otps" USING btree ("phone_hash","created_at");--> statement-breakpoint
CREATE INDEX "citizen_otps_ip_idx" ON "citizen_otps" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "citizen_sessions_citizen_idx" ON "citizen_sessions" USING btree ("citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citizens_phone_hash_key" ON "citizens" USING btree ("phone_hash");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_citizen_idx" ON "applications" USING btree ("citizen_id") WHERE "applications"."citizen_id" IS NOT NULL;SELECT fayuan_grant_app_role();
