import PgBoss from 'pg-boss';

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
