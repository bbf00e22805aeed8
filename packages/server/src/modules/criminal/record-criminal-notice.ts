import { undecidedApplication } from '../applications/undecided-application.ts';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import {
  CRIMINAL_NOTICE_GROUNDS,
  type CriminalNoticeGround,
  type CriminalStage,
  type NotifyingInstitution,
} from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { applications, criminalNotices, organisations } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { issueDocumentNumber } from '../../platform/documents/document-numbers.ts';
import { findPerson } from '../people/people.repository.ts';
import { matchOrRegister } from './registry-person.ts';
import { decidingCentre } from '../applications/application-rules.ts';
import type { CriminalNoticeInput } from '../applications/applications.schemas.ts';
import { runEvent } from '../applications/run-event.ts';

/** What the centre is asked for, by stage: defence, or representation in compulsory treatment. */
const REQUESTED_HELP: Record<CriminalStage, string> = {
  investigation: '侦查阶段辩护',
  prosecution_review: '审查起诉阶段辩护',
  trial_first_instance: '一审辩护',
  trial_second_instance: '二审辩护',
  death_penalty_review: '死刑复核辩护',
  compulsory_medical_treatment: '强制医疗程序代理',
};

/** A notice as either door hands it in, its defendant already found or registered. */
export interface NoticeRecord {
  institutionKind: NotifyingInstitution;
  institutionName: string;
  noticeNumber: string | null;
  stage: CriminalStage;
  ground: string;
  charges: string[];
  defendantId: string;
  detained: boolean;
  detentionPlace: string | null;
  courtDistrictOrgId: string | null;
  receivedAt: Date;
  facts: string | null;
  source: 'staff' | 'partner_api';
  /** The organ's own case number when it sent the notice through the partner API. */
  partnerReference: string | null;
  partnerId: string | null;
  /** Recorded on the timeline (never personal data). */
  flags?: Record<string, unknown>;
}

/**
 * Records a notice from police, a procuratorate or a court (通知辩护/代理) at the window. The
 * defendant is an existing person (`defendantId`) or given inline (`defendant`, matched by identity
 * number or registered, as a partner's notice is).
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
  const ownerOrgId = await decidingCentre(tx, actor.organisationId);
  let defendantId: string;
  let flags: Record<string, unknown> = {};
  if (input.defendantId) {
    const defendant = await findPerson(tx, actor.scope, input.defendantId);
    if (!defendant) throw new AppError('NOT_FOUND', { field: 'defendantId' });
    defendantId = defendant.person.id;
  } else if (input.defendant) {
    const found = await matchOrRegister(deps, tx, actor, ownerOrgId, input.defendant, origin, 'defendant');
    defendantId = found.id;
    flags = { defendantMatched: found.matched, defendantNameDiffers: found.nameDiffers };
  } else throw new AppError('VALIDATION_FAILED', { field: 'defendantId' });
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
  return openCriminalNotice(
    deps,
    tx,
    actor,
    ownerOrgId,
    {
      institutionKind: input.institutionKind,
      institutionName: input.institutionName,
      noticeNumber: input.noticeNumber ?? null,
      stage: input.stage,
      ground: input.ground,
      charges: input.charges,
      defendantId,
      detained: input.detained,
      detentionPlace: input.detentionPlace ?? null,
      courtDistrictOrgId: input.courtDistrictOrgId ?? null,
      receivedAt,
      facts: input.facts ?? null,
      source: 'staff',
      partnerReference: null,
      partnerId: null,
      flags,
    },
    origin,
  );
}

/**
 * Opens the case of a notice in `ownerOrgId` (the deciding centre): `to_assign` with the 3-day
 * assignment clock from the notice's receipt, and no hardship review (LAL art.25, art.28, art.36);
 * the lifecycle decides who may record it.
 */
export async function openCriminalNotice(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  ownerOrgId: string,
  notice: NoticeRecord,
  origin: RequestOrigin,
): Promise<string> {
  const now = deps.clock.now();
  const receivedAt = notice.receivedAt;
  const { number } = await issueDocumentNumber(tx, {
    organisationId: ownerOrgId,
    documentKind: 'application',
    at: receivedAt,
  });
  const id = randomUUID();
  const citation = CRIMINAL_NOTICE_GROUNDS[notice.ground as CriminalNoticeGround];
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
    partnerId: notice.partnerId,
    preliminaryReview: null,
    applicantId: notice.defendantId,
    consultationId: null,
    matter:
      notice.stage === 'compulsory_medical_treatment' ? 'compulsory_medical_treatment' : 'criminal_defense',
    caseType: 'criminal' as const,
    stage: notice.stage,
    opposingParty: null,
    courtOrAuthority: notice.institutionName,
    facts: notice.facts ?? notice.charges.join('、'),
    requestedHelp: REQUESTED_HELP[notice.stage],
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
    citizenId: null,
    ...undecidedApplication(now),
    decisionReasons: [{ code: notice.ground, citation }],
  };
  await tx.insert(applications).values(row);
  await tx.insert(criminalNotices).values({
    applicationId: id,
    institutionKind: notice.institutionKind,
    institutionName: notice.institutionName,
    noticeNumber: notice.noticeNumber,
    stage: notice.stage,
    ground: notice.ground,
    charges: notice.charges,
    defendantId: notice.defendantId,
    detained: notice.detained,
    detentionPlace: notice.detentionPlace,
    courtDistrictOrgId: notice.courtDistrictOrgId,
    noticeReceivedAt: receivedAt,
    source: notice.source,
    partnerReference: notice.partnerReference,
  });
  await runEvent(deps, tx, {
    application: { ...row, numberSeq: null, state: null as never, receivedAt },
    event: { type: 'receive_criminal_notice', ground: notice.ground as CriminalNoticeGround },
    actor,
    origin,
    clockStart: receivedAt,
    payload: {
      number,
      institutionKind: notice.institutionKind,
      institutionName: notice.institutionName,
      stage: notice.stage,
      ground: notice.ground,
      citation,
      detained: notice.detained,
      source: notice.source,
      ...notice.flags,
    },
  });
  return id;
}
