import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  beijingDateOf,
  checkFeeWaiverAnswer,
  FEE_WAIVER_CASE_STATES,
  FEE_WAIVER_KINDS,
  nextFeeWaiverStatus,
  type Fen,
  type FeeWaiverAction,
  type FeeWaiverBodyKind,
  type FeeWaiverOutcome,
  type FeeWaiverRequestKind,
  type LocalDate,
} from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { applications, feeWaiverRequests, type FeeWaiverRequestRow } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { ownerInScope } from '../../platform/scope/data-scope.ts';
import { issueDocumentNumber } from '../../platform/documents/document-numbers.ts';

/** The letter's number unless the centre sets its own pattern for `fee_waiver_letter`. */
const LETTER_NUMBER_PATTERN = '{org}缓减免〔{year}〕第{seq:4}号';

export interface NewFeeWaiverRequest {
  applicationId: string;
  bodyKind: FeeWaiverBodyKind;
  bodyName: string;
  requestKind: FeeWaiverRequestKind;
  feeDescription: string;
  amountAskedFen?: number | null | undefined;
}

export interface FeeWaiverAnswerInput {
  version?: number | undefined;
  outcome: FeeWaiverOutcome;
  amountSavedFen: number;
  deferredUntil?: LocalDate | null | undefined;
  answeredOn: LocalDate;
  answerReference?: string | undefined;
  answerNote?: string | undefined;
}

const audit = (deps: AppDeps, now: Date) => ({ cipher: deps.cipher, at: now });

/**
 * Drafts a request for one fee of the recipient of a case in the actor's scope whose aid was
 * granted and is not archived, refused or ended: the request kind must be one the body can grant
 * (LAL art.53). Audited.
 */
export async function createFeeWaiverRequest(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: NewFeeWaiverRequest,
  origin: RequestOrigin,
) {
  const [app] = await tx
    .select({ id: applications.id, ownerOrgId: applications.ownerOrgId, state: applications.state })
    .from(applications)
    .where(and(eq(applications.id, input.applicationId), ownerInScope(actor.scope, applications.ownerOrgId)));
  if (!app) throw new AppError('FEE_WAIVER_CASE_NOT_FOUND');
  if (!FEE_WAIVER_CASE_STATES.includes(app.state))
    throw new AppError('FEE_WAIVER_CASE_NOT_AIDED', { state: app.state });
  if (FEE_WAIVER_KINDS[input.requestKind].body !== input.bodyKind)
    throw new AppError('FEE_WAIVER_KIND_MISMATCH', { field: 'requestKind' });
  const now = deps.clock.now();
  const id = randomUUID();
  await tx.insert(feeWaiverRequests).values({
    id,
    applicationId: app.id,
    organisationId: app.ownerOrgId,
    bodyKind: input.bodyKind,
    bodyName: input.bodyName,
    requestKind: input.requestKind,
    feeDescription: input.feeDescription,
    amountAskedFen: input.amountAskedFen ?? null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, audit(deps, now), origin, {
    action: 'fee_waiver_requests.create',
    entityType: 'fee_waiver_requests',
    entityId: id,
    organisationId: app.ownerOrgId,
    changes: {
      applicationId: { after: app.id },
      body: { after: `${input.bodyKind}:${input.bodyName}` },
      requestKind: { after: input.requestKind },
      feeDescription: { after: input.feeDescription },
      amountAskedFen: { after: input.amountAskedFen ?? null },
    },
  });
  return { id };
}

/** The request in the actor's scope, locked, at the version the caller saw. */
async function lockedRequest(tx: Tx, actor: Actor, id: string, version: number | undefined) {
  const [row] = await tx
    .select()
    .from(feeWaiverRequests)
    .where(and(eq(feeWaiverRequests.id, id), ownerInScope(actor.scope, feeWaiverRequests.organisationId)))
    .for('update');
  if (!row) throw new AppError('FEE_WAIVER_NOT_FOUND');
  if (version !== undefined && version !== row.version)
    throw new AppError('FEE_WAIVER_STALE', { version: row.version });
  return row;
}

/**
 * Moves a request on by `action` with the columns the step sets (the version moves on), and audits
 * the step with what it changed. Returns the new status and version.
 */
async function moveRequest(
  deps: AppDeps,
  tx: Tx,
  row: FeeWaiverRequestRow,
  step: { action: FeeWaiverAction; now: Date; origin: RequestOrigin },
  set: Partial<typeof feeWaiverRequests.$inferInsert>,
  changes: Record<string, { before?: unknown; after: unknown }> = {},
) {
  const status = nextFeeWaiverStatus(row.status, step.action);
  if (!status) throw new AppError('FEE_WAIVER_STEP_NOT_OPEN', { status: row.status });
  await tx
    .update(feeWaiverRequests)
    .set({ ...set, status, version: row.version + 1, updatedAt: step.now })
    .where(eq(feeWaiverRequests.id, row.id));
  await recordAudit(tx, audit(deps, step.now), step.origin, {
    action: `fee_waiver_requests.${step.action}`,
    entityType: 'fee_waiver_requests',
    entityId: row.id,
    organisationId: row.organisationId,
    changes: { status: { before: row.status, after: status }, ...changes },
  });
  return { status, version: row.version + 1 };
}

/** Sends a drafted request: the letter gets its number (the centre's sequence) and can be printed. */
export async function sendFeeWaiverRequest(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  version: number | undefined,
  origin: RequestOrigin,
) {
  const row = await lockedRequest(tx, actor, id, version);
  if (!nextFeeWaiverStatus(row.status, 'send'))
    throw new AppError('FEE_WAIVER_STEP_NOT_OPEN', { status: row.status });
  const now = deps.clock.now();
  const { number } = await issueDocumentNumber(tx, {
    organisationId: row.organisationId,
    documentKind: 'fee_waiver_letter',
    at: now,
    defaultPattern: LETTER_NUMBER_PATTERN,
  });
  const moved = await moveRequest(
    deps,
    tx,
    row,
    { action: 'send', now, origin },
    { letterNumber: number, sentAt: now, sentBy: actor.userId },
    { letterNumber: { after: number } },
  );
  return { ...moved, letterNumber: number };
}

/**
 * Records the body's answer: the outcome, the fen saved and, for a deferral, the date the fee falls
 * due, checked against the request (checkFeeWaiverAnswer).
 */
export async function recordFeeWaiverAnswer(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: FeeWaiverAnswerInput,
  origin: RequestOrigin,
) {
  const row = await lockedRequest(tx, actor, id, input.version);
  if (!nextFeeWaiverStatus(row.status, 'answer') || !row.sentAt)
    throw new AppError('FEE_WAIVER_STEP_NOT_OPEN', { status: row.status });
  const now = deps.clock.now();
  const answer = {
    outcome: input.outcome,
    amountSavedFen: input.amountSavedFen as Fen,
    deferredUntil: input.deferredUntil ?? null,
    answeredOn: input.answeredOn,
  };
  const problem = checkFeeWaiverAnswer(
    {
      kind: row.requestKind,
      amountAskedFen: row.amountAskedFen as Fen | null,
      sentOn: beijingDateOf(row.sentAt),
    },
    answer,
    beijingDateOf(now),
  );
  if (problem) throw new AppError('FEE_WAIVER_ANSWER_INVALID', { problem });
  return moveRequest(
    deps,
    tx,
    row,
    { action: 'answer', now, origin },
    {
      ...answer,
      answerReference: input.answerReference ?? null,
      answerNote: input.answerNote ?? null,
      answeredAt: now,
      answerRecordedBy: actor.userId,
    },
    {
      outcome: { after: answer.outcome },
      amountSavedFen: { after: answer.amountSavedFen },
      deferredUntil: { after: answer.deferredUntil },
      answeredOn: { after: answer.answeredOn },
    },
  );
}

/** Withdraws a request not yet answered (the recipient paid, the matter ended …), with the reason. */
export async function withdrawFeeWaiverRequest(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { version?: number | undefined; reason: string },
  origin: RequestOrigin,
) {
  const row = await lockedRequest(tx, actor, id, input.version);
  const now = deps.clock.now();
  return moveRequest(
    deps,
    tx,
    row,
    { action: 'withdraw', now, origin },
    { withdrawReason: input.reason, withdrawnAt: now },
    { reason: { after: input.reason } },
  );
}
