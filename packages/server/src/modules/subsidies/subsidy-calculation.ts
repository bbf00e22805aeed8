import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import {
  beijingDateOf,
  calculateSubsidy,
  effectiveByKey,
  isCriminalStage,
  subsidyRateKey,
  type LocalDate,
  type SubsidyPolicyRule,
  type SubsidyRateRule,
} from '@fayuan/domain';
import type { Queryable, Tx } from '../../db/client.ts';
import {
  applications,
  caseActivities,
  caseAssignments,
  caseClosings,
  caseEvaluations,
  criminalNotices,
  issuedDocuments,
  subsidyCalculations,
  type DeclaredFactors,
  type SubsidyCalculationRow,
} from '../../db/schema/index.ts';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors.ts';
import { jurisdictionOf } from '../applications/application-rules.ts';
import { jurisdictionChain, rulesOf } from '../rules/rules.repository.ts';
import { toDomainRule } from '../rules/rule-tables.ts';
import { payeeOf } from './subsidies.repository.ts';

export const NO_DECLARED: DeclaredFactors = {
  extraStages: 0,
  extraParties: 0,
  remoteTravel: false,
  complex: false,
};

/** The subsidy rows and the policy in force on `date` for the centre's jurisdictions, one per key. */
export async function subsidyRulesOn(db: Queryable, ownerOrgId: string, date: LocalDate) {
  const chain = await jurisdictionChain(db, await jurisdictionOf(db, ownerOrgId));
  const rates = (await rulesOf(db, 'subsidy_rate', chain)).map((r) => toDomainRule<SubsidyRateRule>(r));
  const policies = (await rulesOf(db, 'subsidy_policy', chain)).map((r) =>
    toDomainRule<SubsidyPolicyRule>(r),
  );
  return {
    chain,
    rates: [...effectiveByKey(rates, chain, date, subsidyRateKey).values()],
    policy: effectiveByKey(policies, chain, date, () => 'policy').get('policy'),
  };
}

/** What the calculation reads of the case record: stage, hearings held, termination, score, dates. */
async function recordOf(db: Queryable, applicationId: string) {
  const [notice] = await db
    .select({ stage: criminalNotices.stage })
    .from(criminalNotices)
    .where(eq(criminalNotices.applicationId, applicationId));
  const [hearings] = await db
    .select({ n: count() })
    .from(caseActivities)
    .where(
      and(
        eq(caseActivities.applicationId, applicationId),
        eq(caseActivities.kind, 'hearing'),
        inArray(caseActivities.status, ['done', 'held']),
      ),
    );
  const [termination] = await db
    .select({ n: count() })
    .from(issuedDocuments)
    .where(
      and(eq(issuedDocuments.applicationId, applicationId), eq(issuedDocuments.kind, 'termination_decision')),
    );
  const [evaluation] = await db
    .select({ score: caseEvaluations.score })
    .from(caseEvaluations)
    .where(eq(caseEvaluations.applicationId, applicationId))
    .orderBy(desc(caseEvaluations.evaluatedAt))
    .limit(1);
  const [assignment] = await db
    .select({ at: caseAssignments.assignedAt })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.applicationId, applicationId), eq(caseAssignments.status, 'accepted')))
    .orderBy(desc(caseAssignments.assignedAt))
    .limit(1);
  const [closing] = await db
    .select({ at: caseClosings.reviewedAt })
    .from(caseClosings)
    .where(and(eq(caseClosings.applicationId, applicationId), eq(caseClosings.outcome, 'accepted')))
    .orderBy(desc(caseClosings.reviewedAt))
    .limit(1);
  return {
    criminalStage: isCriminalStage(notice?.stage) ? notice.stage : null,
    hearingsHeld: hearings?.n ?? 0,
    terminated: (termination?.n ?? 0) > 0,
    qualityScore: evaluation?.score ?? null,
    assignedAt: assignment?.at ?? null,
    closedAt: closing?.at ?? null,
  };
}

type Review = Pick<SubsidyCalculationRow, 'declared' | 'costs'>;

/**
 * (Re)calculates a closed case's subsidy and stores it: made when the closing is accepted, remade
 * when the evaluation or finance's review facts change, never once approved (an approved subsidy is
 * what gets paid). The standard is the one in force on the date the policy names. Audited.
 */
export async function calculateCaseSubsidy(
  deps: AppDeps,
  tx: Tx,
  applicationId: string,
  origin: RequestOrigin,
  review?: Review,
): Promise<SubsidyCalculationRow | undefined> {
  const [app] = await tx
    .select({ id: applications.id, ownerOrgId: applications.ownerOrgId, caseType: applications.caseType })
    .from(applications)
    .where(eq(applications.id, applicationId));
  if (!app) throw new AppError('NOT_FOUND');
  const [existing] = await tx
    .select()
    .from(subsidyCalculations)
    .where(eq(subsidyCalculations.applicationId, applicationId))
    .for('update');
  if (existing && existing.status !== 'calculated') return existing;
  const payee = await payeeOf(tx, applicationId);
  // A case nobody handled (terminated before acceptance) earns no subsidy.
  if (!payee) return existing;

  const now = deps.clock.now();
  const record = await recordOf(tx, applicationId);
  const closedOn = beijingDateOf(record.closedAt ?? now);
  // Without a policy row (a centre that removed it) the closing date picks the standard: the
  // calculation still happens, so accepting a closing never fails on finance's settings.
  const policy = (await subsidyRulesOn(tx, app.ownerOrgId, closedOn)).policy ?? {
    id: '',
    dateBasis: 'closing' as const,
  };
  const basisDate =
    policy.dateBasis === 'assignment' && record.assignedAt ? beijingDateOf(record.assignedAt) : closedOn;
  const { rates } = await subsidyRulesOn(tx, app.ownerOrgId, basisDate);
  const declared = review?.declared ?? existing?.declared ?? NO_DECLARED;
  const costs = review?.costs ?? existing?.costs ?? [];
  const result = calculateSubsidy(rates, {
    caseType: app.caseType,
    criminalStage: record.criminalStage,
    hearingsHeld: record.hearingsHeld,
    terminated: record.terminated,
    qualityScore: record.qualityScore,
    declared,
    costs,
  });
  const adjustmentFen = existing?.adjustmentFen ?? 0;
  const values = {
    handlerId: payee.handlerId,
    payeeKind: payee.kind,
    payeeFirmId: payee.firmId,
    payeeName: payee.name,
    basisDate,
    dateBasis: policy.dateBasis,
    policyRuleId: policy.id,
    declared,
    costs,
    items: result.items,
    problems: result.problems,
    complete: result.complete,
    computedFen: result.computedFen,
    totalFen: Math.max(0, result.computedFen + adjustmentFen),
    ruleIds: policy.id ? [...result.ruleIds, policy.id] : result.ruleIds,
    ruleVersion: result.ruleVersion,
    baseRuleId: result.items.find((i) => i.kind === 'base')?.ruleId ?? null,
    calculatedAt: now,
  };
  let row: SubsidyCalculationRow;
  if (existing) {
    [row] = (await tx
      .update(subsidyCalculations)
      .set({ ...values, version: existing.version + 1 })
      .where(eq(subsidyCalculations.id, existing.id))
      .returning()) as [SubsidyCalculationRow];
  } else {
    [row] = (await tx
      .insert(subsidyCalculations)
      .values({
        id: randomUUID(),
        applicationId,
        organisationId: app.ownerOrgId,
        status: 'calculated',
        ...values,
      })
      .returning()) as [SubsidyCalculationRow];
  }
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: existing ? 'subsidy_calculations.recalculate' : 'subsidy_calculations.create',
    entityType: 'subsidy_calculations',
    entityId: row.id,
    organisationId: app.ownerOrgId,
    changes: {
      computedFen: { before: existing?.computedFen ?? null, after: row.computedFen },
      ruleVersion: { before: existing?.ruleVersion ?? null, after: row.ruleVersion },
      basisDate: { after: basisDate },
    },
  });
  return row;
}
