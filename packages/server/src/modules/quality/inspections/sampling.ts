import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import {
  drawSample,
  samplingPlanProblem,
  SAMPLING_METHOD,
  type LocalDate,
  type SamplingCase,
  type SamplingPlan,
} from '@fayuan/domain';
import type { Queryable, Tx } from '../../../db/client.ts';
import {
  applications,
  caseAssignments,
  caseClosings,
  handlers,
  organisations,
  sampledCases,
  samplingPlans,
  type SamplingPlanRow,
} from '../../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { ownerInScope } from '../../../platform/scope/data-scope.ts';

/** The states of a case whose closing was accepted (结案 and after). */
export const CLOSED_STATES = ['closed', 'evaluated', 'subsidy_paid', 'archived'] as const;

export interface NewSamplingPlan extends SamplingPlan {
  organisationId?: string | undefined;
  name: string;
  closedFrom: LocalDate;
  closedTo: LocalDate;
}

/** The first and last instant of a span of Beijing dates. */
const beijingSpan = (from: LocalDate, to: LocalDate) => ({
  from: new Date(`${from}T00:00:00+08:00`),
  to: new Date(`${to}T23:59:59.999+08:00`),
});

/**
 * The population of a draw: the centre's cases in a closed state whose closing was accepted on a
 * Beijing date in the period, each with the accepted assignment's handler and firm and its case type.
 */
export async function closedCasesOf(
  db: Queryable,
  organisationId: string,
  closedFrom: LocalDate,
  closedTo: LocalDate,
): Promise<SamplingCase[]> {
  const span = beijingSpan(closedFrom, closedTo);
  const rows = await db
    .select({
      id: applications.id,
      caseType: applications.caseType,
      handlerId: caseAssignments.handlerId,
      firmId: handlers.firmId,
    })
    .from(applications)
    .innerJoin(
      caseClosings,
      and(eq(caseClosings.applicationId, applications.id), eq(caseClosings.outcome, 'accepted')),
    )
    .innerJoin(
      caseAssignments,
      and(eq(caseAssignments.applicationId, applications.id), eq(caseAssignments.status, 'accepted')),
    )
    .innerJoin(handlers, eq(handlers.id, caseAssignments.handlerId))
    .where(
      and(
        eq(applications.ownerOrgId, organisationId),
        inArray(applications.state, [...CLOSED_STATES]),
        gte(caseClosings.reviewedAt, span.from),
        lte(caseClosings.reviewedAt, span.to),
      ),
    );
  return rows.map((r) => ({ id: r.id, handlerId: r.handlerId, firmId: r.firmId, caseType: r.caseType }));
}

/**
 * Records a sampling plan for a centre in the actor's scope (their own unless they name one). The
 * share, minimum and cap are the centre's choice; the plan's problem, if any, is refused.
 */
export async function createSamplingPlan(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: NewSamplingPlan,
  origin: RequestOrigin,
): Promise<{ id: string }> {
  const plan = planOf(input);
  if (input.closedTo < input.closedFrom || samplingPlanProblem(plan))
    throw new AppError('SAMPLING_PLAN_INVALID', {
      field: input.closedTo < input.closedFrom ? 'closedTo' : '',
    });
  const organisationId = input.organisationId ?? actor.organisationId;
  const [org] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), ownerInScope(actor.scope, organisations.id)));
  if (!org) throw new AppError('NOT_FOUND', { field: 'organisationId' });
  const id = randomUUID();
  const now = deps.clock.now();
  await tx.insert(samplingPlans).values({
    id,
    organisationId,
    name: input.name,
    closedFrom: input.closedFrom,
    closedTo: input.closedTo,
    perMille: plan.perMille,
    minimumPerStratum: plan.minimumPerStratum,
    maximumTotal: plan.maximumTotal ?? null,
    stratifyBy: plan.stratifyBy,
    createdBy: actor.userId,
    createdAt: now,
  });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'sampling_plan.create',
    entityType: 'sampling_plans',
    entityId: id,
    organisationId,
    changes: {
      name: { after: input.name },
      closedFrom: { after: input.closedFrom },
      closedTo: { after: input.closedTo },
      perMille: { after: plan.perMille },
      minimumPerStratum: { after: plan.minimumPerStratum },
      maximumTotal: { after: plan.maximumTotal ?? null },
      stratifyBy: { after: plan.stratifyBy },
    },
  });
  return { id };
}

const planOf = (p: SamplingPlan): SamplingPlan => ({
  perMille: p.perMille,
  minimumPerStratum: p.minimumPerStratum,
  ...(p.maximumTotal !== undefined && p.maximumTotal !== null ? { maximumTotal: p.maximumTotal } : {}),
  stratifyBy: p.stratifyBy,
});

/** A plan in the actor's scope, locked for the draw. */
async function lockedPlan(tx: Tx, actor: Actor, id: string): Promise<SamplingPlanRow> {
  const [row] = await tx
    .select()
    .from(samplingPlans)
    .where(and(eq(samplingPlans.id, id), ownerInScope(actor.scope, samplingPlans.organisationId)))
    .for('update');
  if (!row) throw new AppError('SAMPLING_PLAN_NOT_FOUND');
  return row;
}

/**
 * Draws the plan's sample, once: the population read now, the seed the caller gave or 96 random
 * bits from node:crypto, the method's name; the drawn list written in order (frozen by a trigger)
 * and the draw audited with the seed, so that anyone can redraw it with `drawSample`.
 */
export async function drawPlan(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  givenSeed: string | undefined,
  origin: RequestOrigin,
): Promise<void> {
  const row = await lockedPlan(tx, actor, id);
  if (row.drawnAt) throw new AppError('SAMPLING_ALREADY_DRAWN');
  const population = await closedCasesOf(
    tx,
    row.organisationId,
    row.closedFrom as LocalDate,
    row.closedTo as LocalDate,
  );
  const seed = givenSeed ?? randomBytes(12).toString('hex');
  const draw = drawSample(population, planOf({ ...row, maximumTotal: row.maximumTotal ?? undefined }), seed);
  const now = deps.clock.now();
  await tx
    .update(samplingPlans)
    .set({
      seed,
      samplingMethod: SAMPLING_METHOD,
      population,
      strata: draw.strata,
      drawnBy: actor.userId,
      drawnAt: now,
    })
    .where(eq(samplingPlans.id, row.id));
  const byId = new Map(population.map((c) => [c.id, c]));
  if (draw.drawn.length > 0)
    await tx.insert(sampledCases).values(
      draw.drawn.map((applicationId, i) => ({
        planId: row.id,
        position: i + 1,
        applicationId,
        organisationId: row.organisationId,
        handlerId: byId.get(applicationId)?.handlerId ?? '',
      })),
    );
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'sampling_plan.draw',
    entityType: 'sampling_plans',
    entityId: row.id,
    organisationId: row.organisationId,
    changes: {
      seed: { after: seed },
      samplingMethod: { after: SAMPLING_METHOD },
      population: { after: population.length },
      drawn: { after: draw.drawn.join(',') },
    },
  });
}
