import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { complaintClocks, complaints, staffAlerts } from '../../../db/schema/index.ts';
import type { AppDeps } from '../../../platform/context.ts';
import { directorsOf } from '../../notifications/notify-users.ts';
import { alertWindow } from '../../applications/clock-watcher.ts';

const BATCH = 200;

/**
 * A complaint's period close ahead raises a reminder, and a period passed an overdue alert, in the
 * bell of the centre's directors and of the person who accepted it (the same bell, words and
 * lead times as an application's clocks: a day ahead, four hours for periods under two days).
 * Once per clock and kind; an extended handling period may ring again for its new date. Rows
 * are claimed with SKIP LOCKED, so two servers sweeping at once do not double anything.
 */
export async function sweepComplaintClocks(
  deps: AppDeps,
  kind: 'reminder' | 'overdue',
  now: Date,
): Promise<number> {
  let raised = 0;
  for (;;) {
    const count = await deps.db.transaction(async (tx) => {
      const marker = kind === 'reminder' ? complaintClocks.remindedAt : complaintClocks.alertedAt;
      const window = alertWindow(kind, complaintClocks, now);
      const due = await tx
        .select({ clock: complaintClocks, acceptedBy: complaints.acceptedBy })
        .from(complaintClocks)
        .innerJoin(complaints, eq(complaints.id, complaintClocks.complaintId))
        .where(and(eq(complaintClocks.status, 'running'), isNull(marker), window))
        .limit(BATCH)
        .for('update', { of: complaintClocks, skipLocked: true });
      for (const { clock, acceptedBy } of due) {
        const recipients = [
          ...new Set([...(await directorsOf(tx, clock.organisationId)), ...(acceptedBy ? [acceptedBy] : [])]),
        ];
        if (recipients.length > 0)
          await tx
            .insert(staffAlerts)
            .values(
              recipients.map((userId) => ({
                id: randomUUID(),
                userId,
                organisationId: clock.organisationId,
                applicationId: null,
                clockId: null,
                complaintId: clock.complaintId,
                complaintClockId: clock.id,
                kind,
                period: clock.period,
                dueAt: clock.dueAt,
                createdAt: now,
              })),
            )
            .onConflictDoNothing();
        await tx
          .update(complaintClocks)
          .set(kind === 'reminder' ? { remindedAt: now } : { alertedAt: now })
          .where(eq(complaintClocks.id, clock.id));
      }
      return due.length;
    });
    raised += count;
    if (count < BATCH) return raised;
  }
}
