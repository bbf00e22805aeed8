import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { readConfig } from './config.ts';
import { startEmbeddedPostgres, EMBEDDED_DATABASE, type EmbeddedServer } from './db/embedded.ts';
import { connect, type Database } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { isSuperuser } from './db/roles.ts';
import { checkpointDepsOf, takeCheckpoint } from './platform/audit/audit-checkpoints.ts';
import { FieldCipher } from './platform/crypto/field-cipher.ts';
import { DiskFileStore } from './platform/storage/file-store.ts';
import { startJobs, type JobRunner } from './platform/jobs/jobs.ts';
import { sweepClocks } from './modules/applications/clock-watcher.ts';
import { queueAppointmentReminders } from './modules/portal/engage/appointments.ts';
import { resolveSecretKey } from './platform/crypto/secret-key.ts';
import { systemClock } from './platform/context.ts';
import { ensureAdmin } from './bootstrap.ts';
import { buildApp } from './app.ts';
import { runMaintenance } from './platform/maintenance.ts';
import { messageAdaptersFrom } from './platform/outbox/adapters.ts';
import { applyDeliveryReports, dispatchOutbox } from './platform/outbox/outbox.ts';
import { dispatchPartnerCallbacks } from './modules/partner-events/dispatch-callbacks.ts';

const say = (message: string) => process.stdout.write(`[fayuan] ${message}\n`);

/** What is running so far; a stop closes exactly that, in reverse order. */
const running: {
  embedded?: EmbeddedServer;
  database?: Database;
  app?: FastifyInstance;
  jobs?: JobRunner;
  stopping?: boolean;
} = {};

/** The start-up in progress: a stop waits for it to settle, so that it never closes a part under a step still using it. */
let started: Promise<boolean> = Promise.resolve(true);

/** HTTP first, then the jobs, the pool and the embedded server: each part before what it uses. */
async function closeAll(): Promise<void> {
  await running.app?.close().catch(() => undefined);
  await running.jobs?.stop().catch(() => undefined);
  await running.database?.close().catch(() => undefined);
  await running.embedded?.stop().catch(() => undefined);
}

async function stop(signal: string): Promise<void> {
  if (running.stopping) return;
  running.stopping = true;
  say(`${signal} received: stopping`);
  // A start-up that failed on its own exits through its own handler (code 1).
  if (!(await started)) return;
  await closeAll();
  say('stopped');
  process.exit(0);
}

/** `npm start`: configuration → database (embedded unless DATABASE_URL) → migrations → admin → HTTP. */
async function main(): Promise<void> {
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  const config = readConfig();
  let url = config.databaseUrl;
  let migrationUrl = config.migrationDatabaseUrl;
  if (!url || !migrationUrl) {
    running.embedded = await startEmbeddedPostgres(config.dataDir, say);
    url = running.embedded.url(EMBEDDED_DATABASE, 'app');
    migrationUrl = running.embedded.url(EMBEDDED_DATABASE, 'owner');
  }
  // Migrations as the owner role, on a connection of their own; the app as the least-privileged role.
  const owner = connect(migrationUrl, 2);
  try {
    await runMigrations(owner.db, owner.pool);
  } finally {
    await owner.close();
  }
  const database = connect(url);
  running.database = database;
  if (await isSuperuser(database.pool))
    say(
      'warning: DATABASE_URL signs in as a superuser, which can bypass the audit triggers; run the app as a least-privileged role (docs/operations.md)',
    );
  const cipher = new FieldCipher(await resolveSecretKey(config.secretKey, config.dataDir));
  const admin = await ensureAdmin(
    database.db,
    cipher,
    config.adminPassword,
    systemClock.now(),
    config.passwordMinScore,
  );
  if (admin.created && admin.generatedPassword)
    say(
      `created user "admin" with the one-time password: ${admin.generatedPassword}  (change it at first login)`,
    );
  else if (admin.created) say('created user "admin" with the password from FAYUAN_ADMIN_PASSWORD');

  const files = new DiskFileStore(path.join(config.dataDir, 'files'), cipher);
  // Messages go through the built-in simulator until an SMS / e-mail adapter is configured; a
  // one-time code wakes the dispatcher rather than waiting for its next tick.
  const adapters = messageAdaptersFrom(config);
  let deliver = (): Promise<unknown> => Promise.resolve();
  const outbox = { wake: () => void deliver() };
  const deps = { config, db: database.db, pool: database.pool, clock: systemClock, cipher, files, outbox };
  const app = await buildApp(deps, { webDist: config.webDist });
  running.app = app;
  await app.listen({ port: config.port, host: config.host });
  say(`Fayuan is running at http://localhost:${config.port}  (API docs: /api/docs)`);

  deliver = () =>
    dispatchOutbox(deps, adapters).catch((error: unknown) =>
      app.log.warn({ err: error }, 'outbox dispatch failed'),
    );
  setInterval(deliver, 10_000).unref();
  // The organs' callbacks (partner-events): signed, at least once, retried with back-off.
  const callBack = () =>
    dispatchPartnerCallbacks(deps).catch((error: unknown) =>
      app.log.warn({ err: error }, 'partner callback dispatch failed'),
    );
  setInterval(callBack, 5_000).unref();

  // Clocks (deemed withdrawal, reminders, overdue alerts) and housekeeping run on pg-boss schedules.
  void runMaintenance(deps).catch((error: unknown) => app.log.warn({ err: error }, 'maintenance failed'));
  running.jobs = await startJobs(
    url,
    [
      { name: 'clock-sweep', cron: '* * * * *', run: () => sweepClocks(deps) },
      // Portal bookings: the SMS reminder the day before (issue 14).
      { name: 'appointment-reminders', cron: '*/5 * * * *', run: () => queueAppointmentReminders(deps) },
      { name: 'maintenance', cron: '*/15 * * * *', run: () => runMaintenance(deps) },
      // The carrier's delivery reports (Tencent SMS: pulled, signed): sent → delivered or failed.
      ...(adapters.sms.pullReports
        ? [
            {
              name: 'sms-delivery-reports',
              cron: '* * * * *',
              run: () => applyDeliveryReports(deps, adapters.sms),
            },
          ]
        : []),
      {
        name: 'audit-checkpoint',
        cron: '*/10 * * * *',
        run: async () => {
          const result = await takeCheckpoint(checkpointDepsOf(deps), systemClock.now());
          if (!result.taken && result.reason === 'previous_missing')
            app.log.error(
              'the newest audit checkpoint no longer matches the chain: run npm run audit:verify',
            );
        },
      },
    ],
    (error, job) => app.log.warn({ err: error, job }, 'background job failed'),
  );
}

started = main().then(
  () => true,
  async (error: unknown) => {
    process.stderr.write(
      `[fayuan] failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    await closeAll();
    process.exit(1);
    return false;
  },
);
