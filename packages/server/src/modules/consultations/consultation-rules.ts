import { effectiveByKey, type LocalDate, type MatterRule } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import type { ConsultationOutcome } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { jurisdictionChain, rulesOf } from '../rules/rules.repository.ts';
import { toDomainRule } from '../rules/rule-tables.ts';
import { OTHER_TOPIC } from './consultations.schemas.ts';

/** Consultations are recorded against Beijing's matter catalogue. */
export const CONSULTATION_JURISDICTION = '110000';

/** A topic is `other` or a matter code in the catalogue in force for Beijing on the date. */
export async function assertTopicInForce(db: Queryable, topic: string, on: LocalDate): Promise<void> {
  if (topic === OTHER_TOPIC) return;
  const chain = await jurisdictionChain(db, CONSULTATION_JURISDICTION);
  const matters = (await rulesOf(db, 'matter', chain)).map((r) => toDomainRule<MatterRule>(r));
  if (!effectiveByKey(matters, chain, on, (m) => m.code).has(topic))
    throw new AppError('CONSULTATION_TOPIC_UNKNOWN', { field: 'topicMatter', topic });
}

/** A referral names where it went; `referredTo` is kept only while the outcome is `referred`. */
export function referralOf(outcome: ConsultationOutcome, referredTo: string | null): string | null {
  if (outcome !== 'referred') return null;
  if (referredTo === null) throw new AppError('CONSULTATION_REFERRAL_REQUIRED', { field: 'referredTo' });
  return referredTo;
}
