import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { caseDiscussions, caseMajorFlags } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { scopedCase } from './case-access.ts';
import { majorFlagOf } from './casework.repository.ts';
import type { DiscussionInput } from './casework.schemas.ts';

/**
 * The director marks a case major or difficult (重大疑难), or lifts the mark, with the reason: such
 * cases get collective discussion and the director's supervision (MOJ quality standards [OPN]).
 */
export async function setMajor(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { major: boolean; reason: string },
  origin: RequestOrigin,
) {
  await scopedCase(tx, actor, id, true);
  const now = deps.clock.now();
  const before = await majorFlagOf(tx, id);
  const row = { major: input.major, reason: input.reason, setBy: actor.userId, setAt: now };
  await tx
    .insert(caseMajorFlags)
    .values({ applicationId: id, ...row })
    .onConflictDoUpdate({ target: caseMajorFlags.applicationId, set: row });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'case.major_flag',
    entityType: 'applications',
    entityId: id,
    changes: {
      major: { before: before.major, after: input.major },
      majorReason: { before: before.reason, after: input.reason },
    },
  });
  return majorFlagOf(tx, id);
}

/** A collective discussion of a case marked major or difficult: participants and conclusions. */
export async function recordDiscussion(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: DiscussionInput,
  origin: RequestOrigin,
): Promise<string> {
  await scopedCase(tx, actor, id, true);
  if (!(await majorFlagOf(tx, id)).major) throw new AppError('CASEWORK_NOT_MAJOR');
  const now = deps.clock.now();
  const heldAt = new Date(input.heldAt);
  if (heldAt.getTime() > now.getTime())
    throw new AppError('CASEWORK_ACTIVITY_IN_FUTURE', { field: 'heldAt' });
  const discussionId = randomUUID();
  await tx.insert(caseDiscussions).values({
    id: discussionId,
    applicationId: id,
    heldAt,
    participants: input.participants,
    conclusions: input.conclusions,
    recordedBy: actor.userId,
    recordedAt: now,
  });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'case_discussion.create',
    entityType: 'applications',
    entityId: id,
    changes: {
      discussionId: { after: discussionId },
      heldAt: { after: heldAt.toISOString() },
      participants: { after: input.participants.length },
    },
  });
  return discussionId;
}
