import pg from 'pg';

/**
 * The two database roles of ADR 0008: migrations run as the owner of the schema, the app as a
 * role that may read and write rows but not change the schema, nor UPDATE or DELETE the audit
 * chain, its checkpoints and the case archive (migration 0017, `fayuan_grant_app_role()`).
 */
export const OWNER_ROLE = 'fayuan_owner';
export const APP_ROLE = 'fayuan_app';

export interface RolePasswords {
  owner: string;
  app: string;
}

/** The same server and database as `url`, signed in as `role`. */
export function roleUrl(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = password;
  return parsed.toString();
}

const DUPLICATE = new Set(['42710', '23505']);

/**
 * Creates both login roles when missing and sets their passwords (needs a superuser connection;
 * idempotent, and safe when two processes do it at once). The owner is a member of the app role so
 * that it can create the `pgboss` schema on the app role's behalf.
 */
export async function ensureRoles(superuserUrl: string, passwords: RolePasswords): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    // Roles belong to the whole server: concurrent starts (test runs, app processes) take turns.
    await client.query('SELECT pg_advisory_lock(7413003)');
    for (const [role, password] of [
      [OWNER_ROLE, passwords.owner],
      [APP_ROLE, passwords.app],
    ] as const) {
      const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (found.rowCount === 0)
        await client
          .query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`)
          .catch(ignoreDuplicate);
      await client.query(`ALTER ROLE ${role} WITH LOGIN PASSWORD ${client.escapeLiteral(password)}`);
    }
    const member = await client.query(`SELECT pg_has_role('${OWNER_ROLE}', '${APP_ROLE}', 'MEMBER') AS m`);
    if (!member.rows[0]?.m) await client.query(`GRANT ${APP_ROLE} TO ${OWNER_ROLE}`);
  } finally {
    await client.end();
  }
}

function ignoreDuplicate(error: unknown): void {
  if (!DUPLICATE.has((error as { code?: string }).code ?? '')) throw error;
}

/**
 * Gives an existing database to the owner role: a data folder made before ADR 0008 has every
 * object owned by the superuser. Tables (with their own sequences), free sequences, functions and
 * types of `public` and `drizzle` go to the owner; the `pgboss` schema and what is in it to the app
 * role. Objects of extensions (pg_trgm) stay with the superuser. Runs on a superuser connection
 * to that database; idempotent.
 */
export async function handOverOwnership(superuserUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE ${client.escapeIdentifier(database)} OWNER TO ${OWNER_ROLE}`);
    await client.query(HAND_OVER);
  } finally {
    await client.end();
  }
}

const HAND_OVER = `
DO $$
DECLARE
  obj record;
  target text;
BEGIN
  FOR obj IN
    SELECT n.nspname, c.relname, c.relkind FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_roles r ON r.oid = c.relowner
    WHERE n.nspname IN ('public', 'drizzle', 'pgboss') AND r.rolsuper
      AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
        AND d.objid = c.oid AND (d.deptype = 'e' OR (c.relkind = 'S' AND d.deptype IN ('a', 'i'))))
    ORDER BY c.relkind = 'S'
  LOOP
    target := CASE WHEN obj.nspname = 'pgboss' THEN '${APP_ROLE}' ELSE '${OWNER_ROLE}' END;
    EXECUTE format('ALTER %s %I.%I OWNER TO %I',
      CASE obj.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
        WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
      obj.nspname, obj.relname, target);
  END LOOP;
  FOR obj IN
    SELECT n.nspname, p.oid::regprocedure::text AS signature FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace
    JOIN pg_roles r ON r.oid = p.proowner
    WHERE n.nspname IN ('public', 'drizzle', 'pgboss') AND r.rolsuper
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
        AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    target := CASE WHEN obj.nspname = 'pgboss' THEN '${APP_ROLE}' ELSE '${OWNER_ROLE}' END;
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', obj.signature, target);
  END LOOP;
  FOR obj IN
    SELECT n.nspname, t.typname FROM pg_type t
    JOIN pg_namespace n ON n.oid = t.typnamespace
    JOIN pg_roles r ON r.oid = t.typowner
    WHERE n.nspname IN ('public', 'drizzle', 'pgboss') AND r.rolsuper AND t.typtype IN ('e', 'd')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
        AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    target := CASE WHEN obj.nspname = 'pgboss' THEN '${APP_ROLE}' ELSE '${OWNER_ROLE}' END;
    EXECUTE format('ALTER TYPE %I.%I OWNER TO %I', obj.nspname, obj.typname, target);
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner
             WHERE n.nspname = 'drizzle' AND r.rolsuper) THEN
    ALTER SCHEMA drizzle OWNER TO ${OWNER_ROLE};
  END IF;
  IF EXISTS (SELECT 1 FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner
             WHERE n.nspname = 'pgboss' AND r.rolsuper) THEN
    ALTER SCHEMA pgboss OWNER TO ${APP_ROLE};
  END IF;
END $$`;

/** Whether the connection's role is a superuser: the app still works then, but main.ts warns. */
export async function isSuperuser(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ rolsuper: boolean }>(
    'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
  );
  return rows[0]?.rolsuper ?? false;
}
