import { randomUUID } from 'node:crypto';
import { beijingDateOf, normalisePhone } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { consultations } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type Changes } from '../../platform/audit/audit-log.ts';
import { searchSegmentsOf } from '../../platform/search/segment.ts';
import { findPerson } from '../people/people.repository.ts';
import { assertTopicInForce, referralOf } from './consultation-rules.ts';
import { presentConsultation } from './consultations.repository.ts';
import { issueDocumentNumber } from '../../platform/documents/document-numbers.ts';

/** A consultation's number where the centre set no pattern: its code, 咨 (consultation), year and sequence. */
const CONSULTATION_NUMBER_PATTERN = '{org}咨〔{year}〕第{seq:5}号';
import type { CreateConsultationInput } from './consultations.schemas.ts';

/**
 * Records a consultation for the caller's organisation. The recorder becomes its first-inquiry
 * owner (首问负责人). The caller may stay anonymous; a linked person must be in scope.
 */
export async function createConsultation(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: CreateConsultationInput,
  origin: RequestOrigin,
) {
  const now = deps.clock.now();
  const startedAt = input.startedAt ? new Date(input.startedAt) : now;
  const person = input.personId ? await findPerson(tx, actor.scope, input.personId) : undefined;
  if (input.personId && !person) throw new AppError('NOT_FOUND', { field: 'personId' });
  let callerPhone: string | null = null;
  if (input.callerPhone !== undefined) {
    const check = normalisePhone(input.callerPhone);
    if (!check.ok) throw new AppError('PHONE_INVALID', { field: 'callerPhone' });
    callerPhone = check.phone;
  }
  await assertTopicInForce(tx, input.topicMatter, beijingDateOf(startedAt));
  const sealed = callerPhone === null ? null : deps.cipher.seal(callerPhone);
  const { number } = await issueDocumentNumber(tx, {
    organisationId: actor.organisationId,
    documentKind: 'consultation',
    at: startedAt,
    defaultPattern: CONSULTATION_NUMBER_PATTERN,
  });
  const row = {
    id: randomUUID(),
    number,
    ownerOrgId: actor.organisationId,
    channel: input.channel,
    personId: person?.person.id ?? null,
    callerName: input.callerName ?? null,
    callerPhoneSealed: sealed?.sealed ?? null,
    callerPhoneHash: sealed?.hash ?? null,
    topicMatter: input.topicMatter,
    question: input.question,
    answer: input.answer ?? null,
    durationSeconds: input.durationSeconds ?? null,
    startedAt,
    staffUserId: actor.userId,
    ownerUserId: actor.userId,
    outcome: input.outcome,
    referredTo: referralOf(input.outcome, input.referredTo ?? null),
    applicationId: input.applicationId ?? null,
    followUpOn: input.followUpOn ?? null,
    searchSegments: searchSegmentsOf(input.question, input.answer),
    searchTokens: null,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(consultations).values(row);
  const recorded = {
    number: row.number,
    ownerOrgId: row.ownerOrgId,
    channel: row.channel,
    personId: row.personId,
    callerName: row.callerName,
    callerPhone,
    topicMatter: row.topicMatter,
    question: row.question,
    answer: row.answer,
    durationSeconds: row.durationSeconds,
    startedAt: row.startedAt.toISOString(),
    ownerUserId: row.ownerUserId,
    outcome: row.outcome,
    referredTo: row.referredTo,
    applicationId: row.applicationId,
    followUpOn: row.followUpOn,
  };
  const changes: Changes = {};
  for (const [field, value] of Object.entries(recorded))
    if (value !== null) changes[field] = { after: value };
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'consultation.create',
    entityType: 'consultations',
    entityId: row.id,
    changes,
  });
  const me = { id: actor.userId, displayName: actor.displayName };
  return presentConsultation(
    {
      consultation: row,
      person: person ? { id: person.person.id, name: person.person.name } : null,
      applicationNumber: null,
      staff: me,
      owner: me,
    },
    deps.cipher,
  );
}
