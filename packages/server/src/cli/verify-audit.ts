import { readConfig } from '../config.ts';
import { startEmbeddedPostgres, EMBEDDED_DATABASE } from '../db/embedded.ts';
import { connect } from '../db/client.ts';
import { FieldCipher } from '../platform/crypto/field-cipher.ts';
import { resolveSecretKey } from '../platform/crypto/secret-key.ts';
import { verifyAuditChain } from '../platform/audit/audit-log.ts';

/** `npm run audit:verify`: recomputes the audit hash chain; exit code 0 when intact, 1 when broken. */
async function main(): Promise<number> {
  const config = readConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, (m) => process.stderr.write(`${m}\n`), 'attach');
  const database = connect(config.databaseUrl ?? embedded!.url(EMBEDDED_DATABASE), 2);
  try {
    const cipher = new FieldCipher(await resolveSecretKey(config.secretKey, config.dataDir));
    const result = await verifyAuditChain(database.db, cipher);
    process.stdout.write(
      result.ok
        ? `audit chain intact: ${result.checked} events checked\n`
        : `audit chain BROKEN at event #${result.brokenAt} (${result.checked} events before it are intact)\n`,
    );
    return result.ok ? 0 : 1;
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
