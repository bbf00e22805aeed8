import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { endOfBeijingDay, type ComplaintPeriod, type LocalDate } from '@fayuan/domain';
import type { Queryable, Tx } from '../../../db/client.ts';
import { complaintClocks, type ComplaintClockRow } from '../../../db/schema/index.ts';
import { computeDue } from '../../applications/clocks.ts';
import { jurisdictionOf } from '../../applications/application-rules.ts';

/** 民法典 art.201–203 govern how every period is counted; cited beside the period's own rule. */
const COUNTING = '民法典 art.201–203';

/**
 * Starts a complaint's period at `at`: the rule in force in the centre's jurisdiction on that day
 * (the same `computeDue` and working calendar as an application's clocks), its citation kept.
 */
export async function startComplaintClock(
  tx: Tx,
  complaint: { id: string; organisationId: string },
  period: ComplaintPeriod,
  at: Date,
): Promise<ComplaintClockRow> {
  const jurisdiction = await jurisdictionOf(tx, complaint.organisationId);
  const due = await computeDue(tx, jurisdiction, period, at, []);
  const row: ComplaintClockRow = {
    id: randomUUID(),
    complaintId: complaint.id,
    organisationId: complaint.organisationId,
    period,
    status: 'running',
    startedAt: at,
    dueAt: due.dueAt,
    ruleId: due.rule.id,
    citation: `${due.citation}; ${COUNTING}`,
    stoppedAt: null,
    remindedAt: null,
    alertedAt: null,
    provisionalYears: due.provisionalYears,
    extendedTo: null,
    extensionReason: null,
    extendedBy: null,
  };
  await tx.insert(complaintClocks).values(row);
  return row;
}

/** Stops the complaint's running period of a kind at `at` (nothing when none runs). */
export async function stopComplaintClock(tx: Tx, complaintId: string, period: ComplaintPeriod, at: Date) {
  await tx
    .update(complaintClocks)
    .set({ status: 'stopped', stoppedAt: at })
    .where(
      and(
        eq(complaintClocks.complaintId, complaintId),
        eq(complaintClocks.period, period),
        eq(complaintClocks.status, 'running'),
      ),
    );
}

/**
 * Extends the running handling period to the end of `to` (延长办理期限, with the head's approval):
 * the overdue alert may be raised again for the new date. Returns the due time before and after,
 * or why it could not: no handling period runs, or the new day is not later.
 */
export async function extendHandling(
  tx: Tx,
  complaintId: string,
  input: { to: LocalDate; reason: string; by: string },
): Promise<{ before: Date; after: Date } | 'not_running' | 'not_later'> {
  const [clock] = await tx
    .select()
    .from(complaintClocks)
    .where(
      and(
        eq(complaintClocks.complaintId, complaintId),
        eq(complaintClocks.period, 'complaint_handling'),
        eq(complaintClocks.status, 'running'),
      ),
    )
    .for('update');
  if (!clock) return 'not_running';
  const after = new Date(endOfBeijingDay(input.to));
  if (after.getTime() <= clock.dueAt.getTime()) return 'not_later';
  await tx
    .update(complaintClocks)
    .set({
      dueAt: after,
      extendedTo: input.to,
      extensionReason: input.reason,
      extendedBy: input.by,
      remindedAt: null,
      alertedAt: null,
    })
    .where(eq(complaintClocks.id, clock.id));
  return { before: clock.dueAt, after };
}

export function complaintClocksOf(db: Queryable, complaintId: string): Promise<ComplaintClockRow[]> {
  return db
    .select()
    .from(complaintClocks)
    .where(eq(complaintClocks.complaintId, complaintId))
    .orderBy(asc(complaintClocks.startedAt));
}

/** Whether a stopped clock stopped in time (null while it runs). */
export function complaintClockOnTime(clock: Pick<ComplaintClockRow, 'stoppedAt' | 'dueAt'>): boolean | null {
  return clock.stoppedAt ? clock.stoppedAt.getTime() <= clock.dueAt.getTime() : null;
}
