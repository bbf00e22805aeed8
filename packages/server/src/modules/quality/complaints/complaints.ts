import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import {
  beijingDateOf,
  complaintStep,
  normalisePhone,
  reviewStep,
  type ComplaintAction,
  type ComplaintChannel,
  type ComplainantRelation,
  type ComplaintReviewResult,
  type ComplaintStep,
  type LocalDate,
} from '@fayuan/domain';
import type { Tx } from '../../../db/client.ts';
import {
  caseAssignments,
  citizens,
  complaints,
  handlers,
  organisations,
  type ComplaintRow,
  type COMPLAINT_REPLY_METHODS,
  type COMPLAINT_SUBJECTS,
} from '../../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { ownerInScope } from '../../../platform/scope/data-scope.ts';
import { issueDocumentNumber } from '../../../platform/documents/document-numbers.ts';
import { enqueueMessage } from '../../../platform/outbox/outbox.ts';
import { jurisdictionOf, listItemsInForce } from '../../applications/application-rules.ts';
import { directorsOf, notifyUsers } from '../../notifications/notify-users.ts';
import { extendHandling, startComplaintClock, stopComplaintClock } from './complaint-clocks.ts';
import { refreshQualityConcerns } from '../handler-quality.ts';

/** 投诉编号: the centre's code, the year and a gap-free sequence of the kind `complaint`. */
const COMPLAINT_NUMBER_PATTERN = '{org}投〔{year}〕第{seq:4}号';

export interface NewComplaint {
  channel: ComplaintChannel;
  organisationId: string;
  about: (typeof COMPLAINT_SUBJECTS)[number];
  text: string;
  wantsReply: boolean;
  applicationId?: string | null;
  handlerId?: string | null;
  citizenId?: string | null;
  complainant?: { name: string; phone?: string | undefined; relation: ComplainantRelation };
  receivedAt?: Date;
  receivedBy?: string | null;
}

/**
 * Receives a complaint from any channel: numbered, the acceptance period started on the working
 * calendar (the rule in force on the day, cited), the centre's complaint handlers told in the
 * bell. A complaint about the handler of a named case names the case's current handler when the
 * complainant did not. In the caller's transaction.
 */
export async function receiveComplaint(
  deps: AppDeps,
  tx: Tx,
  input: NewComplaint,
  origin: RequestOrigin,
): Promise<{ id: string; number: string }> {
  const now = deps.clock.now();
  const receivedAt = input.receivedAt ?? now;
  let handlerId = input.handlerId ?? null;
  if (handlerId) {
    const [handler] = await tx.select({ id: handlers.id }).from(handlers).where(eq(handlers.id, handlerId));
    if (!handler) throw new AppError('COMPLAINT_HANDLER_UNKNOWN', { field: 'handlerId' });
  } else if (input.about === 'handler' && input.applicationId) {
    const [current] = await tx
      .select({ id: caseAssignments.handlerId })
      .from(caseAssignments)
      .where(
        and(
          eq(caseAssignments.applicationId, input.applicationId),
          inArray(caseAssignments.status, ['pending', 'accepted']),
        ),
      );
    handlerId = current?.id ?? null;
  }
  let phone: { sealed: Buffer; hash: Buffer } | null = null;
  if (input.complainant?.phone) {
    const checked = normalisePhone(input.complainant.phone);
    if (!checked.ok) throw new AppError('COMPLAINT_PHONE_INVALID', { field: 'complainant.phone' });
    phone = deps.cipher.seal(checked.phone);
  }
  const id = randomUUID();
  const { number } = await issueDocumentNumber(tx, {
    organisationId: input.organisationId,
    documentKind: 'complaint',
    at: receivedAt,
    defaultPattern: COMPLAINT_NUMBER_PATTERN,
  });
  await tx.insert(complaints).values({
    id,
    number,
    channel: input.channel,
    citizenId: input.citizenId ?? null,
    complainantName: input.complainant?.name ?? null,
    complainantPhoneSealed: phone?.sealed ?? null,
    complainantPhoneHash: phone?.hash ?? null,
    relation: input.complainant?.relation ?? null,
    organisationId: input.organisationId,
    applicationId: input.applicationId ?? null,
    about: input.about,
    handlerId,
    text: input.text,
    wantsReply: input.wantsReply ? 'sms' : 'none',
    receivedAt,
    receivedBy: input.receivedBy ?? null,
  });
  const clock = await startComplaintClock(
    tx,
    { id, organisationId: input.organisationId },
    'complaint_acceptance',
    receivedAt,
  );
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'complaint.receive',
    entityType: 'complaints',
    entityId: id,
    organisationId: input.organisationId,
    changes: {
      number: { after: number },
      channel: { after: input.channel },
      about: { after: input.about },
      ...(input.citizenId ? { citizenId: { after: input.citizenId } } : {}),
      ...(handlerId ? { handlerId: { after: handlerId } } : {}),
      ...(input.complainant ? { complainantName: { after: input.complainant.name } } : {}),
    },
  });
  await notifyUsers(deps, tx, {
    kind: 'complaint_received',
    userIds: await directorsOf(tx, input.organisationId),
    organisationId: input.organisationId,
    applicationId: input.applicationId ?? null,
    complaintId: id,
    dueAt: clock.dueAt,
    params: { complaint: number },
  });
  return { id, number };
}

export type StepInput =
  | { action: 'accept' }
  | { action: 'decline'; reason: string; note?: string | undefined }
  | { action: 'decide'; outcome: string; findings: string; handlerId?: string | null | undefined }
  | { action: 'reply'; text: string; method: (typeof COMPLAINT_REPLY_METHODS)[number] }
  | { action: 'appeal'; text: string }
  | { action: 'review'; result: ComplaintReviewResult; note: string };

/** A complaint in the actor's scope, locked for a step. */
async function lockedComplaint(tx: Tx, actor: Actor, id: string): Promise<ComplaintRow> {
  const [row] = await tx
    .select()
    .from(complaints)
    .where(and(eq(complaints.id, id), ownerInScope(actor.scope, complaints.organisationId)))
    .for('update');
  if (!row) throw new AppError('COMPLAINT_NOT_FOUND');
  return row;
}

/**
 * Takes one step of a complaint's handling (accept, decline, decide, reply, appeal, review): the
 * step must be open in its status (quality/complaints.ts), the version the caller saw must still be
 * current, reasons and outcomes must be rule rows in force (their ids are kept), the periods the
 * step ends stop and the one it opens starts. Audited; the complainant is told of the answer by SMS
 * when they asked for it.
 */
export async function stepComplaint(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: StepInput & { version?: number | undefined },
  origin: RequestOrigin,
): Promise<ComplaintRow> {
  const row = await lockedComplaint(tx, actor, id);
  if (input.version !== undefined && input.version !== row.version) throw new AppError('COMPLAINT_STALE');
  const action: ComplaintAction = input.action;
  let step: ComplaintStep | null = complaintStep(row.status, action);
  if (!step)
    throw new AppError(action === 'appeal' ? 'COMPLAINT_NOT_APPEALABLE' : 'COMPLAINT_STEP_NOT_OPEN', {
      status: row.status,
    });
  const now = deps.clock.now();
  const today = beijingDateOf(now);
  const jurisdiction = await jurisdictionOf(tx, row.organisationId);
  const set: Partial<typeof complaints.$inferInsert> = {};
  switch (input.action) {
    case 'accept':
      Object.assign(set, { acceptedAt: now, acceptedBy: actor.userId });
      break;
    case 'decline': {
      const rule = (await listItemsInForce(tx, jurisdiction, 'complaint_decline_reason', today)).find(
        (r) => r.code === input.reason,
      );
      if (!rule) throw new AppError('COMPLAINT_REASON_UNKNOWN', { field: 'reason' });
      Object.assign(set, {
        declineReason: rule.code,
        declineRuleId: rule.id,
        findings: input.note ?? null,
        decidedAt: now,
        decidedBy: actor.userId,
      });
      break;
    }
    case 'decide': {
      const rule = (await listItemsInForce(tx, jurisdiction, 'complaint_outcome', today)).find(
        (r) => r.code === input.outcome,
      );
      if (!rule) throw new AppError('COMPLAINT_OUTCOME_UNKNOWN', { field: 'outcome' });
      if (input.handlerId) {
        const [handler] = await tx
          .select({ id: handlers.id })
          .from(handlers)
          .where(and(eq(handlers.id, input.handlerId), ownerInScope(actor.scope, handlers.organisationId)));
        if (!handler) throw new AppError('COMPLAINT_HANDLER_UNKNOWN', { field: 'handlerId' });
      }
      Object.assign(set, {
        outcome: rule.code,
        outcomeRuleId: rule.id,
        upheld: rule.params.upheld === true,
        findings: input.findings,
        decidedAt: now,
        decidedBy: actor.userId,
        ...(input.handlerId !== undefined ? { handlerId: input.handlerId } : {}),
      });
      break;
    }
    case 'reply':
      Object.assign(set, {
        replyText: input.text,
        replyMethod: input.method,
        repliedAt: now,
        repliedBy: actor.userId,
      });
      break;
    case 'appeal':
      Object.assign(set, { appealText: input.text, appealedAt: now });
      break;
    case 'review':
      step = reviewStep(input.result);
      Object.assign(set, {
        reviewResult: input.result,
        reviewNote: input.note,
        reviewedAt: now,
        reviewedBy: actor.userId,
        // Sent back: the outcome is void until it is decided again (the audit keeps the old one).
        ...(input.result === 'redo'
          ? { outcome: null, outcomeRuleId: null, upheld: null, decidedAt: null, decidedBy: null }
          : {}),
      });
      break;
  }
  if (step.stops) await stopComplaintClock(tx, row.id, step.stops, now);
  if (step.starts) await startComplaintClock(tx, row, step.starts, now);
  const [updated] = await tx
    .update(complaints)
    .set({ ...set, status: step.to, version: row.version + 1 })
    .where(eq(complaints.id, row.id))
    .returning();
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: `complaint.${action}`,
    entityType: 'complaints',
    entityId: row.id,
    organisationId: row.organisationId,
    changes: {
      status: { before: row.status, after: step.to },
      ...Object.fromEntries(
        Object.entries(set)
          .filter(([k]) => !k.endsWith('At') && !k.endsWith('By'))
          .map(([k, v]) => [k, { after: v as string | boolean | null }]),
      ),
    },
  });
  if (input.action === 'reply' && row.wantsReply === 'sms') await textComplainant(deps, tx, row);
  // A decided complaint counts on the handler's record (and a review sending it back uncounts it).
  const handlerId = updated?.handlerId ?? row.handlerId;
  if (handlerId && (input.action === 'decide' || input.action === 'review'))
    await refreshQualityConcerns(deps, tx, handlerId, origin);
  if (!updated) throw new AppError('COMPLAINT_NOT_FOUND');
  return updated;
}

/** The complainant's phone, opened only to seal it into the outbox row. */
async function textComplainant(deps: AppDeps, tx: Tx, row: ComplaintRow) {
  let sealed = row.complainantPhoneSealed;
  if (!sealed && row.citizenId) {
    const [c] = await tx
      .select({ phone: citizens.phoneSealed })
      .from(citizens)
      .where(eq(citizens.id, row.citizenId));
    sealed = c?.phone ?? null;
  }
  if (!sealed) return;
  const checked = normalisePhone(deps.cipher.open(sealed));
  if (!checked.ok || checked.kind !== 'mobile') return;
  const phone = checked.phone;
  const [centre] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, row.organisationId));
  await enqueueMessage(tx, deps, {
    channel: 'sms',
    recipient: phone,
    template: 'complaint_answered',
    params: { number: row.number ?? '', centre: centre?.name ?? '' },
    organisationId: row.organisationId,
    entity: { type: 'complaint', id: row.id },
  });
}

/** Extends the handling period with the head's approval: the new last day and the reason, audited. */
export async function extendComplaint(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { to: LocalDate; reason: string },
  origin: RequestOrigin,
) {
  const row = await lockedComplaint(tx, actor, id);
  const result = await extendHandling(tx, row.id, { ...input, by: actor.userId });
  if (result === 'not_running') throw new AppError('COMPLAINT_STEP_NOT_OPEN', { status: row.status });
  if (result === 'not_later') throw new AppError('COMPLAINT_EXTENSION_INVALID', { field: 'to' });
  const now = deps.clock.now();
  await tx
    .update(complaints)
    .set({ version: row.version + 1 })
    .where(eq(complaints.id, row.id));
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'complaint.extend',
    entityType: 'complaints',
    entityId: row.id,
    organisationId: row.organisationId,
    changes: {
      handlingDueAt: { before: result.before.toISOString(), after: result.after.toISOString() },
      extensionReason: { after: input.reason },
    },
  });
}
