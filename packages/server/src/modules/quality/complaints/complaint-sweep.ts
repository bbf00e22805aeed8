import { and, eq, isNull } from 'drizzle-orm';
import { complaintClocks, complaints } from '../../../db/schema/index.ts';
import type { AppDeps } from '../../../platform/context.ts';
import { directorsOf } from '../../notifications/notify-users.ts';
import {
  alertWindow,
  ringClockAlert,
  SWEEP_BATCH,
  sweepInBatches,
} from '../../applications/clock-watcher.ts';

/**
 * A complaint's period close ahead raises a reminder, and a period passed an overdue alert, in the
 * bell of the centre's directors and of the person who accepted it (the same bell, words and
 * lead times as an application's clocks: a day ahead, four hours for periods under two days).
 * Once per clock and kind; an extended handling period may ring again for its new date.
 */
export function sweepComplaintClocks(
  deps: AppDeps,
  kind: 'reminder' | 'overdue',
  now: Date,
): Promise<number> {
  return sweepInBatches(deps, async (tx) => {
    const marker = kind === 'reminder' ? complaintClocks.remindedAt : complaintClocks.alertedAt;
    const due = await tx
      .select({ clock: complaintClocks, acceptedBy: complaints.acceptedBy })
      .from(complaintClocks)
      .innerJoin(complaints, eq(complaints.id, complaintClocks.complaintId))
      .where(
        and(eq(complaintClocks.status, 'running'), isNull(marker), alertWindow(kind, complaintClocks, now)),
      )
      .limit(SWEEP_BATCH)
      .for('update', { of: complaintClocks, skipLocked: true });
    for (const { clock, acceptedBy } of due) {
      const recipients = [
        ...(await directorsOf(tx, clock.organisationId)),
        ...(acceptedBy ? [acceptedBy] : []),
      ];
      await ringClockAlert(tx, recipients, {
        kind,
        organisationId: clock.organisationId,
        applicationId: null,
        clockId: null,
        complaintId: clock.complaintId,
        complaintClockId: clock.id,
        period: clock.period,
        dueAt: clock.dueAt,
        createdAt: now,
      });
      await tx
        .update(complaintClocks)
        .set(kind === 'reminder' ? { remindedAt: now } : { alertedAt: now })
        .where(eq(complaintClocks.id, clock.id));
    }
    return due.length;
  });
}
