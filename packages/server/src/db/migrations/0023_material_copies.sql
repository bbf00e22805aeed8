ALTER TABLE "application_materials" ADD COLUMN "copies" integer;--> statement-breakpoint
ALTER TABLE "application_materials" ADD COLUMN "original" boolean;