CREATE TABLE "partner_nonces" (
	"key_id" text NOT NULL,
	"nonce" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partner_nonces_key_id_nonce_pk" PRIMARY KEY("key_id","nonce")
);
--> statement-breakpoint
CREATE TABLE "partner_request_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"partner_id" uuid,
	"key_id" text,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"operation" text,
	"status" integer NOT NULL,
	"latency_ms" integer NOT NULL,
	"error_code" text,
	"request_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_keys" ADD COLUMN "last_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partner_request_log" ADD CONSTRAINT "partner_request_log_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_nonces_seen_idx" ON "partner_nonces" USING btree ("seen_at");--> statement-breakpoint
CREATE INDEX "partner_request_log_partner_idx" ON "partner_request_log" USING btree ("partner_id","at");--> statement-breakpoint
SELECT fayuan_grant_app_role();
