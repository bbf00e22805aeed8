import { beijingDateOf } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import type { ActivityKind, ApplicationRow } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { jurisdictionOf, periodInForce } from '../applications/application-rules.ts';
import {
  latestClock,
  pauseClock,
  refreshNextDue,
  resumeClock,
  startClock,
  stopClock,
} from '../applications/clocks.ts';

/**
 * What a handler's record does to the case's periods, at the time it happened:
 * - `agreement_signed` stops the 5-day agreement period (MOJ procedure rules 2023 art.27);
 * - `recipient_delay` pauses it: the rule excepts a delay "因受援人原因或者其他客观原因", so the
 *   days the recipient holds the signing up are not counted; `recipient_delay_ended` resumes it
 *   and the due date moves on by the time paused;
 * - `matter_ended` starts the period to hand in the closing materials (LAL art.50) from the end
 *   of the matter, when a `closing_materials` period rule is in force. None ships: its length is
 *   still to be confirmed (TO_CONFIRM), so until one is entered the end is recorded and no clock runs.
 */
const latest = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

export async function applyToClocks(tx: Tx, app: ApplicationRow, kind: ActivityKind, at: Date) {
  const target = {
    applicationId: app.id,
    ownerOrgId: app.ownerOrgId,
    jurisdiction: await jurisdictionOf(tx, app.ownerOrgId),
  };
  const agreement = () => latestClock(tx, app.id, 'agreement_signing');
  switch (kind) {
    case 'agreement_signed':
      await stopClock(tx, app.id, 'agreement_signing', at);
      break;
    case 'recipient_delay': {
      const clock = await agreement();
      if (clock?.status !== 'running')
        throw new AppError('CASEWORK_AGREEMENT_PERIOD_CONFLICT', { status: clock?.status ?? null });
      // A delay that began before the period did (the recipient was unreachable already) pauses
      // it from its start.
      await pauseClock(tx, app.id, 'agreement_signing', latest(at, clock.startedAt));
      break;
    }
    case 'recipient_delay_ended': {
      const clock = await agreement();
      if (clock?.status !== 'paused' || !clock.pausedAt)
        throw new AppError('CASEWORK_AGREEMENT_PERIOD_CONFLICT', { status: clock?.status ?? null });
      await resumeClock(tx, target, 'agreement_signing', latest(at, clock.pausedAt));
      break;
    }
    case 'matter_ended': {
      const rule = await periodInForce(tx, target.jurisdiction, 'closing_materials', beijingDateOf(at));
      if (!rule) return;
      // A corrected end date restarts the period from the date now given.
      await stopClock(tx, app.id, 'closing_materials', at);
      await startClock(tx, target, 'closing_materials', at);
      break;
    }
    default:
      return;
  }
  await refreshNextDue(tx, app.id);
}
