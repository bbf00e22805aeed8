// Applications and review (申请与审查): request and response shapes mirroring
// packages/server/src/modules/applications/applications.schemas.ts; the summary, detail and
// attachment are the generated ones (schema.gen.ts), so they cannot drift.

import type {
  ApplicantCategory,
  ApplicationChannel,
  CaseState,
  CriminalStage,
  DocumentKind,
  Fact,
  NotifyingInstitution,
  PeriodKind,
  ProvisionalAidGround,
} from '@fayuan/domain';
import type { ApiSchemas } from './openapi';
import type { ListParams, UserRef } from './types';

export type { ApplicationChannel, CaseState, DocumentKind, PeriodKind, ProvisionalAidGround };

/** How a case came in: an application's channel, or a notice from police, procuratorate or court. */
export type CaseChannel = ApplicationChannel | 'criminal_notice';

/** A notice to appoint a defender or representative (通知辩护/代理, LAL art.25, art.28). */
export interface CriminalNotice {
  institutionKind: NotifyingInstitution;
  institutionName: string;
  noticeNumber: string | null;
  stage: CriminalStage;
  ground: string;
  groundCitation: string;
  charges: string[];
  defendant: { id: string; name: string };
  detained: boolean;
  detentionPlace: string | null;
  courtDistrict: OrgRef | null;
  noticeReceivedAt: string;
  source: 'staff' | 'partner_api';
}

/** The server's CASE_TYPES (db/schema/applications.ts); web may not import the server. */
export type CaseType =
  'criminal' | 'civil' | 'administrative' | 'state_compensation' | 'appeal' | 'notarial' | 'non_litigation';

/** On what footing the applicant's economic hardship rests (LAL art.32, art.41, art.42). */
export type HardshipBasis = 'integrity_pledge' | 'certificate' | 'no_condition_ground' | 'presumed_category';

export interface OrgRef {
  id: string;
  name: string;
}

/** A ground of a decision: a code from a rule list or the assessment, its citation, optional note. */
export interface DecisionReasonInput {
  code: string;
  citation: string;
  note?: string;
}

export interface CreateApplicationInput {
  applicantId: string;
  channel: ApplicationChannel;
  forwardedBy?: string;
  forwardedReceivedAt?: string;
  receivedAt?: string;
  consultationId?: string;
  matter: string;
  caseType: CaseType;
  stage?: string;
  opposingParty?: string;
  courtOrAuthority?: string;
  facts: string;
  requestedHelp: string;
  hardshipBasis: HardshipBasis;
  household?: { members: number; monthlyIncomeFen: number };
  categories: ApplicantCategory[];
  eligibilityFacts: Partial<Record<Fact, boolean>>;
  materialsProvided: string[];
  /** 份数 and 原件 (true) / 复印件 (false) of materials in materialsProvided (the receipt's columns). */
  materialForms?: MaterialForm[];
  actingByAgent: boolean;
  preliminaryReviewNote?: string;
}

export interface MaterialForm {
  code: string;
  copies?: number;
  original?: boolean;
}

export interface SupplementInput {
  extraItems: string[];
  dueDate?: string;
}

export interface MaterialsReceivedInput {
  /** Codes (or extra item labels) now provided. */
  provided: string[];
  /** 份数 and 原件/复印件 of what was provided. */
  forms?: MaterialForm[];
}

export type Decision = 'grant' | 'refuse';

export interface DecideInput {
  decision: Decision;
  reasons: DecisionReasonInput[];
  note?: string;
}

export interface ApprovalInput {
  approve: boolean;
  note?: string;
}

export interface ProvisionalAidInput {
  ground: ProvisionalAidGround;
  /** A handler of the registry (handlers.id), one of the case's candidates. */
  handlerId: string;
  /** Required when the handler is not the recommended candidate. */
  reason?: string;
  formalitiesDueDate: string;
  note?: string;
}

export interface WithdrawInput {
  reason: string;
}

export interface ObjectionInput {
  grounds: string;
  filedAt?: string;
}

export type ObjectionOutcome = 'upheld' | 'corrected';

export interface ObjectionDecisionInput {
  outcome: ObjectionOutcome;
  conclusion: string;
}

export interface CentreSettingsInput {
  decisionRequiresApproval: boolean;
  supplementDays: number;
  /** Hours before a scheduled hearing its handler is reminded (a setting, not law). */
  hearingReminderHours?: number;
}

export interface CentreSettings extends CentreSettingsInput {
  organisationId: string;
}

export type ClockStatus = 'running' | 'paused' | 'stopped';

/** A clock as the server sends it (generated types), with its provisional years and due history. */
export type ApplicationClock = ApiSchemas['ApplicationDetail']['clocks'][number];

export type MaterialStatus = 'provided' | 'missing' | 'requested';

export interface ApplicationMaterial {
  code: string;
  /** An extra item's own wording (code `extra`), null for listed materials. */
  label: string | null;
  nameZh: string;
  nameEn: string;
  citation: string | null;
  status: MaterialStatus;
  requestedAt: string | null;
  providedAt: string | null;
  /** 份数 and 原件 (true) / 复印件 (false) as registered; null when not recorded. */
  copies: number | null;
  original: boolean | null;
}

export interface ReviewFlag {
  code: string;
  citation: string;
  applicationId: string;
  applicationNumber: string;
  state: CaseState;
}

export interface ReasonView {
  code: string;
  citation: string;
  note?: string;
}

export type ApplicationSummary = ApiSchemas['ApplicationSummary'];

export interface ApplicationAssessment {
  eligible: boolean;
  scope: { inScope: boolean; matter: string; citations: string[] };
  hardship: {
    status: string;
    perCapitaMonthlyIncomeFen: number | null;
    thresholdFen: number | null;
    citations: string[];
  };
  reasons: { code: string; citation: string; message: string }[];
  whatWouldChange: { code: string; message: string }[];
  rulesApplied: string[];
  ruleVersion: string;
}

export interface ApplicationEvent {
  event: string;
  fromState: CaseState | null;
  toState: CaseState;
  citation: string;
  payload: Record<string, unknown>;
  /** The handler the event assigns or concerns, by name. */
  handler: { id: string; name: string } | null;
  actor: UserRef | null;
  actorKind: 'staff' | 'applicant' | 'scheduler';
  at: string;
}

export interface IssuedDocument {
  id: string;
  kind: DocumentKind;
  number: string;
  issuedAt: string;
  issuedBy: UserRef | null;
}

export type ApplicationAttachment = ApiSchemas['Attachment'];

export type ObjectionStatus = 'pending' | 'upheld' | 'corrected';

export interface Objection {
  id: string;
  against: 'refusal' | 'termination';
  bureau: OrgRef;
  grounds: string;
  filedAt: string;
  status: ObjectionStatus;
  conclusion: string | null;
  decidedAt: string | null;
  decidedBy: UserRef | null;
}

export type ApplicationDetail = ApiSchemas['ApplicationDetail'];

/** How a document reached the applicant (送达方式). */
export type DeliveryMethod = ApplicationDetail['deliveries'][number]['method'];
export type Delivery = ApplicationDetail['deliveries'][number];

export interface DeliveryInput {
  documentId: string;
  method: DeliveryMethod;
  /** A Beijing calendar day, YYYY-MM-DD. */
  deliveredOn: string;
  deliveredBy: string;
  proofAttachmentId?: string;
  smsReportRef?: string;
}

export interface WorklistParams extends ListParams {
  /** Comma-separated states; the server defaults to the ones awaiting the centre's action. */
  state?: string;
  ownerOrgId?: string;
  channel?: ApplicationChannel;
  matter?: string;
  reviewerId?: string;
  mine?: boolean;
  overdue?: boolean;
  awaitingApproval?: boolean;
  /** Refused or terminated, the decision's delivery not recorded (未送达). */
  awaitingDelivery?: boolean;
  /** The next deadline falls later today (Beijing). */
  dueToday?: boolean;
  /** An assigned handler has not answered in time. */
  unanswered?: boolean;
  /** Marked major or difficult (重大疑难). */
  major?: boolean;
  applicantId?: string;
  q?: string;
}

export interface OnTimeParams {
  from?: string;
  to?: string;
  period?: PeriodKind;
}

export interface OnTimeStats {
  period: PeriodKind;
  from: string | null;
  to: string | null;
  onTime: number;
  late: number;
  running: number;
  overdue: number;
  /** onTime / (onTime + late), or null before any clock stopped. */
  rate: number | null;
}

export interface StaffAlert {
  id: string;
  kind:
    | 'reminder'
    | 'overdue'
    | 'unanswered'
    | 'duplicate_elsewhere'
    | 'assigned'
    | 'closing_returned'
    | 'objection_filed'
    | 'hearing_reminder'
    | 'duty_request'
    | 'duty_swap'
    | 'partner_callback_failed'
    | 'complaint_received'
    | 'quality_concern'
    | 'observation_findings'
    | 'rectification_overdue'
    | 'budget_low';
  /** Null for duplicate_elsewhere (a supervisor's alert of a refused cross-district registration). */
  period: PeriodKind | null;
  dueAt: string;
  createdAt: string;
  readAt: string | null;
  application: { id: string; number: string } | null;
  /** For duplicate_elsewhere: the organisation where the registration was attempted. */
  organisation: { id: string; name: string };
  /** For a hearing reminder: the scheduled activity and its time. */
  activity: { id: string; kind: string; at: string } | null;
  /** For a complaint's period or arrival: the complaint. */
  complaint: { id: string; number: string | null } | null;
  /** For a quality concern: the handler and the threshold crossed. */
  qualityConcern: { handlerId: string; handlerName: string; code: string } | null;
  /** For a budget line running low: the line. */
  budgetLine: { id: string; name: string } | null;
}

/** An item of a rule list in force, with its names and citation (GET /applications/reference). */
export interface ReferenceItem {
  code: string;
  nameZh: string;
  nameEn: string;
  citation: string;
  params: Record<string, string | number | boolean>;
}

/** `params.requiredFor`: a hardship basis, `all`, or `agent` (when someone acts for the applicant). */
export type MaterialReference = ReferenceItem;

export interface ApplicationReference {
  materials: MaterialReference[];
  refusalReasons: ReferenceItem[];
  /** Reasons no longer in force: to name past decisions' reasons, never to offer. */
  formerRefusalReasons: ReferenceItem[];
  reviewFlags: ReferenceItem[];
  /** LAL art.44 grounds; their wording is in the catalogs. */
  provisionalGrounds: { code: string; citation: string }[];
}
