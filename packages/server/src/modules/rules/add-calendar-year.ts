import { and, eq, sql } from 'drizzle-orm';
import { yearOf, type LocalDate } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { calendarDays, jurisdictions } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { recomputeClocksForYear } from '../applications/recompute-clocks.ts';

export interface CalendarYearInput {
  jurisdiction: string;
  year: number;
  source: string;
  days: { date: LocalDate; kind: 'holiday' | 'adjusted_workday'; nameZh: string; nameEn: string }[];
  replace?: boolean | undefined;
}

/**
 * Records a year's holidays and adjusted working days the day the State Council announces them.
 * A year already on file is replaced only when asked (`replace`), and the replacement is audited
 * with the old and new day lists. In the same transaction, every running clock whose period
 * crosses the year (or relied on the statutory baseline for it) is recomputed on the new days.
 */
export async function addCalendarYear(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: CalendarYearInput,
  origin: RequestOrigin,
) {
  const [jurisdiction] = await tx
    .select()
    .from(jurisdictions)
    .where(eq(jurisdictions.code, input.jurisdiction));
  if (!jurisdiction) throw new AppError('JURISDICTION_UNKNOWN');
  const outside = input.days.filter((d) => yearOf(d.date) !== input.year);
  if (outside.length > 0)
    throw new AppError('CALENDAR_DAY_OUTSIDE_YEAR', { dates: outside.map((d) => d.date) });
  const dates = input.days.map((d) => d.date);
  if (new Set(dates).size !== dates.length) throw new AppError('CALENDAR_DAY_DUPLICATE');
  const inYear = and(
    eq(calendarDays.jurisdiction, input.jurisdiction),
    sql`extract(year from ${calendarDays.date}) = ${input.year}`,
  );
  const existing = await tx.select().from(calendarDays).where(inYear);
  if (existing.length > 0 && !input.replace) throw new AppError('CALENDAR_YEAR_EXISTS', { year: input.year });
  const now = deps.clock.now();
  if (existing.length > 0) await tx.delete(calendarDays).where(inYear);
  if (input.days.length > 0)
    await tx.insert(calendarDays).values(
      input.days.map((d) => ({
        ...d,
        jurisdiction: input.jurisdiction,
        source: input.source,
        createdAt: now,
        createdBy: actor.userId,
      })),
    );
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: existing.length > 0 ? 'calendar.replace_year' : 'calendar.add_year',
    entityType: 'calendar_days',
    entityId: `${input.jurisdiction}/${input.year}`,
    changes: {
      days: {
        before: existing.length > 0 ? existing.map((d) => `${d.date} ${d.kind}`) : undefined,
        after: input.days.map((d) => `${d.date} ${d.kind}`),
      },
      source: { after: input.source },
    },
  });
  const recomputed = await recomputeClocksForYear(deps, tx, origin, input.jurisdiction, input.year);
  return {
    jurisdiction: input.jurisdiction,
    year: input.year,
    days: input.days.length,
    recomputedClocks: recomputed.length,
  };
}
