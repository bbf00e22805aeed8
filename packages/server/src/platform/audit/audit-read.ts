import type { AppDeps, RequestOrigin } from '../context.ts';
import { recordAudit } from './audit-log.ts';

/**
 * The one call for auditing a read of a record that holds personal data (a case file, a person,
 * an account). It commits its own row; use `recordAudit` with action `<type>.read` inside a
 * transaction instead where the read is part of one.
 */
export async function auditRead(
  deps: AppDeps,
  origin: RequestOrigin,
  entityType: string,
  entityId: string,
): Promise<void> {
  await deps.db.transaction((tx) =>
    recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
      action: `${entityType}.read`,
      entityType,
      entityId,
    }),
  );
}
