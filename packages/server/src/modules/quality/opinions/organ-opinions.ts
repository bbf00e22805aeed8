import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import {
  addDays,
  beijingDateOf,
  checkOpinionRatings,
  DEFAULT_OPINION_REPLY_DAYS,
  nextOpinionStatus,
  opinionItems,
  poorOpinionItems,
  type LocalDate,
  type OpinionOrganKind,
  type OrganOpinionAction,
  type OrganOpinionAnswerVia,
  type OrganOpinionStatus,
} from '@fayuan/domain';
import type { Tx } from '../../../db/client.ts';
import {
  applications,
  organOpinionRequests,
  partners,
  type OrganOpinionAnswer,
  type OrganOpinionRequestRow,
} from '../../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { ownerInScope } from '../../../platform/scope/data-scope.ts';
import { jurisdictionOf, listItemsInForce } from '../../applications/application-rules.ts';
import { carryingHandlerOf, refreshQualityConcerns } from '../handler-quality.ts';
import { recordOpinionEvent } from './opinion-event.ts';
import { itemsOfRequest } from './organ-opinion-views.ts';

export interface NewOpinionRequest {
  applicationId: string;
  organKind: OpinionOrganKind;
  organName: string;
  /** The organ as a partner: the request then goes through the partner API. */
  partnerId?: string | null | undefined;
  dueOn?: LocalDate | undefined;
}

export interface OpinionAnswerInput {
  ratings: Record<string, number>;
  comment?: string | undefined;
  respondent?: string | undefined;
}

const audit = (deps: AppDeps, now: Date) => ({ cipher: deps.cipher, at: now });

/** An active partner that is a court, procuratorate or police of the kind named, or a 422. */
async function organPartner(tx: Tx, partnerId: string, kind: OpinionOrganKind) {
  const [partner] = await tx
    .select({ id: partners.id, kind: partners.kind, active: partners.active })
    .from(partners)
    .where(eq(partners.id, partnerId));
  if (!partner || !partner.active || partner.kind !== kind)
    throw new AppError('ORGAN_OPINION_PARTNER_INVALID', { field: 'partnerId' });
  return partner;
}

/**
 * Drafts a request for the organ's opinion of a case in the actor's scope that has a handler: the
 * `organ_opinion_item` rows in force are its questions (their ids kept), the channel is the partner
 * API when the organ is a partner, else a printed letter. Audited.
 */
export async function createOpinionRequest(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: NewOpinionRequest,
  origin: RequestOrigin,
) {
  const [app] = await tx
    .select({ id: applications.id, ownerOrgId: applications.ownerOrgId })
    .from(applications)
    .where(and(eq(applications.id, input.applicationId), ownerInScope(actor.scope, applications.ownerOrgId)));
  if (!app) throw new AppError('ORGAN_OPINION_CASE_NOT_FOUND');
  const handlerId = await carryingHandlerOf(tx, app.id);
  if (!handlerId) throw new AppError('ORGAN_OPINION_NO_HANDLER');
  const partnerId = input.partnerId ?? null;
  if (partnerId) await organPartner(tx, partnerId, input.organKind);
  const now = deps.clock.now();
  const today = beijingDateOf(now);
  if (input.dueOn && input.dueOn < today) throw new AppError('ORGAN_OPINION_DUE_INVALID', { field: 'dueOn' });
  const items = opinionItems(
    await listItemsInForce(tx, await jurisdictionOf(tx, app.ownerOrgId), 'organ_opinion_item', today),
  );
  const id = randomUUID();
  await tx.insert(organOpinionRequests).values({
    id,
    applicationId: app.id,
    organisationId: app.ownerOrgId,
    handlerId,
    organKind: input.organKind,
    organName: input.organName,
    partnerId,
    channel: partnerId ? 'partner' : 'print',
    questionRuleIds: items.map((i) => i.id),
    dueOn: input.dueOn ?? addDays(today, DEFAULT_OPINION_REPLY_DAYS),
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, audit(deps, now), origin, {
    action: 'organ_opinion_requests.create',
    entityType: 'organ_opinion_requests',
    entityId: id,
    organisationId: app.ownerOrgId,
    changes: {
      applicationId: { after: app.id },
      organ: { after: `${input.organKind}:${input.organName}` },
      partnerId: { after: partnerId },
    },
  });
  return { id };
}

/** The request in the actor's scope, locked, at the version the caller saw. */
async function lockedRequest(tx: Tx, actor: Actor, id: string, version: number | undefined) {
  const [row] = await tx
    .select()
    .from(organOpinionRequests)
    .where(
      and(eq(organOpinionRequests.id, id), ownerInScope(actor.scope, organOpinionRequests.organisationId)),
    )
    .for('update');
  if (!row) throw new AppError('ORGAN_OPINION_NOT_FOUND');
  if (version !== undefined && version !== row.version) throw new AppError('ORGAN_OPINION_STALE');
  return row;
}

function stepTo(
  row: OrganOpinionRequestRow,
  action: OrganOpinionAction,
  via?: OrganOpinionAnswerVia,
): OrganOpinionStatus {
  const next = nextOpinionStatus(row.status, action, row.channel, via);
  if (!next) throw new AppError('ORGAN_OPINION_STEP_NOT_OPEN', { status: row.status });
  return next;
}

/**
 * Sends a drafted request: to a partner organ as the event `opinion_requested`, written in this
 * transaction so the pull endpoint and the callbacks carry it (at least once); to any other organ
 * it is marked printed, the letter (letter.pdf) being what goes out.
 */
/**
 * Moves a request to its next status with the columns the step sets (the version moves on), and
 * audits the step with what it changed. Returns the new status and version.
 */
async function moveRequest(
  deps: AppDeps,
  tx: Tx,
  row: OrganOpinionRequestRow,
  step: { status: OrganOpinionRequestRow['status']; action: string; now: Date; origin: RequestOrigin },
  set: Partial<typeof organOpinionRequests.$inferInsert>,
  changes: Record<string, { before?: unknown; after: unknown }> = {},
) {
  await tx
    .update(organOpinionRequests)
    .set({ ...set, status: step.status, version: row.version + 1, updatedAt: step.now })
    .where(eq(organOpinionRequests.id, row.id));
  await recordAudit(tx, audit(deps, step.now), step.origin, {
    action: `organ_opinion_requests.${step.action}`,
    entityType: 'organ_opinion_requests',
    entityId: row.id,
    organisationId: row.organisationId,
    changes: { status: { before: row.status, after: step.status }, ...changes },
  });
  return { status: step.status, version: row.version + 1 };
}

export async function sendOpinionRequest(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  version: number | undefined,
  origin: RequestOrigin,
) {
  const row = await lockedRequest(tx, actor, id, version);
  const status = stepTo(row, 'send');
  if (row.channel === 'partner') {
    await organPartner(tx, row.partnerId!, row.organKind);
    await recordOpinionEvent(deps, tx, row);
  }
  const now = deps.clock.now();
  return moveRequest(
    deps,
    tx,
    row,
    { status, action: 'send', now, origin },
    { sentAt: now, sentBy: actor.userId },
  );
}

/** Cancels a request not yet answered, with the reason. */
export async function cancelOpinionRequest(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { version?: number | undefined; reason: string },
  origin: RequestOrigin,
) {
  const row = await lockedRequest(tx, actor, id, input.version);
  const status = stepTo(row, 'cancel');
  const now = deps.clock.now();
  return moveRequest(
    deps,
    tx,
    row,
    { status, action: 'cancel', now, origin },
    { cancelReason: input.reason, cancelledAt: now },
  );
}

const sameAnswer = (a: OrganOpinionAnswer | null, b: OrganOpinionAnswer) =>
  a !== null &&
  a.comment === b.comment &&
  a.respondent === b.respondent &&
  Object.keys(a.ratings).length === Object.keys(b.ratings).length &&
  Object.entries(b.ratings).every(([k, v]) => a.ratings[k] === v);

/**
 * Records the organ's answer to a request: checked against the request's own items, any rated 1 or
 * 2 kept as `poorItems`, and the handler's quality record brought up to date in the same
 * transaction. The same answer again is a no-op (a partner's retry); a different one is a 409.
 */
async function recordAnswer(
  deps: AppDeps,
  tx: Tx,
  row: OrganOpinionRequestRow,
  via: OrganOpinionAnswerVia,
  recordedBy: string,
  input: OpinionAnswerInput,
  origin: RequestOrigin,
) {
  const answer: OrganOpinionAnswer = {
    ratings: input.ratings,
    comment: input.comment ?? null,
    respondent: input.respondent ?? null,
  };
  if (row.status === 'answered' && row.answerVia === via && sameAnswer(row.answer, answer))
    return { status: row.status, version: row.version, poorItems: row.poorItems ?? [] };
  if (row.status === 'answered') throw new AppError('ORGAN_OPINION_ALREADY_ANSWERED');
  const status = stepTo(row, 'answer', via);
  const items = await itemsOfRequest(tx, row.questionRuleIds);
  const problem = checkOpinionRatings(input.ratings, items);
  if (problem)
    throw new AppError('ORGAN_OPINION_ANSWER_INVALID', { problem: problem.code, item: problem.item });
  const poorItems = poorOpinionItems(input.ratings, items);
  const now = deps.clock.now();
  const moved = await moveRequest(
    deps,
    tx,
    row,
    { status, action: 'answer', now, origin },
    { answer, answerVia: via, answerRecordedBy: recordedBy, answeredAt: now, poorItems },
    { via: { after: via }, ratings: { after: input.ratings }, poorItems: { after: poorItems } },
  );
  if (row.handlerId) await refreshQualityConcerns(deps, tx, row.handlerId, origin);
  return { ...moved, poorItems };
}

/** Staff record an answer that came on paper (the printed letter's reply form, or a partner's letter). */
export async function recordPaperAnswer(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: OpinionAnswerInput & { version?: number | undefined },
  origin: RequestOrigin,
) {
  const row = await lockedRequest(tx, actor, id, input.version);
  return recordAnswer(deps, tx, row, 'paper', actor.userId, input, origin);
}

/**
 * A partner answers a request addressed to it through the partner API: any other request, whoever
 * it went to, is not found (the partner learns nothing about it).
 */
export async function recordPartnerAnswer(
  deps: AppDeps,
  tx: Tx,
  partner: { partnerId: string; actor: Actor },
  id: string,
  input: OpinionAnswerInput,
  origin: RequestOrigin,
) {
  const [row] = await tx
    .select()
    .from(organOpinionRequests)
    .where(
      and(
        eq(organOpinionRequests.id, id),
        eq(organOpinionRequests.partnerId, partner.partnerId),
        eq(organOpinionRequests.channel, 'partner'),
        // A draft was never sent: the partner cannot know it.
        ne(organOpinionRequests.status, 'drafted'),
      ),
    )
    .for('update');
  if (!row) throw new AppError('ORGAN_OPINION_NOT_FOUND');
  const result = await recordAnswer(deps, tx, row, 'partner_api', partner.actor.userId, input, origin);
  return { id: row.id, status: result.status };
}
