import { z } from 'zod';
import {
  APPLICANT_CATEGORIES,
  APPLICATION_CHANNELS,
  CASE_STATES,
  CRIMINAL_NOTICE_GROUNDS,
  CRIMINAL_STAGES,
  DELIVERY_METHODS,
  DOCUMENT_KINDS,
  NOTIFYING_INSTITUTIONS,
  PERIOD_KINDS,
  PROVISIONAL_AID_GROUNDS,
  SEXES,
} from '@fayuan/domain';
import { factCode } from '../rules/rule-tables.ts';
import { CASE_CHANNELS, CASE_TYPES, HARDSHIP_BASES, STAFF_ALERT_KINDS } from '../../db/schema/index.ts';
import { listQuery, pageOf } from '../../platform/http/pagination.ts';
import { instant, localDate } from '../../platform/http/date-schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const code = z.string().trim().min(1).max(64);

/** A ground of a decision: a code from a rule list or the assessment, its citation, optional note. */
export const decisionReason = z.strictObject({
  code,
  citation: text(200),
  note: text(2000).optional(),
});

/**
 * How a material was handed in, as the receipt prints it: 份数 and 原件 / 复印件. Either may be left
 * out when the window did not record it.
 */
export const materialForm = z.strictObject({
  code: text(200),
  copies: z.number().int().min(1).max(99).optional(),
  original: z.boolean().optional(),
});

const isCriminalStage = (stage: string) => (CRIMINAL_STAGES as readonly string[]).includes(stage);

export const createApplicationBody = z
  .strictObject({
    applicantId: z.string().uuid(),
    channel: z.enum(APPLICATION_CHANNELS),
    /** Forwarded applications: who forwarded it and when they received it (LAL art.39). */
    forwardedBy: text(200).optional(),
    forwardedReceivedAt: instant.optional(),
    /** Defaults to now. */
    receivedAt: instant.optional(),
    /** Workstation intake: the centre that decides (defaults to the nearest centre above). */
    consultationId: z.string().uuid().optional(),
    matter: code,
    caseType: z.enum(CASE_TYPES),
    stage: text(100).optional(),
    opposingParty: text(200).optional(),
    courtOrAuthority: text(200).optional(),
    facts: text(20_000),
    requestedHelp: text(2000),
    hardshipBasis: z.enum(HARDSHIP_BASES),
    household: z
      .strictObject({
        members: z.number().int().min(1).max(50),
        monthlyIncomeFen: z.number().int().min(0).max(10_000_000_000),
      })
      .optional(),
    categories: z.array(z.enum(APPLICANT_CATEGORIES)).max(20).default([]),
    /** Yes/no facts by code: rows of the rule list `fact` in force on the application date (else FACT_UNKNOWN). */
    eligibilityFacts: z
      .record(factCode, z.boolean())
      .refine((f) => Object.keys(f).length <= 50, 'at most 50 facts')
      .default({}),
    /** Material codes (rule list `application_material`) handed in with the application. */
    materialsProvided: z.array(code).max(30).default([]),
    /** 份数 and 原件/复印件 of materials in `materialsProvided` (the receipt's columns). */
    materialForms: z.array(materialForm).max(30).default([]),
    /** Someone acts for the applicant (LAL art.40): their authority becomes a required material. */
    actingByAgent: z.boolean().default(false),
    preliminaryReviewNote: text(2000).optional(),
  })
  // A criminal case's stage is a code the rules read (a death-penalty review needs a lawyer of
  // 3 years' criminal practice, LAL art.26); other cases name their stage in words.
  .refine((b) => b.caseType !== 'criminal' || b.stage === undefined || isCriminalStage(b.stage), {
    path: ['stage'],
    message: `a criminal case's stage is one of ${CRIMINAL_STAGES.join(', ')}`,
  });
export type CreateApplicationInput = z.infer<typeof createApplicationBody>;

export const supplementBody = z.strictObject({
  /** Extra items beyond the missing listed materials (each its own line in the notice). */
  extraItems: z.array(text(200)).max(20).default([]),
  /** The set date; defaults to the centre's supplement period counted on the calendar. */
  dueDate: localDate.optional(),
});

export const materialsReceivedBody = z.strictObject({
  /** Codes (or extra item labels) now provided. */
  provided: z.array(text(200)).min(1).max(30),
  /** 份数 and 原件/复印件 of materials in `provided`. */
  forms: z.array(materialForm).max(30).default([]),
});

export const decideBody = z.strictObject({
  decision: z.enum(['grant', 'refuse']),
  reasons: z.array(decisionReason).min(1).max(20),
  note: text(2000).optional(),
});
export type DecideInput = z.infer<typeof decideBody>;

export const approvalBody = z.strictObject({
  approve: z.boolean(),
  note: text(2000).optional(),
});

/** Aid in advance (LAL art.44); the route is the assignment area's (modules/assignment/provisional-aid.ts). */
export const provisionalAidBody = z.strictObject({
  ground: z.enum(Object.keys(PROVISIONAL_AID_GROUNDS) as [keyof typeof PROVISIONAL_AID_GROUNDS]),
  /** A handler of the registry (handlers.id), one of GET /applications/:id/candidates. */
  handlerId: z.string().uuid(),
  /** Why this handler when the candidates put another first (ASSIGNMENT_REASON_REQUIRED without). */
  reason: text(500).optional(),
  formalitiesDueDate: localDate,
  note: text(2000).optional(),
});

export const withdrawBody = z.strictObject({ reason: text(500) });

export const objectionBody = z.strictObject({
  grounds: text(5000),
  /** When the objection reached the centre or bureau; defaults to now. */
  filedAt: instant.optional(),
});

/** A document reached the applicant (送达): the proof is an attachment (uploaded first) or, for an SMS, its report. */
export const deliveryBody = z.strictObject({
  /** The issued document (detail `documents[].id`): the refusal or termination decision, a notice… */
  documentId: z.string().uuid(),
  method: z.enum(DELIVERY_METHODS),
  /** The Beijing day it reached the applicant: not in the future, not before the document. */
  deliveredOn: localDate,
  /** The staff member or courier who delivered it. */
  deliveredBy: text(200),
  /** A scanned receipt (送达回证) or notice among the application's attachments. */
  proofAttachmentId: z.string().uuid().optional(),
  /** The SMS platform's delivery-report reference (method `sms`). */
  smsReportRef: text(200).optional(),
});
export type DeliveryInput = z.infer<typeof deliveryBody>;

export const objectionDecisionBody = z.strictObject({
  outcome: z.enum(['upheld', 'corrected']),
  conclusion: text(5000),
});

export const settingsBody = z.strictObject({
  decisionRequiresApproval: z.boolean(),
  supplementDays: z.number().int().min(1).max(90),
  /** Years an archived case file is kept; unchanged when left out. */
  archiveRetentionYears: z.number().int().min(1).max(100).optional(),
  /** Hours before a scheduled hearing its handler is reminded; unchanged when left out. */
  hearingReminderHours: z.number().int().min(1).max(168).optional(),
});

const userRef = z.object({ id: z.string().uuid(), displayName: z.string() });
const orgRef = z.object({ id: z.string().uuid(), name: z.string() });

export const clockSchema = z.object({
  id: z.string().uuid(),
  period: z.enum(PERIOD_KINDS),
  status: z.enum(['running', 'paused', 'stopped']),
  startedAt: z.string(),
  dueAt: z.string(),
  citation: z.string(),
  stoppedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  /**
   * The due time counts the statutory holidays of years whose State Council notice is not on
   * file (`provisionalYears`): it is recomputed when the notice is entered.
   */
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
  /** Recomputations of the due time after the clock started (e.g. a year's notice entered). */
  dueHistory: z.array(
    z.object({
      at: z.string(),
      reason: z.string(),
      ref: z.string(),
      dueAtBefore: z.string(),
      dueAtAfter: z.string(),
      provisionalYearsBefore: z.array(z.number().int()),
      provisionalYearsAfter: z.array(z.number().int()),
    }),
  ),
});

export const materialSchema = z.object({
  code: z.string(),
  label: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  citation: z.string().nullable(),
  status: z.enum(['provided', 'missing', 'requested']),
  requestedAt: z.string().nullable(),
  providedAt: z.string().nullable(),
  /** 份数 and 原件 (true) / 复印件 (false) as registered; null when not recorded. */
  copies: z.number().int().nullable(),
  original: z.boolean().nullable(),
});

export const flagSchema = z.object({
  code: z.string(),
  citation: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  state: z.enum(CASE_STATES),
});

const reasonView = z.object({ code: z.string(), citation: z.string(), note: z.string().optional() });

const handlerRef = z.object({ id: z.string().uuid(), name: z.string() });

export const applicationSummarySchema = z
  .object({
    id: z.string().uuid(),
    number: z.string(),
    state: z.enum(CASE_STATES),
    channel: z.enum(CASE_CHANNELS),
    owner: orgRef,
    applicant: z.object({ id: z.string().uuid(), name: z.string() }),
    matter: z.string(),
    caseType: z.enum(CASE_TYPES),
    receivedAt: z.string(),
    reviewer: userRef.nullable(),
    /** Null for a criminal notice, which has no eligibility review. */
    eligible: z.boolean().nullable(),
    flagCount: z.number().int(),
    awaitingApproval: z.boolean(),
    /** The running (or paused) deadline that matters now: review, supplement, objection review… */
    currentClock: clockSchema.nullable(),
    /** Refused or terminated, and the decision's delivery (送达) is not recorded: "未送达". */
    awaitingDelivery: z.boolean(),
    /** The handler the case is assigned to now (pending or accepted), by name; null before assignment. */
    handler: handlerRef.nullable(),
  })
  .meta({ id: 'ApplicationSummary' });
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;

export const assessmentView = z.object({
  eligible: z.boolean(),
  scope: z.object({ inScope: z.boolean(), matter: z.string(), citations: z.array(z.string()) }),
  hardship: z.object({
    status: z.string(),
    perCapitaMonthlyIncomeFen: z.number().nullable(),
    thresholdFen: z.number().nullable(),
    citations: z.array(z.string()),
  }),
  reasons: z.array(
    z.object({
      code: z.string(),
      citation: z.string(),
      citationText: z
        .string()
        .describe('The citation in words in the language of the request: 《法律援助法》第三十一条 in zh-CN'),
      message: z.string(),
    }),
  ),
  whatWouldChange: z.array(z.object({ code: z.string(), message: z.string() })),
  rulesApplied: z.array(z.string()),
  ruleVersion: z.string(),
});

export const eventSchema = z.object({
  event: z.string(),
  /** The handler the event assigns or concerns (an assignment, an answer to it), by name. */
  handler: handlerRef.nullable(),
  fromState: z.enum(CASE_STATES).nullable(),
  toState: z.enum(CASE_STATES),
  citation: z.string(),
  payload: z.record(z.string(), z.unknown()),
  actor: userRef.nullable(),
  actorKind: z.enum(['staff', 'applicant', 'scheduler']),
  at: z.string(),
});

export const documentSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  number: z.string(),
  issuedAt: z.string(),
  issuedBy: userRef.nullable(),
});

export const attachmentSchema = z
  .object({
    id: z.string().uuid(),
    materialCode: z.string().nullable(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: userRef,
    uploadedAt: z.string(),
  })
  .meta({ id: 'Attachment' });

export const objectionSchema = z.object({
  id: z.string().uuid(),
  against: z.enum(['refusal', 'termination']),
  bureau: orgRef,
  grounds: z.string(),
  filedAt: z.string(),
  status: z.enum(['pending', 'upheld', 'corrected']),
  conclusion: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: userRef.nullable(),
});

export const deliverySchema = z.object({
  id: z.string().uuid(),
  documentId: z.string().uuid(),
  documentKind: z.enum(DOCUMENT_KINDS),
  documentNumber: z.string(),
  method: z.enum(DELIVERY_METHODS),
  deliveredOn: z.string(),
  deliveredBy: z.string(),
  proofAttachmentId: z.string().uuid().nullable(),
  smsReportRef: z.string().nullable(),
  recordedBy: userRef,
  recordedAt: z.string(),
});

/**
 * The objection period of a refused or terminated application (LAL art.49; BJR art.24):
 * `not_delivered` (no due date until the decision's delivery is recorded), `running` (from the
 * delivery), `no_period` (none in force: a termination), `closed` (ran out, or an objection was filed).
 */
export const objectionWindowSchema = z.object({
  status: z.enum(['not_delivered', 'running', 'no_period', 'closed']),
  dueAt: z.string().nullable(),
  citation: z.string().nullable(),
});

export const applicationDetailSchema = applicationSummarySchema
  .extend({
    intakeOrg: orgRef,
    /** The partner institution that sent it through the partner API (发来机构), if any. */
    partner: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
    forwardedBy: z.string().nullable(),
    forwardedReceivedAt: z.string().nullable(),
    forwardedLate: z.boolean().nullable(),
    preliminaryReview: z.object({ by: z.string(), at: z.string(), note: z.string() }).nullable(),
    consultationId: z.string().uuid().nullable(),
    /** The number of the consultation it came from, shown instead of its id. */
    consultationNumber: z.string().nullable(),
    stage: z.string().nullable(),
    opposingParty: z.string().nullable(),
    courtOrAuthority: z.string().nullable(),
    facts: z.string(),
    requestedHelp: z.string(),
    hardshipBasis: z.enum(HARDSHIP_BASES).nullable(),
    household: z.object({ members: z.number().int(), monthlyIncomeFen: z.number().int() }).nullable(),
    categories: z.array(z.string()),
    assessment: assessmentView.nullable(),
    ruleVersion: z.string().nullable(),
    criminalNotice: z
      .object({
        institutionKind: z.enum(NOTIFYING_INSTITUTIONS),
        institutionName: z.string(),
        noticeNumber: z.string().nullable(),
        stage: z.enum(CRIMINAL_STAGES),
        ground: z.string(),
        groundCitation: z.string(),
        charges: z.array(z.string()),
        defendant: z.object({ id: z.string().uuid(), name: z.string() }),
        detained: z.boolean(),
        detentionPlace: z.string().nullable(),
        courtDistrict: orgRef.nullable(),
        noticeReceivedAt: z.string(),
        source: z.enum(['staff', 'partner_api']),
      })
      .nullable(),
    flags: z.array(flagSchema),
    receivedBy: userRef,
    pendingDecision: z
      .object({
        decision: z.enum(['grant', 'refuse']),
        reasons: z.array(reasonView),
        note: z.string().nullable(),
        proposedBy: userRef,
        proposedAt: z.string(),
      })
      .nullable(),
    decision: z.enum(['grant', 'refuse']).nullable(),
    decisionReasons: z.array(reasonView).nullable(),
    decidedAt: z.string().nullable(),
    decidedBy: userRef.nullable(),
    approvedBy: userRef.nullable(),
    provisional: z
      .object({
        ground: z.string(),
        handlerId: z.string(),
        formalitiesDueDate: z.string(),
        completedAt: z.string().nullable(),
      })
      .nullable(),
    clocks: z.array(clockSchema),
    materials: z.array(materialSchema),
    attachments: z.array(attachmentSchema),
    documents: z.array(documentSchema),
    objections: z.array(objectionSchema),
    deliveries: z.array(deliverySchema),
    /** Null unless refused or terminated. */
    objectionWindow: objectionWindowSchema.nullable(),
    events: z.array(eventSchema),
    /** Events the signed-in user may apply now (from the lifecycle table, by role). */
    allowedEvents: z.array(z.string()),
    version: z.number().int(),
  })
  .meta({ id: 'ApplicationDetail' });
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const worklistQuery = listQuery(['dueAt', 'receivedAt', 'number'], {
  /** Comma-separated states; defaults to the ones awaiting the centre's action. */
  state: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/)
    .optional(),
  ownerOrgId: z.string().uuid().optional(),
  channel: z.enum(CASE_CHANNELS).optional(),
  matter: code.optional(),
  reviewerId: z.string().uuid().optional(),
  mine: flag.optional(),
  overdue: flag.optional(),
  awaitingApproval: flag.optional(),
  /** Refused or terminated with the decision's delivery not recorded ("未送达"); those states by default. */
  awaitingDelivery: flag.optional(),
  /** The next deadline falls later today (Beijing): not yet overdue, due before midnight. */
  dueToday: flag.optional(),
  /** An assigned handler has not accepted or declined by the centre's answer time. */
  unanswered: flag.optional(),
  /** Marked major or difficult (重大疑难) by the director. */
  major: flag.optional(),
  applicantId: z.string().uuid().optional(),
  /** Application number, applicant name or pinyin initials. */
  q: z.string().trim().min(1).max(100).optional(),
});
export type WorklistQuery = z.infer<typeof worklistQuery>;
export const applicationPage = pageOf(applicationSummarySchema);

export const onTimeQuery = z.strictObject({
  from: localDate.optional(),
  to: localDate.optional(),
  period: z.enum(PERIOD_KINDS).default('review_decision'),
});

export const onTimeSchema = z.object({
  period: z.enum(PERIOD_KINDS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Stopped clocks: met by the due time, and missed. */
  onTime: z.number().int(),
  late: z.number().int(),
  /** Still running: within time, and already past it. */
  running: z.number().int(),
  overdue: z.number().int(),
  rate: z.number().nullable(),
});

export const alertSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(STAFF_ALERT_KINDS),
  /** Null for duplicate_elsewhere, which is about no deadline. */
  period: z.enum(PERIOD_KINDS).nullable(),
  dueAt: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** Null for duplicate_elsewhere, which is about no case. */
  application: z.object({ id: z.string().uuid(), number: z.string() }).nullable(),
  /** The organisation the alert belongs to (for duplicate_elsewhere: where the attempt was made). */
  organisation: z.object({ id: z.string().uuid(), name: z.string() }),
  /** The scheduled activity a hearing reminder is about; null for the other kinds. */
  activity: z.object({ id: z.string().uuid(), kind: z.string(), at: z.string() }).nullable(),
  /** The complaint a complaint's period or arrival is about; null for the other kinds. */
  complaint: z.object({ id: z.string().uuid(), number: z.string().nullable() }).nullable(),
  /** The handler whose quality record a `quality_concern` is about, and the threshold's name. */
  qualityConcern: z
    .object({ handlerId: z.string().uuid(), handlerName: z.string(), code: z.string() })
    .nullable(),
  /** The budget line a `budget_low` alert is about; null for the other kinds. */
  budgetLine: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
});

export const settingsSchema = z.object({
  organisationId: z.string().uuid(),
  decisionRequiresApproval: z.boolean(),
  supplementDays: z.number().int(),
  archiveRetentionYears: z.number().int(),
  hearingReminderHours: z.number().int(),
});

export const attachmentQuery = z.strictObject({
  name: text(200),
  material: code.optional(),
});

export const applicationIdParams = z.strictObject({ id: z.string().uuid() });
export const childParams = z.strictObject({ id: z.string().uuid(), childId: z.string().uuid() });

/** A person as a notice or a forwarding names them (the registry's codes for sex). */
export const noticePerson = z.strictObject({
  name: text(100),
  idNumber: z.string().trim().min(1).max(40).optional(),
  sex: z.enum(SEXES).optional(),
  birthDate: localDate.optional(),
});

/** A notice to appoint a defender or representative (通知辩护/代理, LAL art.25, art.28). */
export const criminalNoticeBody = z
  .strictObject({
    institutionKind: z.enum(NOTIFYING_INSTITUTIONS),
    institutionName: text(200),
    noticeNumber: text(100).optional(),
    stage: z.enum(CRIMINAL_STAGES),
    ground: z.enum(Object.keys(CRIMINAL_NOTICE_GROUNDS) as [string, ...string[]]),
    charges: z.array(text(100)).min(1).max(20),
    /** The defendant (or the person for whom compulsory medical treatment is sought), a person in scope… */
    defendantId: z.string().uuid().optional(),
    /** …or as the notice names them: matched in the registry by identity number, or registered. */
    defendant: noticePerson.optional(),
    detained: z.boolean(),
    detentionPlace: text(200).optional(),
    /** The district whose court hears the case, when it is not the centre's own. */
    courtDistrictOrgId: z.string().uuid().optional(),
    /** When the notice reached the centre; defaults to now. The 3-day assignment period runs from it. */
    noticeReceivedAt: instant.optional(),
    facts: text(20_000).optional(),
  })
  .refine((b) => (b.defendantId === undefined) !== (b.defendant === undefined), {
    path: ['defendant'],
    message: 'give either defendantId or defendant',
  });

export type CriminalNoticeInput = z.infer<typeof criminalNoticeBody>;
