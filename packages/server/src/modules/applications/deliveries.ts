import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  beijingDateOf,
  compareDates,
  endOfBeijingDay,
  PERIODS_FROM_DELIVERY,
  type DocumentKind,
  type LifecycleFacts,
  type LocalDate,
  type PeriodKind,
} from '@fayuan/domain';
import type { Queryable, Tx } from '../../db/client.ts';
import {
  applicationEvents,
  applications,
  attachments,
  deliveries,
  issuedDocuments,
  objections,
  type ApplicationRow,
  type ClockRow,
  type DeliveryRow,
} from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { jurisdictionOf, periodInForce } from './application-rules.ts';
import type { DeliveryInput } from './applications.schemas.ts';
import { refreshNextDue, startClock } from './clocks.ts';
import { lockedApplication } from './supplement.ts';

/**
 * The decision an applicant may object to in each state (LAL art.49), and the period that runs
 * from its delivery (PERIODS_FROM_DELIVERY).
 */
const OBJECTABLE: Partial<
  Record<ApplicationRow['state'], { document: DocumentKind; against: 'refusal' | 'termination' }>
> = {
  refused: { document: 'refusal_decision', against: 'refusal' },
  terminated: { document: 'termination_decision', against: 'termination' },
};

function periodFromDelivery(document: DocumentKind): PeriodKind | undefined {
  return (Object.entries(PERIODS_FROM_DELIVERY) as [PeriodKind, DocumentKind][]).find(
    ([, d]) => d === document,
  )?.[0];
}

/**
 * Records that an issued document reached the applicant (送达): method, day, by whom, proof. For a
 * decision whose objection period runs from receipt (BJR art.24), the period starts now, counted
 * from the delivery day with the rule row in force that day; with no row (LAL art.49 gives a
 * termination none) no clock starts and the objection stays without a deadline.
 */
export async function recordDelivery(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: DeliveryInput,
  origin: RequestOrigin,
) {
  const app = await lockedApplication(tx, actor, id);
  const now = deps.clock.now();
  const [document] = await tx
    .select()
    .from(issuedDocuments)
    .where(and(eq(issuedDocuments.id, input.documentId), eq(issuedDocuments.applicationId, id)));
  if (!document) throw new AppError('DELIVERY_DOCUMENT_UNKNOWN', { field: 'documentId' });
  const deliveredOn = input.deliveredOn as LocalDate;
  if (compareDates(deliveredOn, beijingDateOf(now)) > 0)
    throw new AppError('DELIVERY_DATE_IN_FUTURE', { field: 'deliveredOn' });
  if (compareDates(deliveredOn, beijingDateOf(document.issuedAt)) < 0)
    throw new AppError('DELIVERY_BEFORE_DOCUMENT', {
      field: 'deliveredOn',
      issuedOn: beijingDateOf(document.issuedAt),
    });
  // A receipt signed by the applicant or the courier, a notice's publication, or for an SMS the
  // platform's delivery report.
  if (!input.proofAttachmentId && !(input.method === 'sms' && input.smsReportRef))
    throw new AppError('DELIVERY_PROOF_REQUIRED', {
      field: input.method === 'sms' ? 'smsReportRef' : 'proofAttachmentId',
    });
  if (input.proofAttachmentId) {
    const [proof] = await tx
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.id, input.proofAttachmentId), eq(attachments.applicationId, id)));
    if (!proof) throw new AppError('DELIVERY_PROOF_UNKNOWN', { field: 'proofAttachmentId' });
  }
  const [already] = await tx
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(eq(deliveries.documentId, document.id));
  if (already) throw new AppError('DELIVERY_ALREADY_RECORDED', { deliveryId: already.id });

  const row: DeliveryRow = {
    id: randomUUID(),
    applicationId: id,
    ownerOrgId: app.ownerOrgId,
    documentId: document.id,
    method: input.method,
    deliveredOn,
    deliveredBy: input.deliveredBy,
    proofAttachmentId: input.proofAttachmentId ?? null,
    smsReportRef: input.smsReportRef ?? null,
    recordedBy: actor.userId,
    recordedAt: now,
  };
  await tx.insert(deliveries).values(row);

  let citation = 'LAL art.49';
  const period = periodFromDelivery(document.kind);
  const objectable = OBJECTABLE[app.state];
  if (period && objectable?.document === document.kind) {
    const jurisdiction = await jurisdictionOf(tx, app.ownerOrgId);
    const rule = await periodInForce(tx, jurisdiction, period, deliveredOn);
    if (rule) {
      citation = rule.citation;
      // The delivery day is not counted (民法典 art.201): the period runs from the next day.
      await startClock(
        tx,
        { applicationId: id, ownerOrgId: app.ownerOrgId, jurisdiction },
        period,
        new Date(endOfBeijingDay(deliveredOn)),
      );
      await refreshNextDue(tx, id);
    }
  }
  await tx
    .update(applications)
    .set({ version: app.version + 1, updatedAt: now })
    .where(eq(applications.id, id));
  const payload = {
    deliveryId: row.id,
    document: document.number,
    documentKind: document.kind,
    method: row.method,
    deliveredOn,
  };
  await tx.insert(applicationEvents).values({
    id: randomUUID(),
    applicationId: id,
    event: 'record_delivery',
    fromState: app.state,
    toState: app.state,
    citation,
    payload,
    actorId: actor.userId,
    actorKind: 'staff',
    at: now,
  });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'application.delivery_recorded',
    entityType: 'applications',
    entityId: id,
    changes: {
      delivery: {
        after: {
          ...payload,
          deliveredBy: row.deliveredBy,
          proofAttachmentId: row.proofAttachmentId,
          smsReportRef: row.smsReportRef,
        },
      },
    },
  });
  return row;
}

export async function deliveriesOf(db: Queryable, applicationId: string) {
  return db
    .select({
      delivery: deliveries,
      documentKind: issuedDocuments.kind,
      documentNumber: issuedDocuments.number,
    })
    .from(deliveries)
    .innerJoin(issuedDocuments, eq(issuedDocuments.id, deliveries.documentId))
    .where(eq(deliveries.applicationId, applicationId))
    .orderBy(asc(deliveries.recordedAt));
}

/** Where the objection period of a refused or terminated application stands, for the case header. */
export type ObjectionWindowView =
  | { status: 'not_delivered' | 'no_period' | 'closed'; dueAt: null; citation: string | null }
  | { status: 'running'; dueAt: string; citation: string };

/**
 * The objection facts of a refused or terminated application at `at` (LAL art.49; BJR art.24):
 * - an objection already filed against the decision closes it (the bureau's answer is final there);
 * - a clock started on delivery: open until its due time; stopped (lapsed) means closed;
 * - no clock and a period rule in force: not delivered yet, open with no due date;
 * - no period rule in force (a termination): open, with no deadline; once delivered, the case
 *   may be closed and filed away without waiting for an objection that has no deadline.
 * Other states: no objection (the clocks' facts stand).
 */
export async function objectionWindowOf(
  db: Queryable,
  app: ApplicationRow,
  clocks: readonly ClockRow[],
  at: Date,
): Promise<{ facts: LifecycleFacts; view: ObjectionWindowView } | undefined> {
  const objectable = OBJECTABLE[app.state];
  const period = objectable && periodFromDelivery(objectable.document);
  if (!objectable || !period) return undefined;
  const closed = (citation: string | null) => ({
    facts: { objectionWindowOpen: false, objectionHasNoDeadline: false },
    view: { status: 'closed' as const, dueAt: null, citation },
  });
  const [filed] = await db
    .select({ id: objections.id })
    .from(objections)
    .where(and(eq(objections.applicationId, app.id), eq(objections.against, objectable.against)))
    .limit(1);
  if (filed) return closed('LAL art.49');
  const clock = clocks
    .filter((c) => c.period === period)
    .sort((x, y) => y.startedAt.getTime() - x.startedAt.getTime())[0];
  if (clock) {
    if (clock.status !== 'running' || at.getTime() > clock.dueAt.getTime()) return closed(clock.citation);
    return {
      facts: { objectionWindowOpen: true, objectionHasNoDeadline: false },
      view: { status: 'running', dueAt: clock.dueAt.toISOString(), citation: clock.citation },
    };
  }
  const rule = await periodInForce(db, await jurisdictionOf(db, app.ownerOrgId), period, beijingDateOf(at));
  if (rule)
    return {
      facts: { objectionWindowOpen: true, objectionHasNoDeadline: false },
      view: { status: 'not_delivered', dueAt: null, citation: rule.citation },
    };
  // No deadline: the case may be filed away, but only once the decision (which states the right
  // to object) has reached the applicant.
  const [delivered] = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .innerJoin(issuedDocuments, eq(issuedDocuments.id, deliveries.documentId))
    .where(and(eq(deliveries.applicationId, app.id), eq(issuedDocuments.kind, objectable.document)))
    .limit(1);
  return {
    facts: { objectionWindowOpen: true, objectionHasNoDeadline: delivered !== undefined },
    view: { status: 'no_period', dueAt: null, citation: 'LAL art.49' },
  };
}

/** The applications (of `ids`) whose refusal or termination decision has no delivery recorded: "未送达". */
export async function undelivered(db: Queryable, apps: readonly ApplicationRow[]): Promise<Set<string>> {
  const waiting = apps.filter((a) => OBJECTABLE[a.state] !== undefined);
  if (waiting.length === 0) return new Set();
  const docs = await db
    .select({
      applicationId: issuedDocuments.applicationId,
      kind: issuedDocuments.kind,
      delivered: deliveries.id,
    })
    .from(issuedDocuments)
    .leftJoin(deliveries, eq(deliveries.documentId, issuedDocuments.id))
    .where(
      and(
        inArray(
          issuedDocuments.applicationId,
          waiting.map((a) => a.id),
        ),
        inArray(issuedDocuments.kind, ['refusal_decision', 'termination_decision']),
      ),
    );
  const result = new Set<string>();
  for (const a of waiting) {
    const own = docs.filter((d) => d.applicationId === a.id && d.kind === OBJECTABLE[a.state]?.document);
    if (own.length > 0 && own.every((d) => d.delivered === null)) result.add(a.id);
  }
  return result;
}
