ALTER TABLE "staff_alerts" ALTER COLUMN "application_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_alerts" ALTER COLUMN "period" DROP NOT NULL;