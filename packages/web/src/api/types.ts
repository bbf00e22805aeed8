// Response and request shapes of the HTTP API, as documented in docs/api.md.

import type { Permission } from '@fayuan/domain';
import type { ApiRequestBody, ApiResponse, ApiSchemas } from './openapi';

/** One list of permissions for server and web: the domain's. */
export type { Permission };

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface ListParams {
  page?: number;
  pageSize?: number;
  /** `field` ascending or `-field` descending. */
  sort?: string;
}

export type MeOrganisation = ApiSchemas['Me']['organisation'];

export type Me = ApiSchemas['Me'];
/** A role's code, as the server lists them. */
export type RoleCode = Me['roles'][number];

export type Session = ApiSchemas['Session'];

export type UserStatus = 'active' | 'disabled';

export type User = ApiSchemas['User'];

export interface UserListParams extends ListParams {
  q?: string;
  organisationId?: string;
  role?: string;
  status?: UserStatus;
}

export type CreateUserInput = ApiRequestBody<'postUsers'>;

export type UpdateUserInput = ApiRequestBody<'patchUsersById'>;

/** A person's consultations and applications (GET /persons/{id}/history). */
export type PersonHistory = ApiSchemas['PersonHistory'];

/** A handler-role account with no handler record yet: the lawyer page's login picker. */
export type LoginOption = ApiResponse<'getHandlersLoginOptions'>[number];
/** A handler record with no login yet: the account page's picker. */
export type HandlerOption = ApiResponse<'getUsersHandlerOptions'>[number];
/** The login linked to a handler record. */
export type HandlerLogin = NonNullable<ApiResponse<'getHandlersById'>['login']>;

export type Organisation = ApiResponse<'getOrganisationsById'>;

/** An entry of GET /organisations/tree: flat, linked by `parentId`. */
export type OrganisationTreeEntry = Pick<
  Organisation,
  'id' | 'parentId' | 'code' | 'name' | 'kind' | 'depth'
> &
  Partial<Omit<Organisation, 'id' | 'parentId' | 'code' | 'name' | 'kind' | 'depth'>>;

export type CreateOrganisationInput = ApiRequestBody<'postOrganisations'>;

export type UpdateOrganisationInput = ApiRequestBody<'patchOrganisationsById'>;

export interface OrganisationKind {
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  /** Smaller first; the server lists kinds in this order. */
  sortOrder?: number;
}

export interface CreateOrganisationKindInput {
  code: string;
  nameZh: string;
  nameEn: string;
  sortOrder?: number;
}

export interface UpdateOrganisationKindInput {
  nameZh?: string;
  nameEn?: string;
  sortOrder?: number;
  active?: boolean;
}

export interface Role {
  code: string;
  name: string;
}

export interface AuditChange {
  before: unknown;
  after: unknown;
}

export interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  actorRoles: string[] | null;
  organisationId: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, AuditChange> | null;
  requestId: string | null;
}

export interface AuditListParams extends ListParams {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  organisationId?: string;
  from?: string;
  to?: string;
}

/** docs/api.md, "Audit": the chain and the signed checkpoints of its head (ADR 0008). */
export type AuditVerifyOutcome =
  'ok' | 'chain_broken' | 'checkpoint_forged' | 'tail_truncated' | 'checkpoint_mismatch';

export interface AuditVerifyResult {
  ok: boolean;
  outcome: AuditVerifyOutcome;
  checked: number;
  brokenAt?: number | string | null;
  checkpoints: number;
  checkpoint?: { eventCount: number; takenAt: string };
}

// Rules engine (docs/api.md, "Rules engine (issue 3)").

export type RuleTableName =
  | 'matter'
  | 'threshold'
  | 'exemption'
  | 'period'
  | 'list_item'
  | 'service_standard'
  | 'subsidy_rate'
  | 'subsidy_policy';

/** GET /rules: a rule table, its labels and the JSON schema of its rows' `data`. */
export interface RuleTable {
  table: RuleTableName;
  labelZh: string;
  labelEn: string;
  dataSchema: unknown;
}

/** One version of a rule (a row of GET /rules/:table). */
export interface RuleRow {
  id: string;
  ruleTable: RuleTableName;
  jurisdiction: string;
  /** Versions with the same table, jurisdiction and key replace each other. */
  key: string;
  data: Record<string, unknown>;
  citation: string;
  effectiveFrom: string;
  /** Last day in force (inclusive); null while in force. */
  effectiveTo: string | null;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface NewRuleVersionInput {
  jurisdiction: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
  citation: string;
  note?: string;
  data: Record<string, unknown>;
}

export interface Jurisdiction {
  code: string;
  nameZh: string;
  nameEn: string;
  parentCode: string | null;
}

export type CalendarDayKind = 'holiday' | 'adjusted_workday';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  nameZh: string;
  nameEn: string;
  source: string;
}

/** What a year's rest days rest on (GET /calendar/basis). */
export interface CalendarBasis {
  year: number;
  basis: 'notice' | 'statutory' | 'weekends';
  provisional: boolean;
  statutoryHolidays: { date: string; nameZh: string; nameEn: string; ruleId: string; citation: string }[];
}

export interface CalendarYearInput {
  jurisdiction?: string;
  year: number;
  source: string;
  replace?: boolean;
  days: { date: string; kind: CalendarDayKind; nameZh: string; nameEn: string }[];
}

export interface AssessmentInput {
  jurisdiction: string;
  applicationDate: string;
  matter: string;
  applicant: { categories: string[] };
  household?: { members: number; monthlyIncomeFen: number };
  facts: Record<string, boolean>;
}

export type HardshipStatus = 'met' | 'not_met' | 'exempt' | 'presumed' | 'not_tested' | 'unknown';

export interface Assessment {
  eligible: boolean;
  scope: { inScope: boolean; matter: string; citations: string[] };
  hardship: {
    status: HardshipStatus;
    perCapitaMonthlyIncomeFen: number | null;
    thresholdFen: number | null;
    citations: string[];
  };
  /** In the request's language (Accept-Language). */
  reasons: { code: string; message: string; citation: string }[];
  whatWouldChange: { code: string; message: string }[];
  rulesApplied: string[];
  ruleVersion: string;
}

export type PeriodUnit = 'calendar_days' | 'working_days' | 'hours';

export type DeadlineInput = {
  start: string;
  jurisdiction?: string;
  pauses?: { from: string; to: string }[];
} & ({ kind: string } | { kind: 'custom'; amount: number; unit: PeriodUnit });

export interface Deadline {
  kind: string;
  amount: number;
  unit: PeriodUnit;
  start: string;
  dueAt: string;
  dueDate: string;
  extendedOver: { date: string; name: string | null }[];
  citations: string[];
  /** CALENDAR_PROVISIONAL carries `provisional` and the `years` counted on the statutory baseline. */
  warnings: { code: string; message: string; provisional?: boolean; years?: number[] }[];
  /** The date relies on the statutory holidays of a year without a State Council notice. */
  provisional: boolean;
  ruleVersion: string;
}

// People: applicants and aid recipients (docs/api.md "People").
export type { ApplicantCategory, DocumentType, RepresentativeRole, Sex } from '@fayuan/domain';
import type { ApplicantCategory, DocumentType, RepresentativeRole, Sex } from '@fayuan/domain';

export interface HouseholdMember {
  name: string;
  relation: string;
  /** Null in an answer to a reader without person.unmask: only the year is shown then. */
  birthDate: string | null;
  /** In answers only. */
  birthYear?: number | null;
}

export interface Person {
  id: string;
  ownerOrgId: string;
  ownerOrgName: string;
  name: string;
  namePinyin: string;
  documentType: DocumentType;
  idNumberMasked: string | null;
  /** Null for a reader without person.unmask, who gets `birthYear` only. */
  birthDate: string | null;
  birthYear: number | null;
  sex: Sex | null;
  phoneMasked: string | null;
  address: string | null;
  categories: ApplicantCategory[];
  householdMembers: HouseholdMember[];
  representative: {
    name: string;
    role: RepresentativeRole;
    relation: string | null;
    phoneMasked: string | null;
  } | null;
  createdAt: string;
  updatedAt: string;
}

export type PersonWarningCode = 'PERSON_SAME_NAME_BIRTH_DATE' | 'PERSON_SAME_PHONE';

export interface PersonWarning {
  code: PersonWarningCode;
  personId: string;
}

export type PersonWithWarnings = Person & { warnings: PersonWarning[] };

export interface RepresentativeInput {
  name: string;
  role: RepresentativeRole;
  relation?: string | null;
  phone?: string | null;
}

export interface CreatePersonInput {
  ownerOrgId?: string;
  name: string;
  documentType?: DocumentType;
  idNumber?: string;
  birthDate?: string;
  sex?: Sex;
  phone?: string;
  address?: string;
  categories?: ApplicantCategory[];
  householdMembers?: HouseholdMember[];
  representative?: RepresentativeInput;
}

export interface UpdatePersonInput {
  name?: string;
  documentType?: DocumentType;
  idNumber?: string | null;
  birthDate?: string | null;
  sex?: Sex | null;
  phone?: string | null;
  address?: string | null;
  categories?: ApplicantCategory[];
  householdMembers?: HouseholdMember[];
  representative?: RepresentativeInput | null;
}

export interface PersonListParams extends ListParams {
  q?: string;
  category?: ApplicantCategory;
  documentType?: DocumentType;
  ownerOrgId?: string;
}

export interface UnmaskedPerson {
  idNumber: string | null;
  phone: string | null;
  representativePhone: string | null;
}

// Consultations (咨询)
export type ConsultationChannel =
  'window_visit' | 'hotline_12348' | 'online' | 'letter' | 'video' | 'workstation' | 'circuit_service';
export type ConsultationOutcome = 'answered' | 'referred' | 'converted' | 'pending';

export interface UserRef {
  id: string;
  displayName: string;
}

export interface Consultation {
  id: string;
  /** 京法援咨〔2026〕第00001号; null for one recorded before numbering. */
  number: string | null;
  ownerOrgId: string;
  channel: ConsultationChannel;
  person: { id: string; name: string } | null;
  callerName: string | null;
  callerPhoneMasked: string | null;
  /** A matter code, or `other`. */
  topicMatter: string;
  question: string;
  answer: string | null;
  durationSeconds: number | null;
  startedAt: string;
  staff: UserRef;
  owner: UserRef;
  outcome: ConsultationOutcome;
  referredTo: string | null;
  applicationId: string | null;
  /** The number of the application it became, shown instead of its id. */
  applicationNumber: string | null;
  followUpOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Handover {
  from: UserRef;
  to: UserRef;
  by: UserRef;
  reason: string;
  at: string;
}

export type ConsultationDetail = Consultation & { handovers: Handover[] };

export interface ConsultationListParams extends ListParams {
  q?: string;
  channel?: ConsultationChannel;
  outcome?: ConsultationOutcome;
  topicMatter?: string;
  ownerUserId?: string;
  mine?: boolean;
  personId?: string;
  callerPhone?: string;
  from?: string;
  to?: string;
}

export interface CreateConsultationInput {
  channel: ConsultationChannel;
  personId?: string;
  callerName?: string;
  callerPhone?: string;
  topicMatter: string;
  question: string;
  answer?: string;
  durationSeconds?: number;
  outcome?: ConsultationOutcome;
  referredTo?: string;
  applicationId?: string;
  followUpOn?: string;
}

export interface UpdateConsultationInput {
  answer?: string | null;
  outcome?: ConsultationOutcome;
  referredTo?: string | null;
  applicationId?: string | null;
  followUpOn?: string | null;
  durationSeconds?: number | null;
}

export interface Colleague {
  id: string;
  displayName: string;
  organisationName: string;
}

// Knowledge base (知识库)
export type ArticleStatus = 'draft' | 'published' | 'archived';

export interface Article {
  id: string;
  ownerOrgId: string;
  jurisdiction: string;
  title: string;
  body: string;
  matters: string[];
  sources: string | null;
  status: ArticleStatus;
  author: UserRef | null;
  version: number;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

export type ArticleHit = Article & { snippet: SnippetPart[] | null };

export interface ArticleListParams extends ListParams {
  q?: string;
  matter?: string;
  jurisdiction?: string;
  status?: ArticleStatus;
}

export interface CreateArticleInput {
  title: string;
  body: string;
  matters: string[];
  jurisdiction: string;
  sources?: string;
  status: ArticleStatus;
}

export interface UpdateArticleInput {
  version: number;
  title?: string;
  body?: string;
  matters?: string[];
  jurisdiction?: string;
  sources?: string | null;
  status?: ArticleStatus;
}

/** One answer of the global search (GET /search): words to show, and the record to open. */
export type SearchItem = ApiResponse<'getSearch'>['items'][number];
