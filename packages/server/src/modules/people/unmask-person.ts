import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findPerson } from './people.repository.ts';

/**
 * Shows a person's full identity and phone numbers to a role allowed to see them (person.unmask).
 * Every unmasking leaves an audit row, written in the same transaction as the read.
 */
export async function unmaskPerson(deps: AppDeps, actor: Actor, id: string, origin: RequestOrigin) {
  return deps.db.transaction(async (tx) => {
    const found = await findPerson(tx, actor.scope, id);
    if (!found) throw new AppError('NOT_FOUND');
    const open = (sealed: Buffer | null) => (sealed ? deps.cipher.open(sealed) : null);
    const { person } = found;
    await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
      action: 'person.unmask',
      entityType: 'persons',
      entityId: id,
    });
    return {
      idNumber: open(person.idNumberSealed),
      phone: open(person.phoneSealed),
      representativePhone: open(person.representativePhoneSealed),
    };
  });
}
