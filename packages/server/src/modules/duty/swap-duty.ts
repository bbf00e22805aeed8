import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  evaluateDutyCandidate,
  mondayOf,
  type DutyCandidate,
  type DutyReason,
  type LocalDate,
} from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { dutySlots, dutySwapRequests, handlers } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { directorsOf, notifyUsers } from '../notifications/notify-users.ts';
import { handlerProfiles, qualificationRules } from '../assignment/profiles.ts';
import { organisationPathOf } from './station-hours.ts';
import { dutyHistory, dutySettingsOf, handlerOfActor, stationInScope } from './duty.repository.ts';

async function lockedSlot(tx: Tx, slotId: string) {
  const [slot] = await tx.select().from(dutySlots).where(eq(dutySlots.id, slotId)).for('update');
  if (!slot) throw new AppError('NOT_FOUND');
  return slot;
}

/**
 * Re-checks a replacement for one slot by the roster's own rules, counting the handler's other
 * duties of that week (the slot's own holder excluded): an ineligible pick is refused with every reason.
 */
async function checkReplacement(
  tx: Tx,
  slot: typeof dutySlots.$inferSelect,
  handlerId: string,
): Promise<DutyReason[]> {
  const settings = await dutySettingsOf(tx, slot.stationOrgId);
  const weekStart = mondayOf(slot.date as LocalDate);
  const { profiles } = await handlerProfiles(
    tx,
    { kind: 'subtree', path: await organisationPathOf(tx, settings.centreId) },
    [settings.centreId],
    weekStart,
  );
  const p = profiles.find((x) => x.id === handlerId);
  if (!p) throw new AppError('NOT_FOUND', { field: 'handlerId' });
  const history = (await dutyHistory(tx, [handlerId], '', weekStart, settings.rotationWeeks)).get(handlerId);
  // dutyHistory with no station counts every duty of the week; this slot's own is not the new holder's.
  const candidate: DutyCandidate = {
    id: p.id,
    kind: p.kind,
    status: p.status,
    yearsOfPractice: p.yearsOfPractice,
    conflictParties: [...p.conflicts.actedFor, ...p.conflicts.relations.map((r) => r.party)],
    dutiesThisWeek: history?.thisWeek ?? 0,
    recentDuties: history?.recent ?? 0,
    lastDutyOn: (history?.last ?? null) as LocalDate | null,
    busy: history?.busy ?? [],
  };
  const station = await stationInScope(tx, { kind: 'all' }, slot.stationOrgId);
  const evaluation = evaluateDutyCandidate(
    candidate,
    { date: slot.date as LocalDate, shift: slot.shift, start: '', end: '' },
    { id: slot.stationOrgId, hostInstitution: station.hostInstitution },
    await qualificationRules(tx, settings.centreId, slot.date as LocalDate),
    { maxPerWeek: settings.maxDutiesPerWeek },
    0,
  );
  if (!evaluation.eligible)
    throw new AppError('DUTY_HANDLER_NOT_ELIGIBLE', {
      field: 'handlerId',
      reasons: evaluation.reasons.filter((r) => r.blocking),
    });
  return evaluation.reasons;
}

/** The director replaces a slot's lawyer (换班): re-checked by the same rules, the reason kept. */
export async function swapSlot(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  slotId: string,
  input: { handlerId: string; note: string },
  origin: RequestOrigin,
) {
  const slot = await lockedSlot(tx, slotId);
  await stationInScope(tx, actor.scope, slot.stationOrgId);
  if (slot.startsAt.getTime() <= deps.clock.now().getTime()) throw new AppError('DUTY_SLOT_PAST');
  const reasons = await checkReplacement(tx, slot, input.handlerId);
  await replaceHolder(deps, tx, slot, input.handlerId, reasons, input.note, origin);
}

async function replaceHolder(
  deps: AppDeps,
  tx: Tx,
  slot: typeof dutySlots.$inferSelect,
  handlerId: string,
  reasons: DutyReason[],
  note: string,
  origin: RequestOrigin,
) {
  await tx
    .update(dutySlots)
    .set({ handlerId, reasons, swapNote: note, version: slot.version + 1 })
    .where(eq(dutySlots.id, slot.id));
  await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
    action: 'duty_slot.swap',
    entityType: 'duty_slots',
    entityId: slot.id,
    changes: { handlerId: { before: slot.handlerId, after: handlerId }, swapNote: { after: note } },
  });
}

/** The rostered lawyer asks to be relieved of a future slot; the centre's directors hear of it. */
export async function requestSwap(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  slotId: string,
  input: { reason: string },
  origin: RequestOrigin,
): Promise<string> {
  const me = await handlerOfActor(tx, actor);
  const slot = await lockedSlot(tx, slotId);
  if (slot.handlerId !== me.id) throw new AppError('DUTY_NOT_YOUR_SLOT');
  const now = deps.clock.now();
  if (slot.startsAt.getTime() <= now.getTime()) throw new AppError('DUTY_SLOT_PAST');
  const [open] = await tx
    .select({ id: dutySwapRequests.id })
    .from(dutySwapRequests)
    .where(and(eq(dutySwapRequests.slotId, slotId), eq(dutySwapRequests.status, 'requested')));
  if (open) throw new AppError('DUTY_SWAP_OPEN');
  const id = randomUUID();
  await tx.insert(dutySwapRequests).values({
    id,
    slotId,
    handlerId: me.id,
    reason: input.reason,
    status: 'requested',
    requestedBy: actor.userId,
    requestedAt: now,
  });
  const { centreId } = await dutySettingsOf(tx, slot.stationOrgId);
  await notifyUsers(deps, tx, {
    kind: 'duty_swap',
    userIds: await directorsOf(tx, centreId),
    organisationId: centreId,
    applicationId: null,
    activityId: id,
    dueAt: slot.startsAt,
  });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'duty_swap.request',
    entityType: 'duty_swap_requests',
    entityId: id,
    changes: { slotId: { after: slotId }, reason: { after: input.reason } },
  });
  return id;
}

/** The director approves a swap request with a replacement (re-checked) or declines it; the lawyer hears. */
export async function answerSwap(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  requestId: string,
  input: { approve: boolean; handlerId?: string | undefined; note: string },
  origin: RequestOrigin,
) {
  const [request] = await tx
    .select()
    .from(dutySwapRequests)
    .where(eq(dutySwapRequests.id, requestId))
    .for('update');
  if (!request) throw new AppError('NOT_FOUND');
  const slot = await lockedSlot(tx, request.slotId);
  await stationInScope(tx, actor.scope, slot.stationOrgId);
  if (request.status !== 'requested') throw new AppError('DUTY_SWAP_DECIDED');
  const now = deps.clock.now();
  if (input.approve) {
    if (!input.handlerId) throw new AppError('VALIDATION_FAILED', { field: 'handlerId' });
    if (slot.startsAt.getTime() <= now.getTime()) throw new AppError('DUTY_SLOT_PAST');
    const reasons = await checkReplacement(tx, slot, input.handlerId);
    await replaceHolder(deps, tx, slot, input.handlerId, reasons, input.note, origin);
  }
  await tx
    .update(dutySwapRequests)
    .set({
      status: input.approve ? 'approved' : 'declined',
      replacementHandlerId: input.approve ? (input.handlerId ?? null) : null,
      decidedBy: actor.userId,
      decidedAt: now,
      decisionNote: input.note,
    })
    .where(eq(dutySwapRequests.id, requestId));
  const [requester] = await tx
    .select({ userId: handlers.userId })
    .from(handlers)
    .where(eq(handlers.id, request.handlerId));
  if (requester?.userId)
    await notifyUsers(deps, tx, {
      kind: 'duty_swap',
      userIds: [requester.userId],
      organisationId: slot.stationOrgId,
      applicationId: null,
      activityId: requestId,
      dueAt: slot.startsAt,
    });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: input.approve ? 'duty_swap.approve' : 'duty_swap.decline',
    entityType: 'duty_swap_requests',
    entityId: requestId,
    changes: { replacementHandlerId: { after: input.handlerId ?? null }, note: { after: input.note } },
  });
}
