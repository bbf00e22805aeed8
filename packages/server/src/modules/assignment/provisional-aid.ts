import type { HandlerId, LocalDate, ProvisionalAidGround } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { provisionalCitation } from '../applications/application-rules.ts';
import { ensureAllowed, runEvent } from '../applications/run-event.ts';
import { notifyAssigned } from '../notifications/notify-users.ts';
import { lockedApplication } from '../applications/supplement.ts';
import { checkedHandler, clientDetained, recordAssignment } from './assign.ts';

export interface ProvisionalAidInput {
  ground: ProvisionalAidGround;
  /** A handler of the registry (handlers.id), from the case's candidates. */
  handlerId: string;
  /** Why this handler when the candidates put another first. */
  reason?: string | undefined;
  formalitiesDueDate: string;
  note?: string | undefined;
}

/**
 * Aid in advance (先行提供, LAL art.44): the director names a registered handler, checked by the
 * same hard rules as any assignment (status, capacity, LAL art.26, MPL art.104, 回避), and the
 * date the recipient completes the formalities by. The handler is recorded as assigned and
 * accepted at once — the urgency is why aid comes first, so there is no answer period and no
 * acceptance step in the lifecycle — and finds the case in 我的案件 with its letters (法律援助公函,
 * and 会见公函 for a detained client). When the formalities are completed the same handler
 * carries on (`in_progress`); when they are not, the director terminates (LAL art.44(2)).
 */
export async function grantProvisionalAid(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: ProvisionalAidInput,
  origin: RequestOrigin,
) {
  const app = await lockedApplication(tx, actor, id);
  const now = deps.clock.now();
  const { handlerId, evaluation } = await checkedHandler(tx, actor, app, now, {
    handlerId: input.handlerId,
    reason: input.reason,
    mode: 'provisional',
  });
  const event = {
    type: 'grant_provisional_aid' as const,
    ground: input.ground,
    handlerId: handlerId as HandlerId,
    formalitiesDueDate: input.formalitiesDueDate as LocalDate,
  };
  const facts = { handlerQualified: true, clientDetained: await clientDetained(tx, app) };
  // The letters print the handler of the current assignment, so it is written first.
  ensureAllowed(deps, { application: app, event, actor, facts });
  const assignmentId = await recordAssignment(tx, {
    applicationId: id,
    handlerId,
    evaluation,
    mode: 'provisional',
    reason: input.reason,
    actor,
    at: now,
    respondBy: now,
    status: 'accepted',
  });
  const provisional = {
    ground: input.ground,
    handlerId,
    formalitiesDueDate: input.formalitiesDueDate,
    completedAt: null,
  };
  await runEvent(deps, tx, {
    application: app,
    event,
    actor,
    origin,
    facts,
    changes: { provisional, decidedAt: now, decidedBy: actor.userId },
    payload: {
      ...provisional,
      assignmentId,
      score: evaluation.score,
      reason: input.reason ?? null,
      citation: provisionalCitation(input.ground),
      note: input.note ?? null,
    },
  });
  await notifyAssigned(deps, tx, app, handlerId, assignmentId);
  return assignmentId;
}
