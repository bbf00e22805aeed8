CREATE TABLE "document_number_patterns" (
	"organisation_id" uuid NOT NULL,
	"document_kind" text NOT NULL,
	"pattern" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_number_patterns_organisation_id_document_kind_pk" PRIMARY KEY("organisation_id","document_kind")
);
--> statement-breakpoint
CREATE TABLE "document_sequences" (
	"organisation_id" uuid NOT NULL,
	"document_kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "document_sequences_organisation_id_document_kind_year_pk" PRIMARY KEY("organisation_id","document_kind","year")
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"recipient_sealed" "bytea",
	"recipient_hash" "bytea",
	"template" text NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"params" jsonb NOT NULL,
	"body" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"provider" text,
	"provider_message_id" text,
	"organisation_id" uuid,
	"entity_type" text,
	"entity_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "document_number_patterns" ADD CONSTRAINT "document_number_patterns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_sequences" ADD CONSTRAINT "document_sequences_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox_messages" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_entity_idx" ON "outbox_messages" USING btree ("entity_type","entity_id");