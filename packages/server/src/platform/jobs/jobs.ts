import PgBoss from 'pg-boss';
import type pg from 'pg';
import { APP_ROLE } from '../../db/roles.ts';

export interface RecurringJob {
  /** Queue name, also the schedule's name. */
  name: string;
  /** Cron expression, Beijing time. */
  cron: string;
  run: () => Promise<unknown>;
}

export interface JobRunner {
  /** Runs a job now (the schedule also keeps running it); resolves with the pg-boss job id. */
  trigger(name: string): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * Recurring background work on pg-boss, in the application's own PostgreSQL (schema `pgboss`):
 * the schedule lives in the database, so with several servers each run happens on one of them,
 * and a job that fails is retried. A singleton key keeps one run of a job at a time.
 */
export async function startJobs(
  connectionString: string,
  jobs: readonly RecurringJob[],
  onError: (error: unknown, job?: string) => void,
): Promise<JobRunner> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 3, application_name: 'fayuan-jobs' });
  boss.on('error', (error) => onError(error));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, {
      name: job.name,
      policy: 'singleton',
      retryLimit: 2,
      expireInSeconds: 300,
    });
    await boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Shanghai' });
    await boss.work(job.name, { pollingIntervalSeconds: 2 }, async () => {
      try {
        await job.run();
      } catch (error) {
        onError(error, job.name);
        throw error;
      }
    });
  }
  return {
    trigger: (name) => boss.send(name, {}),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

/**
 * Installs pg-boss's tables in the `pgboss` schema that migration 0017 gives the app role (ADR
 * 0008), on the migration connection. pg-boss would do it itself on start, but its first statement
 * (CREATE SCHEMA IF NOT EXISTS) needs the right to create schemas, which the app role does not
 * have; the tables are created as the app role, which then owns them and can add a table per
 * queue and run pg-boss's own upgrades. Does nothing when installed, or when the schema is not
 * the app role's (a deployment running the app as the owner: pg-boss installs itself there).
 */
export async function installJobSchema(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ installed: string | null; owner: string | null }>(
    `SELECT to_regclass('pgboss.version')::text AS installed,
            (SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'pgboss') AS owner`,
  );
  if (rows[0]?.installed || rows[0]?.owner !== APP_ROLE) return;
  const plans = PgBoss.getConstructionPlans('pgboss').replace(/CREATE SCHEMA IF NOT EXISTS pgboss/, '');
  await client.query(`SET ROLE ${APP_ROLE}`);
  try {
    await client.query(plans);
  } finally {
    await client.query('RESET ROLE');
  }
}
