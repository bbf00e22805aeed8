import { eq } from 'drizzle-orm';
import { consultations } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { diff, recordAudit } from '../../platform/audit/audit-log.ts';
import { searchSegmentsOf } from '../../platform/search/segment.ts';
import { referralOf } from './consultation-rules.ts';
import { findConsultation, presentConsultation } from './consultations.repository.ts';
import type { UpdateConsultationInput } from './consultations.schemas.ts';

/**
 * Records the answer, outcome and follow-up of a consultation in scope (audited). The owner is not
 * editable here: it changes only through a hand-over.
 */
export async function updateConsultation(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdateConsultationInput,
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const current = await findConsultation(tx, actor.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    const c = current.consultation;
    const before = {
      answer: c.answer,
      outcome: c.outcome,
      referredTo: c.referredTo,
      applicationId: c.applicationId,
      followUpOn: c.followUpOn,
      durationSeconds: c.durationSeconds,
    };
    const after = { ...before };
    for (const [field, value] of Object.entries(input))
      if (value !== undefined) (after as Record<string, unknown>)[field] = value;
    after.referredTo = referralOf(after.outcome, after.referredTo);
    const changes = diff(before, after);
    if (Object.keys(changes).length === 0) return presentConsultation(current, deps.cipher);
    const now = deps.clock.now();
    const [updated] = await tx
      .update(consultations)
      .set({ ...after, searchSegments: searchSegmentsOf(c.question, after.answer), updatedAt: now })
      .where(eq(consultations.id, id))
      .returning();
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'consultation.update',
      entityType: 'consultations',
      entityId: id,
      changes,
    });
    return presentConsultation({ ...current, consultation: updated ?? c }, deps.cipher);
  });
}
