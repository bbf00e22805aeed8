import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { perMille } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { organisations } from '../../db/schema/index.ts';
import { pathInScope, type DataScope } from '../../platform/scope/data-scope.ts';

export interface DistrictKpis {
  centre: { id: string; name: string };
  /** 认罪认罚具结书签署在场: services of that type in the month (CPL art.174). */
  pleaPresences: number;
  /** Criminal notices received in the month (LAL art.25, art.28). */
  notifiedCases: number;
  /** Of those, the ones whose first assignment came by the due date of the `assignment` clock (LAL art.36). */
  notifiedAssignedInTime: number;
  notifiedAssignedInTimePerMille: number | null;
  /** Criminal cases (notices and applications) received in the month. */
  criminalCases: number;
  /** Of those, the ones with a handler assigned (pending or accepted) now. */
  criminalCasesWithLawyer: number;
  defenceCoveragePerMille: number | null;
}

/** The Beijing bounds of a month `YYYY-MM`: [from, to). */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${next}-01T00:00:00+08:00`) };
}

/**
 * Duty-lawyer and criminal legal aid KPIs per district centre and month (docs/duty-lawyers.md has the
 * formulas and what they cannot see):
 * - plea presences: count of `plea_signing_presence` services at the district's stations (no share:
 *   Fayuan does not know how many plea agreements were signed in all);
 * - notified cases assigned within 3 days: notices received in the month whose first assignment is
 *   at or before the due date of their `assignment` clock (LAL art.36), over the notices received;
 * - defence coverage (刑事案件律师辩护全覆盖, as Fayuan can see it): criminal cases received in the
 *   month with a handler assigned now, over the criminal cases received.
 */
export async function dutyKpis(db: Queryable, scope: DataScope, month: string): Promise<DistrictKpis[]> {
  const { from, to } = monthBounds(month);
  const centres = await db
    .select({ id: organisations.id, name: organisations.name, path: organisations.path })
    .from(organisations)
    .where(
      and(
        inArray(organisations.kind, ['district_centre']),
        eq(organisations.active, true),
        pathInScope(scope, organisations.path),
      ),
    )
    .orderBy(asc(organisations.code));
  const result: DistrictKpis[] = [];
  for (const c of centres) {
    const under = `${c.path.replace(/[\\%_]/g, (x) => `\\${x}`)}%`;
    const pleaRows = await db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM duty_services s JOIN organisations o ON o.id = s.station_org_id
      WHERE o.path LIKE ${under} AND 'plea_signing_presence' = ANY(s.service_types)
        AND s.served_at >= ${from} AND s.served_at < ${to}`);
    const noticeRows = await db.execute<{ total: number; in_time: number }>(sql`
      SELECT count(*)::int AS total,
        count(*) FILTER (WHERE first.assigned_at IS NOT NULL AND first.assigned_at <= clock.due_at)::int AS in_time
      FROM applications a
      JOIN organisations o ON o.id = a.owner_org_id
      LEFT JOIN LATERAL (SELECT min(ca.assigned_at) AS assigned_at FROM case_assignments ca
        WHERE ca.application_id = a.id) first ON true
      LEFT JOIN LATERAL (SELECT cc.due_at FROM case_clocks cc
        WHERE cc.application_id = a.id AND cc.period = 'assignment' ORDER BY cc.started_at LIMIT 1) clock ON true
      WHERE o.path LIKE ${under} AND a.channel = 'criminal_notice'
        AND a.received_at >= ${from} AND a.received_at < ${to}`);
    const coverageRows = await db.execute<{ total: number; covered: number }>(sql`
      SELECT count(*)::int AS total,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM case_assignments ca WHERE ca.application_id = a.id
          AND ca.status IN ('pending', 'accepted')))::int AS covered
      FROM applications a JOIN organisations o ON o.id = a.owner_org_id
      WHERE o.path LIKE ${under} AND a.case_type = 'criminal'
        AND a.received_at >= ${from} AND a.received_at < ${to}`);
    const plea = pleaRows.rows[0]?.n ?? 0;
    const notices = noticeRows.rows[0] ?? { total: 0, in_time: 0 };
    const coverage = coverageRows.rows[0] ?? { total: 0, covered: 0 };
    result.push({
      centre: { id: c.id, name: c.name },
      pleaPresences: plea,
      notifiedCases: notices.total,
      notifiedAssignedInTime: notices.in_time,
      notifiedAssignedInTimePerMille: perMille(notices.in_time, notices.total),
      criminalCases: coverage.total,
      criminalCasesWithLawyer: coverage.covered,
      defenceCoveragePerMille: perMille(coverage.covered, coverage.total),
    });
  }
  return result;
}
