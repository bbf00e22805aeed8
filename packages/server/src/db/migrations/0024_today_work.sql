ALTER TABLE "users" ADD COLUMN "sms_notifications" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "centre_settings" ADD COLUMN "hearing_reminder_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_alerts" ADD COLUMN "activity_id" uuid;--> statement-breakpoint
ALTER TABLE "case_activities" ADD COLUMN "status" text DEFAULT 'done' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_activities" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "case_activities" ADD COLUMN "settled_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_alerts_activity_once_idx" ON "staff_alerts" USING btree ("activity_id","kind","user_id") WHERE "staff_alerts"."activity_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "case_activities_scheduled_idx" ON "case_activities" USING btree ("occurred_at") WHERE "case_activities"."status" = 'scheduled';