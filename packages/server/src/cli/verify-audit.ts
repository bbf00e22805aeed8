import { readConfig } from '../config.ts';
import { startEmbeddedPostgres, EMBEDDED_DATABASE } from '../db/embedded.ts';
import { connect } from '../db/client.ts';
import { FieldCipher } from '../platform/crypto/field-cipher.ts';
import { resolveSecretKey } from '../platform/crypto/secret-key.ts';
import {
  checkpointDepsOf,
  verifyAndCheckpoint,
  type AuditVerification,
} from '../platform/audit/audit-checkpoints.ts';

/**
 * `npm run audit:verify`: recomputes the audit hash chain and compares it with the signed
 * checkpoints (ADR 0008); exit code 0 when all is well, 1 on any finding, 2 when it cannot run.
 */
async function main(): Promise<number> {
  const config = readConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, (m) => process.stderr.write(`${m}\n`), 'attach');
  const database = connect(config.databaseUrl ?? embedded!.url(EMBEDDED_DATABASE, 'owner'), 2);
  try {
    const cipher = new FieldCipher(await resolveSecretKey(config.secretKey, config.dataDir));
    const result = await verifyAndCheckpoint(
      checkpointDepsOf({ db: database.db, cipher, config }),
      new Date(),
    );
    process.stdout.write(`${describe(result)}\n`);
    return result.ok ? 0 : 1;
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

function describe(result: AuditVerification): string {
  const at = result.checkpoint
    ? `the checkpoint of ${result.checkpoint.eventCount} events taken at ${result.checkpoint.takenAt}`
    : 'no checkpoint';
  switch (result.outcome) {
    case 'ok':
      return `audit chain intact: ${result.checked} events checked, ${result.checkpoints} checkpoints agree (newest: ${at})`;
    case 'chain_broken':
      return `audit chain BROKEN at event #${result.brokenAt} (${result.checked} events before it are intact)`;
    case 'checkpoint_forged':
      return `audit checkpoint FORGED: the signature of ${at} is wrong`;
    case 'tail_truncated':
      return `audit chain TRUNCATED: ${at} is beyond the ${result.checked} events left`;
    case 'checkpoint_mismatch':
      return `audit checkpoint MISMATCH: the chain differs from ${at}`;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
