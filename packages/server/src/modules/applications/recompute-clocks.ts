import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { caseClocks, type ClockDueChange } from '../../db/schema/index.ts';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { jurisdictionChain } from '../rules/rules.repository.ts';
import { jurisdictionOf } from './application-rules.ts';
import { computeDue, refreshNextDue } from './clocks.ts';

/**
 * A year's holiday notice has been entered for `jurisdiction`: every running clock of a centre
 * under that jurisdiction whose period crosses the year, or whose due date relied on the
 * statutory baseline for it, is recomputed in the caller's transaction with the same start,
 * pauses and rule row. A changed due time goes into the clock's `dueHistory` and the audit log.
 * Reminders and alerts already sent stay marked (`remindedAt`/`alertedAt`, and staff_alerts is
 * unique per clock and kind), so none is sent twice. Returns the clocks whose due time changed.
 */
export async function recomputeClocksForYear(
  deps: AppDeps,
  tx: Tx,
  origin: RequestOrigin,
  jurisdiction: string,
  year: number,
): Promise<{ clockId: string; applicationId: string; dueAtBefore: string; dueAtAfter: string }[]> {
  const beijingYear = (column: typeof caseClocks.startedAt | typeof caseClocks.dueAt) =>
    sql`extract(year from ${column} at time zone 'Asia/Shanghai')`;
  const clocks = await tx
    .select()
    .from(caseClocks)
    .where(
      and(
        eq(caseClocks.status, 'running'),
        isNotNull(caseClocks.ruleId),
        or(
          sql`${year} = ANY(${caseClocks.provisionalYears})`,
          and(
            sql`${beijingYear(caseClocks.startedAt)} <= ${year}`,
            sql`${beijingYear(caseClocks.dueAt)} >= ${year}`,
          ),
        ),
      ),
    )
    .for('update');
  const at = deps.clock.now();
  const changed = [];
  for (const clock of clocks) {
    const own = await jurisdictionOf(tx, clock.ownerOrgId);
    if (!(await jurisdictionChain(tx, own)).includes(jurisdiction)) continue;
    const due = await computeDue(
      tx,
      own,
      clock.period,
      clock.startedAt,
      clock.pauses,
      clock.ruleId ?? undefined,
    );
    const sameYears = due.provisionalYears.join() === clock.provisionalYears.join();
    if (due.dueAt.getTime() === clock.dueAt.getTime() && sameYears) continue;
    const change: ClockDueChange = {
      at: at.toISOString(),
      reason: 'calendar_year_entered',
      ref: `${jurisdiction}/${year}`,
      dueAtBefore: clock.dueAt.toISOString(),
      dueAtAfter: due.dueAt.toISOString(),
      provisionalYearsBefore: clock.provisionalYears,
      provisionalYearsAfter: due.provisionalYears,
    };
    await tx
      .update(caseClocks)
      .set({
        dueAt: due.dueAt,
        // Of concurrent periods (ADR 0013), the governing one may change with the calendar.
        ruleId: due.rule.id,
        citation: `${due.citation}; 民法典 art.201–203`,
        provisionalYears: due.provisionalYears,
        dueHistory: [...clock.dueHistory, change],
      })
      .where(eq(caseClocks.id, clock.id));
    await refreshNextDue(tx, clock.applicationId);
    await recordAudit(tx, { cipher: deps.cipher, at }, origin, {
      action: 'clock.recompute',
      entityType: 'case_clock',
      entityId: clock.id,
      organisationId: clock.ownerOrgId,
      changes: {
        dueAt: { before: change.dueAtBefore, after: change.dueAtAfter },
        provisionalYears: { before: change.provisionalYearsBefore, after: change.provisionalYearsAfter },
        reason: { after: `${change.reason} ${change.ref}` },
        applicationId: { after: clock.applicationId },
      },
    });
    changed.push({
      clockId: clock.id,
      applicationId: clock.applicationId,
      dueAtBefore: change.dueAtBefore,
      dueAtAfter: change.dueAtAfter,
    });
  }
  return changed;
}
