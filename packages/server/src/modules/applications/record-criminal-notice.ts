import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { CRIMINAL_NOTICE_GROUNDS, type CriminalNoticeGround } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { applications, criminalNotices, organisations } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { issueDocumentNumber } from '../../platform/documents/document-numbers.ts';
import { findPerson } from '../people/people.repository.ts';
import { decidingCentre } from './application-rules.ts';
import type { CriminalNoticeInput } from './applications.schemas.ts';
import { runEvent } from './run-event.ts';

/** What the centre is asked for, by stage: defence, or representation in compulsory treatment. */
const REQUESTED_HELP: Record<CriminalNoticeInput['stage'], string> = {
  investigation: '侦查阶段辩护',
  prosecution_review: '审查起诉阶段辩护',
  trial_first_instance: '一审辩护',
  trial_second_instance: '二审辩护',
  death_penalty_review: '死刑复核辩护',
  compulsory_medical_treatment: '强制医疗程序代理',
};

/**
 * Records a notice from police, a procuratorate or a court (通知辩护/代理). It opens a case in
 * `to_assign` with the 3-day assignment clock from the notice's receipt, and no hardship review
 * (LAL art.25, art.28, art.36); the lifecycle decides who may record it.
 */
export async function recordCriminalNotice(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: CriminalNoticeInput,
  origin: RequestOrigin,
): Promise<string> {
  const now = deps.clock.now();
  const receivedAt = input.noticeReceivedAt ? new Date(input.noticeReceivedAt) : now;
  const defendant = await findPerson(tx, actor.scope, input.defendantId);
  if (!defendant) throw new AppError('NOT_FOUND', { field: 'defendantId' });
  if (input.courtDistrictOrgId) {
    const [court] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(
          eq(organisations.id, input.courtDistrictOrgId),
          inArray(organisations.kind, ['district_centre', 'city_centre']),
        ),
      );
    if (!court) throw new AppError('VALIDATION_FAILED', { field: 'courtDistrictOrgId' });
  }
  const ownerOrgId = await decidingCentre(tx, actor.organisationId);
  const { number } = await issueDocumentNumber(tx, {
    organisationId: ownerOrgId,
    documentKind: 'application',
    at: receivedAt,
  });
  const id = randomUUID();
  const citation = CRIMINAL_NOTICE_GROUNDS[input.ground as CriminalNoticeGround];
  const row = {
    id,
    number,
    ownerOrgId,
    intakeOrgId: actor.organisationId,
    state: 'to_assign' as const,
    stateChangedAt: now,
    channel: 'criminal_notice' as const,
    forwardedBy: null,
    forwardedReceivedAt: null,
    forwardedLate: null,
    partnerId: null,
    preliminaryReview: null,
    applicantId: defendant.person.id,
    consultationId: null,
    matter:
      input.stage === 'compulsory_medical_treatment' ? 'compulsory_medical_treatment' : 'criminal_defense',
    caseType: 'criminal' as const,
    stage: input.stage,
    opposingParty: null,
    courtOrAuthority: input.institutionName,
    facts: input.facts ?? input.charges.join('、'),
    requestedHelp: REQUESTED_HELP[input.stage],
    hardshipBasis: null,
    householdMembers: null,
    householdMonthlyIncomeFen: null,
    categories: [],
    eligibilityFacts: {},
    assessment: null,
    ruleVersion: null,
    flags: [],
    receivedAt,
    receivedBy: actor.userId,
    reviewerId: null,
    pendingDecision: null,
    decision: null,
    decisionReasons: [{ code: input.ground, citation }],
    decidedAt: null,
    decidedBy: null,
    approvedBy: null,
    provisional: null,
    nextDueAt: null,
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(applications).values(row);
  await tx.insert(criminalNotices).values({
    applicationId: id,
    institutionKind: input.institutionKind,
    institutionName: input.institutionName,
    noticeNumber: input.noticeNumber ?? null,
    stage: input.stage,
    ground: input.ground,
    charges: input.charges,
    defendantId: defendant.person.id,
    detained: input.detained,
    detentionPlace: input.detentionPlace ?? null,
    courtDistrictOrgId: input.courtDistrictOrgId ?? null,
    noticeReceivedAt: receivedAt,
    source: 'staff',
    partnerReference: null,
  });
  await runEvent(deps, tx, {
    application: { ...row, numberSeq: null, state: null as never, receivedAt },
    event: { type: 'receive_criminal_notice', ground: input.ground as CriminalNoticeGround },
    actor,
    origin,
    clockStart: receivedAt,
    payload: {
      number,
      institutionKind: input.institutionKind,
      institutionName: input.institutionName,
      stage: input.stage,
      ground: input.ground,
      citation,
      detained: input.detained,
    },
  });
  return id;
}
