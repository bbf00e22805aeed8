import os from 'node:os';
import path from 'node:path';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { connect } from './db/client.ts';
import { FieldCipher } from './platform/crypto/field-cipher.ts';
import { DiskFileStore } from './platform/storage/file-store.ts';
import { systemClock } from './platform/context.ts';

/**
 * The OpenAPI document exactly as `/api/docs/json` serves it, built without a database or a
 * listening port: the pool is never asked for a connection, because only route schemas are read.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const database = connect('postgres://openapi@127.0.0.1:1/none', 1);
  const cipher = new FieldCipher('0'.repeat(64));
  const app = await buildApp(
    {
      config: { ...readConfig({ LOG_LEVEL: 'silent' }), databaseUrl: undefined },
      db: database.db,
      pool: database.pool,
      clock: systemClock,
      cipher,
      files: new DiskFileStore(path.join(os.tmpdir(), 'fayuan-openapi-unused'), cipher),
    },
    { logger: false },
  );
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
  }
}
