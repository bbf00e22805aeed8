import { and, eq, gte, inArray, isNotNull, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { computeKpis, KPI_MEASURES, type KpiMeasure, type KpiValue, type LocalDate } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import {
  applications,
  caseAssignments,
  caseClocks,
  caseClosings,
  caseEvaluations,
  caseRatings,
  complaints,
  followUpVisits,
  organisations,
} from '../../db/schema/index.ts';
import { ownerInScope, type DataScope } from '../../platform/scope/data-scope.ts';
import { jurisdictionOf, listItemsInForce } from '../applications/application-rules.ts';

const CENTRE_KINDS = ['city_centre', 'district_centre'];
/** The statutory periods a centre's own staff work to (the applicant's and the bureau's are not the centre's). */
const CENTRE_PERIODS = ['review_decision', 'assignment', 'agreement_signing', 'closing_materials'] as const;

export interface CentreKpis {
  organisationId: string;
  name: string;
  measures: Record<KpiMeasure, number>;
  kpis: KpiValue[];
}

type Counts = Map<string, Partial<Record<KpiMeasure, number>>>;

const within = (column: AnyColumn, from: Date, to: Date): SQL => and(gte(column, from), lte(column, to))!;

/** Adds grouped counts (`org`, then measure columns) into the per-centre map. */
function add(counts: Counts, rows: readonly Record<string, unknown>[]) {
  for (const row of rows) {
    const org = row.org as string;
    const entry = counts.get(org) ?? {};
    for (const [k, v] of Object.entries(row))
      if (k !== 'org') entry[k as KpiMeasure] = (entry[k as KpiMeasure] ?? 0) + Number(v ?? 0);
    counts.set(org, entry);
  }
}

/**
 * Each centre's measures for the period (Beijing days `from`–`to`, both included) and the
 * indicators the `centre_kpi` rows in force on `to` compute from them, for the centres in scope
 * (the bureau: all; a director: their own).
 */
export async function centreKpis(
  db: Queryable,
  scope: DataScope,
  fromDay: LocalDate,
  toDay: LocalDate,
): Promise<CentreKpis[]> {
  const centres = await db
    .select({ id: organisations.id, name: organisations.name, code: organisations.code })
    .from(organisations)
    .where(and(inArray(organisations.kind, CENTRE_KINDS), ownerInScope(scope, organisations.id)))
    .orderBy(organisations.code);
  if (centres.length === 0) return [];
  const ids = centres.map((c) => c.id);
  const from = new Date(`${fromDay}T00:00:00+08:00`);
  const to = new Date(`${toDay}T23:59:59.999+08:00`);
  const counts: Counts = new Map();
  const int = (expr: SQL) => sql<number>`${expr}::int`;

  add(
    counts,
    await db
      .select({
        org: caseClocks.ownerOrgId,
        clocks_stopped: int(sql`count(*)`),
        clocks_on_time: int(sql`count(*) FILTER (WHERE ${caseClocks.stoppedAt} <= ${caseClocks.dueAt})`),
      })
      .from(caseClocks)
      .where(
        and(
          inArray(caseClocks.ownerOrgId, ids),
          inArray(caseClocks.period, [...CENTRE_PERIODS]),
          eq(caseClocks.status, 'stopped'),
          within(caseClocks.stoppedAt, from, to),
        ),
      )
      .groupBy(caseClocks.ownerOrgId),
  );
  add(
    counts,
    await db
      .select({
        org: applications.ownerOrgId,
        evaluations: int(sql`count(*)`),
        evaluation_score_sum: int(sql`coalesce(sum(${caseEvaluations.score}), 0)`),
      })
      .from(caseEvaluations)
      .innerJoin(applications, eq(applications.id, caseEvaluations.applicationId))
      .where(and(inArray(applications.ownerOrgId, ids), within(caseEvaluations.evaluatedAt, from, to)))
      .groupBy(applications.ownerOrgId),
  );
  add(
    counts,
    await db
      .select({
        org: followUpVisits.organisationId,
        satisfaction_count: int(sql`count(*)`),
        satisfaction_sum: int(sql`coalesce(sum(${followUpVisits.satisfaction}), 0)`),
      })
      .from(followUpVisits)
      .where(
        and(
          inArray(followUpVisits.organisationId, ids),
          eq(followUpVisits.method, 'phone'),
          isNotNull(followUpVisits.satisfaction),
          within(followUpVisits.visitedAt, from, to),
        ),
      )
      .groupBy(followUpVisits.organisationId),
  );
  add(
    counts,
    await db
      .select({
        org: applications.ownerOrgId,
        satisfaction_count: int(sql`count(*)`),
        satisfaction_sum: int(sql`coalesce(sum(${caseRatings.score}), 0)`),
      })
      .from(caseRatings)
      .innerJoin(applications, eq(applications.id, caseRatings.applicationId))
      .where(and(inArray(applications.ownerOrgId, ids), within(caseRatings.ratedAt, from, to)))
      .groupBy(applications.ownerOrgId),
  );
  add(
    counts,
    await db
      .select({ org: applications.ownerOrgId, cases_closed: int(sql`count(*)`) })
      .from(caseClosings)
      .innerJoin(applications, eq(applications.id, caseClosings.applicationId))
      .where(
        and(
          inArray(applications.ownerOrgId, ids),
          eq(caseClosings.outcome, 'accepted'),
          within(caseClosings.reviewedAt, from, to),
        ),
      )
      .groupBy(applications.ownerOrgId),
  );
  add(
    counts,
    await db
      .select({ org: complaints.organisationId, complaints_received: int(sql`count(*)`) })
      .from(complaints)
      .where(and(inArray(complaints.organisationId, ids), within(complaints.receivedAt, from, to)))
      .groupBy(complaints.organisationId),
  );
  add(
    counts,
    await db
      .select({
        org: complaints.organisationId,
        complaints_decided: int(sql`count(*)`),
        complaints_upheld: int(sql`count(*) FILTER (WHERE ${complaints.upheld})`),
      })
      .from(complaints)
      .where(
        and(
          inArray(complaints.organisationId, ids),
          isNotNull(complaints.upheld),
          within(complaints.decidedAt, from, to),
        ),
      )
      .groupBy(complaints.organisationId),
  );
  add(
    counts,
    await db
      .select({
        org: applications.ownerOrgId,
        criminal_received: int(sql`count(*)`),
        criminal_assigned: int(
          sql`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${caseAssignments} WHERE ${caseAssignments.applicationId} = ${applications.id} AND ${caseAssignments.status} IN ('pending', 'accepted', 'replaced')))`,
        ),
      })
      .from(applications)
      .where(
        and(
          inArray(applications.ownerOrgId, ids),
          eq(applications.caseType, 'criminal'),
          within(applications.receivedAt, from, to),
        ),
      )
      .groupBy(applications.ownerOrgId),
  );

  const out: CentreKpis[] = [];
  for (const centre of centres) {
    const rows = await listItemsInForce(db, await jurisdictionOf(db, centre.id), 'centre_kpi', toDay);
    const measures = Object.fromEntries(
      KPI_MEASURES.map((m) => [m, counts.get(centre.id)?.[m] ?? 0]),
    ) as Record<KpiMeasure, number>;
    out.push({ organisationId: centre.id, name: centre.name, measures, kpis: computeKpis(measures, rows) });
  }
  return out;
}
