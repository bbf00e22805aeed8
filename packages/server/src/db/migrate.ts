import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { installJobSchema } from '../platform/jobs/jobs.ts';
import type { Db } from './client.ts';
import type pg from 'pg';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Applies the committed SQL migrations. A session-level advisory lock lets several app processes
 * start at once against one database without racing. Runs as the owner role (DATABASE_MIGRATION_URL).
 */
export async function runMigrations(db: Db, pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7413001)');
    await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    // After every run, so that tables added by any migration get the app role's rights (ADR 0008).
    await client.query('SELECT fayuan_grant_app_role()');
    await installJobSchema(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock(7413001)').catch(() => undefined);
    client.release();
  }
}

interface Journal {
  entries: { tag: string; when: number }[];
}

/** For /readyz: the newest migration shipped with this build is applied to the database. */
export async function migrationsCurrent(pool: pg.Pool): Promise<boolean> {
  const journal = JSON.parse(
    await fs.readFile(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'),
  ) as Journal;
  const newest = journal.entries.at(-1);
  if (!newest) return true;
  const sqlText = await fs.readFile(path.join(MIGRATIONS_DIR, `${newest.tag}.sql`), 'utf8');
  const hash = createHash('sha256').update(sqlText).digest('hex');
  const applied = await pool.query('SELECT 1 FROM drizzle.__drizzle_migrations WHERE hash = $1', [hash]);
  return (applied.rowCount ?? 0) > 0;
}
