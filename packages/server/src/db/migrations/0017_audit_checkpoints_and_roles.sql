-- Signed checkpoints of the audit chain head, and the grants of the least-privileged app role (ADR 0008).
-- The trigger and the grant function below are hand-added to drizzle-kit's output.
CREATE TABLE "audit_checkpoints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_count" bigint NOT NULL,
	"last_event_id" uuid,
	"last_hash" text NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_checkpoints_count_idx" ON "audit_checkpoints" USING btree ("event_count","taken_at");--> statement-breakpoint
CREATE FUNCTION fayuan_audit_checkpoints_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_checkpoints is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE OR DELETE ON "audit_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION fayuan_audit_checkpoints_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON "audit_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION fayuan_audit_checkpoints_append_only();
--> statement-breakpoint
-- The rights of the app role `fayuan_app`, granted again after every migration run (db/migrate.ts),
-- so a table added by a later migration is covered without a line of its own. Every table of the
-- schema gets SELECT, INSERT, UPDATE, DELETE, except the append-only ones, which get SELECT and
-- INSERT only. No DDL: the app role owns nothing in `public` and has no CREATE there. It does own
-- the `pgboss` schema, the job queue's own storage, because pg-boss creates a table per queue.
-- Does nothing where the role does not exist (a deployment that runs the app as the owner).
CREATE FUNCTION fayuan_grant_app_role() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  append_only CONSTANT text[] := ARRAY['audit_events', 'audit_checkpoints', 'case_archives'];
  rel record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fayuan_app') THEN
    RETURN;
  END IF;
  GRANT USAGE ON SCHEMA public TO fayuan_app;
  FOR rel IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
  LOOP
    EXECUTE format('REVOKE ALL ON TABLE public.%I FROM fayuan_app', rel.relname);
    IF rel.relname = ANY (append_only) THEN
      EXECUTE format('GRANT SELECT, INSERT ON TABLE public.%I TO fayuan_app', rel.relname);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.%I TO fayuan_app', rel.relname);
    END IF;
  END LOOP;
  GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO fayuan_app;
  -- /readyz compares the applied migrations with the build.
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'drizzle') THEN
    GRANT USAGE ON SCHEMA drizzle TO fayuan_app;
    GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO fayuan_app;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss')
    AND pg_has_role(current_user, 'fayuan_app', 'MEMBER')
    AND has_database_privilege(current_database(), 'CREATE') THEN
    CREATE SCHEMA pgboss AUTHORIZATION fayuan_app;
  END IF;
END $$;
