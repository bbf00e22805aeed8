ALTER TABLE "staff_alerts" ALTER COLUMN "clock_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_alerts" ADD COLUMN "assignment_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_alerts_assignment_once_idx" ON "staff_alerts" USING btree ("assignment_id","kind","user_id") WHERE "staff_alerts"."assignment_id" IS NOT NULL;