import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import {
  beijingDateOf,
  explainReason,
  TERMINATION_GROUNDS,
  type CaseEvent,
  parseCitation,
  printCitations,
  type DocumentKind,
  type LocalDate,
} from '@fayuan/domain';
import type { DocumentDataByKind, RenderableKind } from '../../platform/documents/pdf/index.ts';
import { latestClock } from './clocks.ts';
import type { Queryable } from '../../db/client.ts';
import {
  applicationEvents,
  applicationMaterials,
  applications,
  caseAssignments,
  criminalNotices,
  handlers,
  issuedDocuments,
  lawFirms,
  objections,
  organisations,
  persons,
  type ApplicationRow,
} from '../../db/schema/index.ts';
import {
  handlerRoleOf,
  jurisdictionOf,
  listItemsInForce,
  listItemsNotInForce,
  matterInForce,
  periodInForce,
  provisionalCitation,
  supervisingBureau,
} from './application-rules.ts';

/*
 * The fixed content of each numbered document (决定书、通知书、公函…) as it is issued: who, what,
 * which rules and citations, in Chinese. documents.ts numbers, stores and renders it.
 */

const CHANNEL_ZH: Record<string, string> = {
  window: '窗口申请',
  phone: '电话申请',
  home_visit: '上门受理',
  online: '网上申请',
  workstation: '工作站受理',
  forwarded: '羁押场所或办案机关转交',
};

/** 法律援助形式 by case type (LAL art.22). */
const FORM_OF_AID: Record<string, string> = {
  criminal: '刑事辩护与代理',
  civil: '民事案件诉讼代理及非诉讼代理',
  administrative: '行政案件诉讼代理及非诉讼代理',
  state_compensation: '国家赔偿案件诉讼代理及非诉讼代理',
  appeal: '申诉案件代理',
  notarial: '公证',
  non_litigation: '非诉讼代理',
};

/** The public legal service hotline, printed when a centre has no phone on file. */
const HOTLINE = '12348';

const printed = (citations: readonly string[]) => printCitations(citations, 'zh-CN');

/**
 * The provisions a written document can print as law: one the printer does not know, and the MOJ
 * procedure rules, whose article numbers are still to be verified, are left out rather than
 * printed in a short form.
 */
const printedLaw = (citations: readonly string[]) =>
  printed(
    citations
      .flatMap((c) => c.split(';'))
      .map((c) => c.trim())
      .filter((c) => parseCitation(c).every((part) => 'law' in part && part.law !== 'MOJ')),
  );

/**
 * The kinds whose renderer input this module fills from the application and its assignment. The
 * change-of-handler notice names the former handler, the reason and the new handler, so the
 * lifecycle issues it with the assignment that follows a change (not at the change, when the new
 * handler is unknown): its content is complete and fixed when it is numbered.
 */
export const FILLED_KINDS = [
  'receipt',
  'supplement_notice',
  'grant_decision',
  'refusal_decision',
  'assignment_letter',
  'meeting_letter',
  'handler_change_notice',
  'termination_decision',
  'objection_decision',
] as const satisfies readonly RenderableKind[];

/** The decisions an objection can be against, by the title they print under (LAL art.49). */
const DECISION_TITLE = {
  refusal_decision: '不予法律援助决定书',
  termination_decision: '终止法律援助决定书',
} as const;

const PROFESSION: Record<string, string> = {
  social_lawyer: '律师',
  public_lawyer: '公职律师',
  centre_lawyer: '法律援助机构律师',
  grassroots_worker: '基层法律服务工作者',
  volunteer: '法律援助志愿者',
};

const STAGE_ZH: Record<string, [stage: string, standing: string]> = {
  investigation: ['侦查阶段', '犯罪嫌疑人'],
  prosecution_review: ['审查起诉阶段', '犯罪嫌疑人'],
  trial_first_instance: ['一审阶段', '被告人'],
  trial_second_instance: ['二审阶段', '被告人'],
  death_penalty_review: ['死刑复核阶段', '被告人'],
  compulsory_medical_treatment: ['强制医疗程序', '被申请人'],
};

/**
 * The handler of one assignment of the case, as the documents print them, with why the
 * assignment ended (a change of handler's reason). The phone is sealed personal data and is not
 * copied into a document's content.
 */
async function assignedHandler(db: Queryable, applicationId: string, which: SQL | undefined) {
  const [row] = await db
    .select({
      name: handlers.name,
      kind: handlers.kind,
      licence: handlers.licenceNumber,
      firm: lawFirms.name,
      organisation: organisations.name,
      endReason: caseAssignments.endReason,
    })
    .from(caseAssignments)
    .innerJoin(handlers, eq(handlers.id, caseAssignments.handlerId))
    .leftJoin(lawFirms, eq(lawFirms.id, handlers.firmId))
    .innerJoin(organisations, eq(organisations.id, handlers.organisationId))
    .where(and(eq(caseAssignments.applicationId, applicationId), which));
  if (!row) return undefined;
  return {
    handler: {
      name: row.name,
      profession: PROFESSION[row.kind] ?? '',
      organisation: row.firm ?? row.organisation,
      licenceNumber: row.licence ?? '',
    },
    endReason: row.endReason,
  };
}

/** The handler of the case's current assignment (pending or accepted). */
const currentHandler = async (db: Queryable, applicationId: string) =>
  (await assignedHandler(db, applicationId, inArray(caseAssignments.status, ['pending', 'accepted'])))
    ?.handler;
type FilledKind = (typeof FILLED_KINDS)[number];

/**
 * What a document says, fixed when it is issued: for the kinds filled here, exactly the renderer's
 * input (so the PDF can be rendered again, byte for byte); for the others, the facts so far.
 */
export type DocumentContent =
  | { [K in FilledKind]: { kind: K; data: DocumentDataByKind[K] } }[FilledKind]
  | { kind: DocumentKind; data: Record<string, unknown>; unfilled: true };

const dateOf = (d: Date | null | undefined) => (d ? beijingDateOf(d) : null);

export async function materialNames(
  db: Queryable,
  app: ApplicationRow,
  statuses: ('provided' | 'missing' | 'requested')[],
) {
  const rows = await db
    .select()
    .from(applicationMaterials)
    .where(
      and(eq(applicationMaterials.applicationId, app.id), inArray(applicationMaterials.status, statuses)),
    )
    .orderBy(asc(applicationMaterials.code));
  const names = await materialNameMap(db, app);
  return rows.map((r) => r.label ?? names.get(r.code) ?? r.code);
}

/** The material list's names as in force on the application date. */
async function materialNameMap(db: Queryable, app: ApplicationRow) {
  const jurisdiction = await jurisdictionOf(db, app.ownerOrgId);
  return new Map(
    (await listItemsInForce(db, jurisdiction, 'application_material', beijingDateOf(app.receivedAt))).map(
      (m) => [m.code, m.nameZh],
    ),
  );
}

/** The materials provided, with the 份数 and 原件/复印件 recorded when they were registered. */
async function receivedMaterials(db: Queryable, app: ApplicationRow) {
  const rows = await db
    .select()
    .from(applicationMaterials)
    .where(and(eq(applicationMaterials.applicationId, app.id), eq(applicationMaterials.status, 'provided')))
    .orderBy(asc(applicationMaterials.code));
  const names = await materialNameMap(db, app);
  return rows.map((r) => ({
    name: r.label ?? names.get(r.code) ?? r.code,
    ...(r.copies !== null ? { copies: r.copies } : {}),
    ...(r.original !== null ? { original: r.original } : {}),
  }));
}

/** The text of each stored reason: the rule's name, or the assessment's explanation, and the note. */
async function reasonTexts(db: Queryable, app: ApplicationRow, jurisdiction: string, on: LocalDate) {
  // A reason closed since the decision (materials_incomplete, LAL art.43(2)) keeps its name.
  const refusal = new Map(
    [
      ...(await listItemsNotInForce(db, jurisdiction, 'refusal_reason', on)),
      ...(await listItemsInForce(db, jurisdiction, 'refusal_reason', on)),
    ].map((r) => [r.code, r.nameZh]),
  );
  return (app.decisionReasons ?? []).map((r) => {
    const assessed = app.assessment?.reasons.find((a) => a.code === r.code);
    const base = refusal.get(r.code) ?? (assessed ? explainReason(assessed, 'zh-CN') : r.code);
    return { text: r.note ? `${base}（${r.note}）` : base, citations: printed([r.citation]) };
  });
}

/** The refusal reason for economic hardship (rule list `refusal_reason`). */
const NO_HARDSHIP = 'no_hardship';

/**
 * The figures a refusal for hardship prints: what the stored assessment computed on the
 * application date (income per member, the line in force and its source), so the applicant sees
 * why, and a later reader sees the line that was applied, not today's.
 */
function hardshipFigures(app: ApplicationRow) {
  const hardship = app.assessment?.hardship;
  if (!(app.decisionReasons ?? []).some((r) => r.code === NO_HARDSHIP)) return {};
  if (hardship?.perCapitaMonthlyIncomeFen == null || hardship.thresholdFen == null) return {};
  return {
    hardship: {
      perMemberMonthlyFen: hardship.perCapitaMonthlyIncomeFen,
      lineFen: hardship.thresholdFen,
      ...(app.householdMembers ? { members: app.householdMembers } : {}),
      basis: printed(hardship.citations),
    },
  };
}

/** The event that issues a document, and what its use case recorded (a termination's ground…). */
export interface Cause {
  event: CaseEvent;
  payload: Record<string, unknown>;
}

export async function contentOf(
  db: Queryable,
  app: ApplicationRow,
  kind: DocumentKind,
  number: string,
  at: Date,
  cause?: Cause,
): Promise<DocumentContent> {
  const [names] = await db
    .select({
      centre: organisations.name,
      address: organisations.address,
      phone: organisations.phone,
      applicant: persons.name,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.ownerOrgId))
    .innerJoin(persons, eq(persons.id, applications.applicantId))
    .where(eq(applications.id, app.id));
  const jurisdiction = await jurisdictionOf(db, app.ownerOrgId);
  const received = beijingDateOf(app.receivedAt);
  const today = beijingDateOf(at);
  const matter = await matterInForce(db, jurisdiction, app.matter, received).catch(() => null);
  const centre = {
    name: names?.centre ?? '',
    ...(names?.address ? { address: names.address } : {}),
    ...(names?.phone ? { phone: names.phone } : {}),
  };
  const contact = { phone: names?.phone ?? HOTLINE, ...(names?.address ? { address: names.address } : {}) };
  const base = {
    centre,
    number,
    issuedOn: today,
    applicant: { name: names?.applicant ?? '' },
    applicationNumber: app.number,
  };
  const matterName = matter?.nameZh ?? app.matter;
  switch (kind) {
    case 'receipt': {
      const review = await latestClock(db, app.id, 'review_decision');
      return {
        kind,
        data: {
          ...base,
          receivedAt: app.receivedAt,
          channel: CHANNEL_ZH[app.channel] ?? app.channel,
          materials: await receivedMaterials(db, app),
          reviewDeadline: dateOf(review?.dueAt) ?? received,
          reviewBasis: printed([review?.citation ?? 'LAL art.43']),
          contact,
        },
      };
    }
    case 'supplement_notice': {
      const supplement = await latestClock(db, app.id, 'supplement');
      return {
        kind,
        data: {
          ...base,
          appliedOn: received,
          missingItems: (await materialNames(db, app, ['requested'])).map((name) => ({ name })),
          dueDate: dateOf(supplement?.dueAt) ?? today,
          basis: printed(['LAL art.43']),
          contact,
        },
      };
    }
    case 'grant_decision': {
      const period = await periodInForce(db, jurisdiction, 'assignment', today);
      return {
        kind,
        data: {
          ...base,
          appliedOn: received,
          matter: matterName,
          formOfAid: FORM_OF_AID[app.caseType] ?? app.caseType,
          basis: printed([...(app.decisionReasons ?? []).map((r) => r.citation), 'LAL art.22', 'LAL art.43']),
          assignment: { withinDays: period?.amount ?? 0, basis: printed([period?.citation ?? 'LAL art.43']) },
          contact,
        },
      };
    }
    case 'refusal_decision': {
      const period = await periodInForce(db, jurisdiction, 'objection_filing', today);
      const bureau = await supervisingBureau(db, app.ownerOrgId);
      return {
        kind,
        data: {
          ...base,
          appliedOn: received,
          matter: matterName,
          reasons: await reasonTexts(db, app, jurisdiction, today),
          ...hardshipFigures(app),
          objection: {
            bureau: bureau.name,
            // A jurisdiction without a period row (LAL art.49 sets none) prints no limit.
            withinDays: period?.amount ?? null,
            basis: printed(period ? ['LAL art.49', period.citation] : ['LAL art.49']),
          },
        },
      };
    }
    case 'termination_decision': {
      if (cause?.event.type !== 'terminate')
        return { kind, data: { ...base, state: app.state }, unfilled: true };
      const ground = cause.event.ground;
      const grounds = new Map(
        (await listItemsInForce(db, jurisdiction, 'termination_ground', today)).map((g) => [
          g.code,
          g.nameZh,
        ]),
      );
      const [grant] = await db
        .select({ number: issuedDocuments.number })
        .from(issuedDocuments)
        .where(and(eq(issuedDocuments.applicationId, app.id), eq(issuedDocuments.kind, 'grant_decision')))
        .orderBy(desc(issuedDocuments.issuedAt))
        .limit(1);
      // LAL art.49 sets no filing period for objecting to a termination; a rule row would.
      const period = await periodInForce(db, jurisdiction, 'objection_filing_termination', today);
      const bureau = await supervisingBureau(db, app.ownerOrgId);
      const facts = typeof cause.payload.reasons === 'string' ? cause.payload.reasons : undefined;
      return {
        kind,
        data: {
          ...base,
          matter: matterName,
          ...(grant ? { grantDecisionNumber: grant.number } : {}),
          ground: { text: grounds.get(ground) ?? ground, citations: printed([TERMINATION_GROUNDS[ground]]) },
          ...(facts ? { facts } : {}),
          objection: {
            bureau: bureau.name,
            withinDays: period?.amount ?? null,
            basis: printed(period ? ['LAL art.49', period.citation] : ['LAL art.49']),
          },
        },
      };
    }
    case 'objection_decision': {
      const objectionId = cause?.payload.objectionId;
      const outcome = cause?.payload.outcome;
      const conclusion = cause?.payload.conclusion;
      const [objection] =
        typeof objectionId === 'string'
          ? await db
              .select({
                against: objections.against,
                grounds: objections.grounds,
                filedAt: objections.filedAt,
                bureau: organisations.name,
              })
              .from(objections)
              .innerJoin(organisations, eq(organisations.id, objections.bureauOrgId))
              .where(and(eq(objections.id, objectionId), eq(objections.applicationId, app.id)))
          : [];
      if (!objection || (outcome !== 'upheld' && outcome !== 'corrected') || typeof conclusion !== 'string')
        return { kind, data: { ...base, state: app.state }, unfilled: true };
      const objected = objection.against === 'refusal' ? 'refusal_decision' : 'termination_decision';
      const [decision] = await db
        .select({ number: issuedDocuments.number })
        .from(issuedDocuments)
        .where(and(eq(issuedDocuments.applicationId, app.id), eq(issuedDocuments.kind, objected)))
        .orderBy(desc(issuedDocuments.issuedAt))
        .limit(1);
      return {
        kind,
        data: {
          ...base,
          // LAL art.49: the justice administration decides the objection, so it issues and signs.
          centre: { name: objection.bureau },
          decidingCentre: centre.name,
          decision: {
            title: DECISION_TITLE[objected],
            ...(decision ? { number: decision.number } : {}),
          },
          matter: matterName,
          filedOn: beijingDateOf(objection.filedAt),
          grounds: objection.grounds,
          outcome,
          against: objection.against,
          conclusion,
          basis: printed(['LAL art.49']),
        },
      };
    }
    case 'assignment_letter':
    case 'meeting_letter':
    case 'handler_change_notice': {
      const handler = await currentHandler(db, app.id);
      const [notice] = await db
        .select()
        .from(criminalNotices)
        .where(eq(criminalNotices.applicationId, app.id));
      // Every path that issues these writes the assignment first; without one there is nothing to print.
      if (!handler) return { kind, data: { ...base, state: app.state }, unfilled: true };
      // An application names its stage as typed, or by the criminal stage code (death_penalty_review…).
      const [stage, standing] = STAGE_ZH[notice?.stage ?? app.stage ?? ''] ?? [app.stage ?? '', '申请人'];
      const applicant = names?.applicant ?? '';
      const caseRef = {
        description: notice
          ? `${applicant}涉嫌${notice.charges.join('、')}案`
          : `${applicant}${matterName}案`,
        recipientStanding: standing,
        ...(notice ? { charges: notice.charges } : {}),
        stage,
      };
      const handlingBody = notice?.institutionName ?? app.courtOrAuthority ?? '有关单位';
      // Assigned on a notice (LAL art.36), with aid given in advance (art.44), or on a grant (art.43).
      const assignedUnder = notice
        ? 'LAL art.36'
        : app.provisional && app.provisional.completedAt === null
          ? provisionalCitation(app.provisional.ground)
          : 'LAL art.43';
      if (kind === 'handler_change_notice') {
        const replaced = cause?.payload.replacesAssignmentId;
        const before =
          typeof replaced === 'string'
            ? await assignedHandler(db, app.id, eq(caseAssignments.id, replaced))
            : undefined;
        if (!before) return { kind, data: { ...base, state: app.state }, unfilled: true };
        // The basis the change was made on, as the timeline recorded it with the change.
        const [change] = await db
          .select({ citation: applicationEvents.citation })
          .from(applicationEvents)
          .where(
            and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.event, 'change_handler')),
          )
          .orderBy(desc(applicationEvents.at))
          .limit(1);
        const copyTo = notice?.institutionName ?? app.courtOrAuthority;
        return {
          kind,
          data: {
            ...base,
            matter: matterName,
            previousHandler: before.handler,
            newHandler: handler,
            reason: before.endReason ?? '',
            basis: printedLaw(change?.citation ? [change.citation] : []),
            ...(copyTo ? { copyTo } : {}),
            contact,
          },
        };
      }
      // The role comes from the matter as rule data, as in force when the letter is issued.
      const role = await handlerRoleOf(db, jurisdiction, app.matter, today);
      if (kind === 'assignment_letter')
        return {
          kind,
          data: {
            ...base,
            addressee: handlingBody,
            handler,
            role: role.zh,
            case: caseRef,
            ...(notice?.noticeNumber
              ? {
                  notice: {
                    title: '提供法律援助通知书',
                    reference: notice.noticeNumber,
                    receivedOn: beijingDateOf(notice.noticeReceivedAt),
                  },
                }
              : {}),
            basis: printed([assignedUnder, ...(app.decisionReasons ?? []).map((r) => r.citation)]),
            contact,
          },
        };
      const [letter] = await db
        .select({ number: issuedDocuments.number })
        .from(issuedDocuments)
        .where(and(eq(issuedDocuments.applicationId, app.id), eq(issuedDocuments.kind, 'assignment_letter')))
        .orderBy(desc(issuedDocuments.issuedAt))
        .limit(1);
      return {
        kind,
        data: {
          ...base,
          // A notice names the detention place; an application forwarded by custody, the place
          // that forwarded it (LAL art.39).
          detentionCentre: notice?.detentionPlace ?? app.forwardedBy ?? '看守所',
          handler,
          role: role.zh,
          case: caseRef,
          handlingBody,
          assignmentLetterNumber: letter?.number ?? '',
          basis: printed(['CPL art.39', assignedUnder]),
          contact,
        },
      };
    }
    default:
      return {
        kind,
        data: { ...base, state: app.state, provisional: app.provisional ?? null },
        unfilled: true,
      };
  }
}
