CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"document_type" text NOT NULL,
	"id_number_sealed" "bytea",
	"id_number_hash" "bytea",
	"birth_date" date,
	"sex" text,
	"phone_sealed" "bytea",
	"phone_hash" "bytea",
	"address" text,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"household_members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"representative_name" text,
	"representative_role" text,
	"representative_relation" text,
	"representative_phone_sealed" "bytea",
	"representative_phone_hash" "bytea",
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "persons_id_number_hash_idx" ON "persons" USING btree ("id_number_hash") WHERE "persons"."id_number_hash" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "persons_phone_hash_idx" ON "persons" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "persons_owner_idx" ON "persons" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "persons_name_birth_idx" ON "persons" USING btree ("name","birth_date");--> statement-breakpoint
CREATE INDEX "persons_name_pinyin_idx" ON "persons" USING btree ("name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_name_initials_idx" ON "persons" USING btree ("name_initials" text_pattern_ops);