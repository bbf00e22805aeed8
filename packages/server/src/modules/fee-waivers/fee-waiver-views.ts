import { and, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import {
  addDays,
  beijingDateOf,
  FEE_WAIVER_CASE_STATES,
  FEE_WAIVER_KINDS,
  summariseFeeWaivers,
  type FeeWaiverBodyKind,
  type FeeWaiverStatus,
  type LocalDate,
} from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { applications, feeWaiverRequests, organisations, persons } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { ownerInScope, type DataScope } from '../../platform/scope/data-scope.ts';

export interface FeeWaiverFilter {
  status?: FeeWaiverStatus | undefined;
  bodyKind?: FeeWaiverBodyKind | undefined;
  applicationId?: string | undefined;
}

const columns = {
  r: feeWaiverRequests,
  number: applications.number,
  recipientName: persons.name,
};

function present({
  r,
  number,
  recipientName,
}: {
  r: typeof feeWaiverRequests.$inferSelect;
  number: string;
  recipientName: string | null;
}) {
  return {
    id: r.id,
    applicationId: r.applicationId,
    applicationNumber: number,
    recipientName: recipientName ?? '',
    bodyKind: r.bodyKind,
    bodyName: r.bodyName,
    requestKind: r.requestKind,
    citation: FEE_WAIVER_KINDS[r.requestKind].citation,
    feeDescription: r.feeDescription,
    amountAskedFen: r.amountAskedFen,
    status: r.status,
    letterNumber: r.letterNumber,
    outcome: r.outcome,
    amountSavedFen: r.amountSavedFen,
    deferredUntil: r.deferredUntil,
    answeredOn: r.answeredOn,
    sentAt: r.sentAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

/** The requests of the actor's centres, those awaiting an answer first, then the newest. */
export async function feeWaiversInScope(db: Queryable, scope: DataScope, filter: FeeWaiverFilter) {
  const rows = await db
    .select(columns)
    .from(feeWaiverRequests)
    .innerJoin(applications, eq(applications.id, feeWaiverRequests.applicationId))
    .leftJoin(persons, eq(persons.id, applications.applicantId))
    .where(
      and(
        ownerInScope(scope, feeWaiverRequests.organisationId),
        filter.status ? eq(feeWaiverRequests.status, filter.status) : undefined,
        filter.bodyKind ? eq(feeWaiverRequests.bodyKind, filter.bodyKind) : undefined,
        filter.applicationId ? eq(feeWaiverRequests.applicationId, filter.applicationId) : undefined,
      ),
    )
    .orderBy(sql`${feeWaiverRequests.status} = 'sent' DESC`, desc(feeWaiverRequests.createdAt))
    .limit(500);
  return rows.map(present);
}

/** One request with its answer. Audited (a read of a recipient's case). */
export async function feeWaiverDetail(deps: AppDeps, actor: Actor, id: string, origin: RequestOrigin) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ ...columns, centreName: organisations.name })
      .from(feeWaiverRequests)
      .innerJoin(applications, eq(applications.id, feeWaiverRequests.applicationId))
      .innerJoin(organisations, eq(organisations.id, feeWaiverRequests.organisationId))
      .leftJoin(persons, eq(persons.id, applications.applicantId))
      .where(and(eq(feeWaiverRequests.id, id), ownerInScope(actor.scope, feeWaiverRequests.organisationId)));
    if (!row) throw new AppError('FEE_WAIVER_NOT_FOUND');
    await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
      action: 'fee_waiver_requests.read',
      entityType: 'fee_waiver_requests',
      entityId: id,
      organisationId: row.r.organisationId,
    });
    return {
      ...present(row),
      centreName: row.centreName,
      answerReference: row.r.answerReference,
      answerNote: row.r.answerNote,
      answeredAt: row.r.answeredAt?.toISOString() ?? null,
      withdrawReason: row.r.withdrawReason,
    };
  });
}

/**
 * A case in the actor's scope found by its number (or id), with its recipient, whether a request
 * can be made for it now, and the court recorded on the application as the body suggested.
 */
export async function caseForFeeWaiver(
  db: Queryable,
  scope: DataScope,
  by: { number?: string | undefined; applicationId?: string | undefined },
) {
  if (!by.number && !by.applicationId) throw new AppError('FEE_WAIVER_CASE_NOT_FOUND');
  const [app] = await db
    .select({
      id: applications.id,
      number: applications.number,
      state: applications.state,
      courtOrAuthority: applications.courtOrAuthority,
      recipientName: persons.name,
    })
    .from(applications)
    .leftJoin(persons, eq(persons.id, applications.applicantId))
    .where(
      and(
        by.applicationId
          ? eq(applications.id, by.applicationId)
          : eq(applications.number, (by.number ?? '').trim()),
        ownerInScope(scope, applications.ownerOrgId),
      ),
    )
    .limit(1);
  if (!app) throw new AppError('FEE_WAIVER_CASE_NOT_FOUND');
  return {
    applicationId: app.id,
    applicationNumber: app.number,
    recipientName: app.recipientName ?? '',
    state: app.state,
    aided: FEE_WAIVER_CASE_STATES.includes(app.state),
    courtName: app.courtOrAuthority,
  };
}

/** A period of at most a year (366 days), from ≤ to. */
export function checkPeriod(from: LocalDate, to: LocalDate) {
  if (to < from || addDays(from, 366) <= to) throw new AppError('FEE_WAIVER_PERIOD_INVALID');
}

/**
 * The statistics' figures for a period, per body kind, over the actor's centres: letters sent in
 * it (by the Beijing date sent), answers dated in it by outcome, deferrals granted, fen saved.
 */
export async function feeWaiverSummary(
  db: Queryable,
  scope: DataScope,
  period: { from: LocalDate; to: LocalDate },
) {
  checkPeriod(period.from, period.to);
  // Beijing midnight of `from` and of the day after `to`, as instants.
  const start = new Date(`${period.from}T00:00:00+08:00`);
  const end = new Date(`${addDays(period.to, 1)}T00:00:00+08:00`);
  const rows = await db
    .select({
      kind: feeWaiverRequests.requestKind,
      sentAt: feeWaiverRequests.sentAt,
      outcome: feeWaiverRequests.outcome,
      answeredOn: feeWaiverRequests.answeredOn,
      amountSavedFen: feeWaiverRequests.amountSavedFen,
    })
    .from(feeWaiverRequests)
    .where(
      and(
        ownerInScope(scope, feeWaiverRequests.organisationId),
        or(
          and(gte(feeWaiverRequests.sentAt, start), lt(feeWaiverRequests.sentAt, end)),
          and(
            gte(feeWaiverRequests.answeredOn, period.from),
            lt(feeWaiverRequests.answeredOn, addDays(period.to, 1)),
          ),
        ),
      ),
    );
  const bodies = summariseFeeWaivers(
    rows.map((r) => ({
      kind: r.kind,
      sentOn: r.sentAt ? beijingDateOf(r.sentAt) : null,
      outcome: r.outcome,
      answeredOn: (r.answeredOn ?? null) as LocalDate | null,
      amountSavedFen: r.amountSavedFen,
    })),
    period,
  );
  const total = bodies.reduce(
    (sum, b) => ({
      sent: sum.sent + b.sent,
      granted: sum.granted + b.granted,
      partlyGranted: sum.partlyGranted + b.partlyGranted,
      refused: sum.refused + b.refused,
      deferred: sum.deferred + b.deferred,
      amountSavedFen: sum.amountSavedFen + b.amountSavedFen,
    }),
    { sent: 0, granted: 0, partlyGranted: 0, refused: 0, deferred: 0, amountSavedFen: 0 },
  );
  return { from: period.from, to: period.to, bodies, total };
}
