CREATE TABLE "calendar_days" (
	"jurisdiction" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "calendar_days_jurisdiction_date_pk" PRIMARY KEY("jurisdiction","date")
);
--> statement-breakpoint
CREATE TABLE "jurisdictions" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"parent_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_rows" (
	"id" text PRIMARY KEY NOT NULL,
	"rule_table" text NOT NULL,
	"jurisdiction" text NOT NULL,
	"key" text NOT NULL,
	"data" jsonb NOT NULL,
	"citation" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_jurisdiction_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_rows" ADD CONSTRAINT "rule_rows_jurisdiction_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rule_rows_lookup_idx" ON "rule_rows" USING btree ("rule_table","jurisdiction","key","effective_from");