import { eq } from 'drizzle-orm';
import { beijingDateOf } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { dutySlots } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { handlerOfActor } from './duty.repository.ts';

/**
 * The rostered lawyer checks in (签到) or out (签退) at the station, on the day of the slot (Beijing):
 * the times are kept, and a late or missing check-in shows on the centre's roster.
 */
export async function checkInOut(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  slotId: string,
  move: 'in' | 'out',
  origin: RequestOrigin,
) {
  const me = await handlerOfActor(tx, actor);
  const [slot] = await tx.select().from(dutySlots).where(eq(dutySlots.id, slotId)).for('update');
  if (!slot) throw new AppError('NOT_FOUND');
  if (slot.handlerId !== me.id) throw new AppError('DUTY_NOT_YOUR_SLOT');
  const now = deps.clock.now();
  if (beijingDateOf(now) !== slot.date) throw new AppError('DUTY_NOT_SLOT_DAY');
  if (move === 'in') {
    if (slot.checkedInAt) throw new AppError('DUTY_ALREADY_CHECKED_IN');
    await tx.update(dutySlots).set({ checkedInAt: now }).where(eq(dutySlots.id, slotId));
  } else {
    if (!slot.checkedInAt) throw new AppError('DUTY_NOT_CHECKED_IN');
    if (slot.checkedOutAt) throw new AppError('DUTY_ALREADY_CHECKED_OUT');
    await tx.update(dutySlots).set({ checkedOutAt: now }).where(eq(dutySlots.id, slotId));
  }
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: move === 'in' ? 'duty_slot.check_in' : 'duty_slot.check_out',
    entityType: 'duty_slots',
    entityId: slotId,
    changes: { [move === 'in' ? 'checkedInAt' : 'checkedOutAt']: { after: now.toISOString() } },
  });
}
