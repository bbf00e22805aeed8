CREATE TABLE "partner_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_seq" bigint NOT NULL,
	"partner_id" uuid NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_http_status" integer,
	"last_error" text,
	"latency_ms" integer,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partner_deliveries_event_seq_unique" UNIQUE("event_seq")
);
--> statement-breakpoint
CREATE TABLE "partner_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	CONSTRAINT "partner_events_id_unique" UNIQUE("id")
);
--> statement-breakpoint
ALTER TABLE "partner_deliveries" ADD CONSTRAINT "partner_deliveries_event_seq_partner_events_seq_fk" FOREIGN KEY ("event_seq") REFERENCES "public"."partner_events"("seq") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_deliveries" ADD CONSTRAINT "partner_deliveries_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_events" ADD CONSTRAINT "partner_events_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_events" ADD CONSTRAINT "partner_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_deliveries_partner_idx" ON "partner_deliveries" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "partner_deliveries_due_idx" ON "partner_deliveries" USING btree ("next_attempt_at") WHERE "partner_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "partner_events_partner_seq_idx" ON "partner_events" USING btree ("partner_id","seq");--> statement-breakpoint
-- The app role reads and writes the new tables (migrate.ts calls it after every run too; 0017).
SELECT fayuan_grant_app_role();
