import { api, apiUrl, setCsrfToken } from './client';
import type {
  CreatedPartner,
  CreatePartnerInput,
  Partner,
  PartnerDetail,
  PartnerKey,
  PartnerListParams,
  PartnerRequestPage,
  PartnerDelivery,
  PartnerDeliveryPage,
  RotatedKey,
  UpdatePartnerInput,
} from './partnerTypes';
import type { ApiResponse } from './openapi';
import type {
  ConflictInput,
  CreateHandlerInput,
  HandlerConflict,
  HandlerDetail,
  Handler,
  HandlerListParams,
  HandlerTraining,
  LawFirm,
  LawFirmInput,
  LawFirmListParams,
  StatusChangeInput,
  Team,
  TeamInput,
  TeamMember,
  TrainingInput,
  UpdateHandlerInput,
  UpdateLawFirmInput,
  UpdateTeamInput,
} from './handlerTypes';
import type {
  AssignInput,
  AssignmentCandidates,
  AssignmentPlan,
  AssignmentResponseInput,
  ChangeHandlerInput,
  MyAssignment,
  PlanConfirmInput,
} from './assignmentTypes';
import type {
  ActivityInput,
  CaseActivity,
  CaseArchive,
  ClosingMaterials,
  Closing,
  ClosingInput,
  ClosingReviewInput,
  Discussion,
  DiscussionInput,
  MajorFlag,
  MajorInput,
  TerminationInput,
  TerminationReport,
  TerminationReportInput,
} from './caseworkTypes';
import type { CaseBrief } from './caseBriefTypes';
import type {
  CaseEvaluation,
  EvaluationInput,
  QualityReference,
  SubsidyPayment,
  SubsidyPaymentInput,
} from './qualityTypes';
import type {
  ApplicationAttachment,
  ApplicationDetail,
  ApplicationReference,
  ApplicationSummary,
  ApprovalInput,
  CentreSettings,
  CentreSettingsInput,
  CreateApplicationInput,
  DecideInput,
  MaterialsReceivedInput,
  ObjectionDecisionInput,
  ObjectionInput,
  DeliveryInput,
  OnTimeParams,
  OnTimeStats,
  ProvisionalAidInput,
  StaffAlert,
  SupplementInput,
  WithdrawInput,
  WorklistParams,
} from './applicationTypes';
import type {
  SearchItem,
  Article,
  ArticleHit,
  ArticleListParams,
  Colleague,
  Consultation,
  ConsultationDetail,
  ConsultationListParams,
  CreateArticleInput,
  CreateConsultationInput,
  UpdateArticleInput,
  UpdateConsultationInput,
  Assessment,
  AssessmentInput,
  AuditEvent,
  CalendarDay,
  CalendarBasis,
  CalendarYearInput,
  Deadline,
  DeadlineInput,
  Jurisdiction,
  NewRuleVersionInput,
  RuleRow,
  RuleTable,
  RuleTableName,
  AuditListParams,
  AuditVerifyResult,
  CreateOrganisationInput,
  CreateOrganisationKindInput,
  CreateUserInput,
  HandlerOption,
  LoginOption,
  Me,
  Organisation,
  OrganisationKind,
  OrganisationTreeEntry,
  Page,
  CreatePersonInput,
  Person,
  PersonHistory,
  PersonListParams,
  PersonWithWarnings,
  UnmaskedPerson,
  UpdatePersonInput,
  Role,
  Session,
  UpdateOrganisationInput,
  UpdateOrganisationKindInput,
  UpdateUserInput,
  User,
  UserListParams,
} from './types';

const enc = encodeURIComponent;

/** Some endpoints may answer a bare array or a `{items}` wrapper; accept both. */
function asArray<T>(value: T[] | { items: T[] } | null | undefined): T[] {
  if (Array.isArray(value)) return value;
  return value?.items ?? [];
}

export const authApi = {
  async login(username: string, password: string): Promise<Me> {
    const session = await api.post<Session>('/auth/login', { username, password });
    setCsrfToken(session.csrfToken);
    return session.user;
  },
  async me(signal?: AbortSignal): Promise<Me> {
    const session = await api.get<Session>('/me', undefined, signal);
    setCsrfToken(session.csrfToken);
    return session.user;
  },
  async logout(): Promise<void> {
    await api.post<void>('/auth/logout');
    setCsrfToken(null);
  },
  async logoutAll(): Promise<void> {
    await api.post<void>('/auth/logout-all');
    setCsrfToken(null);
  },
  /** Saves the interface language on the account (used by the server for messages it sends later). */
  async saveLocale(locale: string): Promise<Me> {
    const session = await api.patch<Session>('/me', { locale });
    setCsrfToken(session.csrfToken);
    return session.user;
  },
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/auth/password', { currentPassword, newPassword }),
};

export const referenceApi = {
  roles: async (signal?: AbortSignal) =>
    asArray(await api.get<Role[] | { items: Role[] }>('/roles', undefined, signal)),
  organisationKinds: async (signal?: AbortSignal) =>
    asArray(
      await api.get<OrganisationKind[] | { items: OrganisationKind[] }>(
        '/organisation-kinds',
        undefined,
        signal,
      ),
    ),
};

export const organisationKindsApi = {
  create: (input: CreateOrganisationKindInput, idempotencyKey: string) =>
    api.post<OrganisationKind>('/organisation-kinds', input, idempotencyKey),
  update: (code: string, input: UpdateOrganisationKindInput) =>
    api.patch<OrganisationKind>(`/organisation-kinds/${enc(code)}`, input),
};

export const organisationsApi = {
  tree: async (signal?: AbortSignal) =>
    asArray(
      await api.get<OrganisationTreeEntry[] | { items: OrganisationTreeEntry[] }>(
        '/organisations/tree',
        undefined,
        signal,
      ),
    ),
  get: (id: string, signal?: AbortSignal) =>
    api.get<Organisation>(`/organisations/${enc(id)}`, undefined, signal),
  create: (input: CreateOrganisationInput, idempotencyKey: string) =>
    api.post<Organisation>('/organisations', input, idempotencyKey),
  update: (id: string, input: UpdateOrganisationInput) =>
    api.patch<Organisation>(`/organisations/${enc(id)}`, input),
};

export const usersApi = {
  list: (params: UserListParams, signal?: AbortSignal) =>
    api.get<Page<User>>('/users', { ...params }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<User>(`/users/${enc(id)}`, undefined, signal),
  create: (input: CreateUserInput, idempotencyKey: string) => api.post<User>('/users', input, idempotencyKey),
  update: (id: string, input: UpdateUserInput) => api.patch<User>(`/users/${enc(id)}`, input),
  resetPassword: (id: string, newPassword: string) =>
    api.post<void>(`/users/${enc(id)}/reset-password`, { newPassword }),
  unlock: (id: string) => api.post<User>(`/users/${enc(id)}/unlock`),
  /** Handler records in scope with no login (up to 20). */
  handlerOptions: (q: string | undefined, signal?: AbortSignal) =>
    api.get<HandlerOption[]>('/users/handler-options', { q }, signal),
  linkHandler: (id: string, handlerId: string) => api.put<User>(`/users/${enc(id)}/handler`, { handlerId }),
  unlinkHandler: (id: string) => api.delete<void>(`/users/${enc(id)}/handler`),
};

export const auditApi = {
  list: (params: AuditListParams, signal?: AbortSignal) =>
    api.get<Page<AuditEvent>>('/audit-events', { ...params }, signal),
  verify: () => api.get<AuditVerifyResult>('/audit-events/verify'),
};

export const rulesApi = {
  tables: (signal?: AbortSignal) => api.get<RuleTable[]>('/rules', undefined, signal),
  /** Every version (or those in force `at` a date), the rows inherited from parent jurisdictions included. */
  rows: (table: RuleTableName, jurisdiction: string, at?: string, signal?: AbortSignal) =>
    api.get<RuleRow[]>(`/rules/${enc(table)}`, { jurisdiction, at }, signal),
  addVersion: (table: RuleTableName, input: NewRuleVersionInput, idempotencyKey: string) =>
    api.post<RuleRow>(`/rules/${enc(table)}`, input, idempotencyKey),
  jurisdictions: (signal?: AbortSignal) => api.get<Jurisdiction[]>('/jurisdictions', undefined, signal),
};

export const calendarApi = {
  year: (year: number, jurisdiction: string, signal?: AbortSignal) =>
    api.get<CalendarDay[]>('/calendar', { year, jurisdiction }, signal),
  basis: (year: number, jurisdiction: string, signal?: AbortSignal) =>
    api.get<CalendarBasis>('/calendar/basis', { year, jurisdiction }, signal),
  addYear: (input: CalendarYearInput, idempotencyKey: string) =>
    api.post<{ jurisdiction: string; year: number; days: number; recomputedClocks: number }>(
      '/calendar/years',
      input,
      idempotencyKey,
    ),
};

export const eligibilityApi = {
  assess: (input: AssessmentInput) => api.post<Assessment>('/eligibility/assessments', input),
  deadline: (input: DeadlineInput) => api.post<Deadline>('/deadlines', input),
  centres: (signal?: AbortSignal) =>
    api.get<ApiResponse<'getEligibilityCentres'>>('/eligibility/centres', undefined, signal),
};

export const searchApi = {
  /** Audited on the server (the ids shown, never the text). */
  find: (q: string, signal?: AbortSignal) => api.get<{ items: SearchItem[] }>('/search', { q }, signal),
};

export const personsApi = {
  list: (params: PersonListParams, signal?: AbortSignal) =>
    api.get<Page<Person>>('/persons', { ...params }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Person>(`/persons/${enc(id)}`, undefined, signal),
  create: (input: CreatePersonInput, idempotencyKey: string) =>
    api.post<PersonWithWarnings>('/persons', input, idempotencyKey),
  update: (id: string, input: UpdatePersonInput) =>
    api.patch<PersonWithWarnings>(`/persons/${enc(id)}`, input),
  /** The full numbers, for this view only; the server records the reveal in the audit log. */
  unmask: (id: string) => api.post<UnmaskedPerson>(`/persons/${enc(id)}/unmask`),
  /** Consultations and applications in scope; an audited read on the server. */
  history: (id: string, signal?: AbortSignal) =>
    api.get<PersonHistory>(`/persons/${enc(id)}/history`, undefined, signal),
};

export const consultationsApi = {
  list: (params: ConsultationListParams, signal?: AbortSignal) =>
    api.get<Page<Consultation>>('/consultations', { ...params }, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<ConsultationDetail>(`/consultations/${enc(id)}`, undefined, signal),
  create: (input: CreateConsultationInput, idempotencyKey: string) =>
    api.post<Consultation>('/consultations', input, idempotencyKey),
  update: (id: string, input: UpdateConsultationInput) =>
    api.patch<Consultation>(`/consultations/${enc(id)}`, input),
  handOver: (id: string, toUserId: string, reason: string) =>
    api.post<ConsultationDetail>(`/consultations/${enc(id)}/handover`, { toUserId, reason }),
  /** The caller as a person (linked, found by name and phone, or registered), to convert the call. */
  callerPerson: (id: string) =>
    api.post<{ personId: string; created: boolean }>(`/consultations/${enc(id)}/caller-person`, {}),
  colleagues: async (signal?: AbortSignal) =>
    asArray(await api.get<{ items: Colleague[] }>('/consultations/colleagues', undefined, signal)),
};

export const knowledgeApi = {
  list: (params: ArticleListParams, signal?: AbortSignal) =>
    api.get<Page<ArticleHit>>('/knowledge/articles', { ...params }, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<Article>(`/knowledge/articles/${enc(id)}`, undefined, signal),
  create: (input: CreateArticleInput, idempotencyKey: string) =>
    api.post<Article>('/knowledge/articles', input, idempotencyKey),
  update: (id: string, input: UpdateArticleInput) =>
    api.patch<Article>(`/knowledge/articles/${enc(id)}`, input),
  remove: (id: string) => api.delete<void>(`/knowledge/articles/${enc(id)}`),
};

export const applicationsApi = {
  list: (params: WorklistParams, signal?: AbortSignal) =>
    api.get<Page<ApplicationSummary>>('/applications', { ...params }, signal),
  reference: (signal?: AbortSignal) =>
    api.get<ApplicationReference>('/applications/reference', undefined, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<ApplicationDetail>(`/applications/${enc(id)}`, undefined, signal),
  create: (input: CreateApplicationInput, idempotencyKey: string) =>
    api.post<ApplicationDetail>('/applications', input, idempotencyKey),
  /** One notice listing every missing material; the review clock pauses. */
  requestSupplement: (id: string, input: SupplementInput) =>
    api.post<ApplicationDetail>(`/applications/${enc(id)}/supplement-request`, input),
  materialsReceived: (id: string, input: MaterialsReceivedInput) =>
    api.post<ApplicationDetail>(`/applications/${enc(id)}/materials`, input),
  /** The caller becomes the reviewer. */
  startReview: (id: string) => api.post<ApplicationDetail>(`/applications/${enc(id)}/review`),
  decide: (id: string, input: DecideInput) =>
    api.post<ApplicationDetail>(`/applications/${enc(id)}/decision`, input),
  approval: (id: string, input: ApprovalInput) =>
    api.post<ApplicationDetail>(`/applications/${enc(id)}/approval`, input),
  provisionalAid: (id: string, input: ProvisionalAidInput) =>
    api.post<ApplicationDetail>(`/applications/${enc(id)}/provisional-aid`, input),
  completeFormalities: (id: string) =>
    api.post<ApplicationDetail>(`/applications/${enc(id)}/formalities-completed`),
  withdraw: (id: string, input: WithdrawInput) =>
    api.post<ApplicationDetail>(`/applications/${enc(id)}/withdrawal`, input),
  /** 送达: a refusal's objection period runs from the delivered day (BJR art.24). */
  recordDelivery: (id: string, input: DeliveryInput) =>
    api.post<ApplicationDetail>(`/applications/${enc(id)}/deliveries`, input),
  fileObjection: (id: string, input: ObjectionInput) =>
    api.post<ApplicationDetail>(`/applications/${enc(id)}/objections`, input),
  decideObjection: (id: string, objectionId: string, input: ObjectionDecisionInput) =>
    api.post<ApplicationDetail>(`/applications/${enc(id)}/objections/${enc(objectionId)}/decision`, input),
  uploadAttachment: (id: string, file: File, material?: string) =>
    api.upload<ApplicationAttachment>(`/applications/${enc(id)}/attachments`, file, {
      name: file.name,
      material,
    }),
  attachmentUrl: (id: string, attachmentId: string) =>
    apiUrl(`/applications/${enc(id)}/attachments/${enc(attachmentId)}`),
  documentPdfUrl: (id: string, documentId: string) =>
    apiUrl(`/applications/${enc(id)}/documents/${enc(documentId)}/pdf`),
  onTime: (params: OnTimeParams, signal?: AbortSignal) =>
    api.get<OnTimeStats>('/applications/stats/on-time', { ...params }, signal),
};

export const alertsApi = {
  list: async (signal?: AbortSignal) =>
    asArray(await api.get<StaffAlert[] | { items: StaffAlert[] }>('/alerts', undefined, signal)),
  markRead: (id: string) => api.post<void>(`/alerts/${enc(id)}/read`),
};

export const centreSettingsApi = {
  get: (organisationId: string, signal?: AbortSignal) =>
    api.get<CentreSettings>(`/centre-settings/${enc(organisationId)}`, undefined, signal),
  update: (organisationId: string, input: CentreSettingsInput) =>
    api.put<CentreSettings>(`/centre-settings/${enc(organisationId)}`, input),
};

export const handlersApi = {
  list: (params: HandlerListParams, signal?: AbortSignal) =>
    api.get<Page<Handler>>('/handlers', { ...params }, signal),
  /** Audited read on the server (the record holds a phone). */
  get: (id: string, signal?: AbortSignal) =>
    api.get<HandlerDetail>(`/handlers/${enc(id)}`, undefined, signal),
  create: (input: CreateHandlerInput, idempotencyKey: string) =>
    api.post<HandlerDetail>('/handlers', input, idempotencyKey),
  update: (id: string, input: UpdateHandlerInput) => api.patch<HandlerDetail>(`/handlers/${enc(id)}`, input),
  changeStatus: (id: string, input: StatusChangeInput) =>
    api.post<HandlerDetail>(`/handlers/${enc(id)}/status`, input),
  addTraining: (id: string, input: TrainingInput, idempotencyKey: string) =>
    api.post<HandlerTraining>(`/handlers/${enc(id)}/training`, input, idempotencyKey),
  addConflict: (id: string, input: ConflictInput, idempotencyKey: string) =>
    api.post<HandlerConflict>(`/handlers/${enc(id)}/conflicts`, input, idempotencyKey),
  removeConflict: (id: string, conflictId: string) =>
    api.delete<void>(`/handlers/${enc(id)}/conflicts/${enc(conflictId)}`),
  /** Handler-role accounts in scope linked to no handler (up to 20). */
  loginOptions: (q: string | undefined, signal?: AbortSignal) =>
    api.get<LoginOption[]>('/handlers/login-options', { q }, signal),
  createLogin: (id: string, input: { username: string; password: string }, idempotencyKey: string) =>
    api.post<HandlerDetail>(`/handlers/${enc(id)}/login`, input, idempotencyKey),
  linkLogin: (id: string, userId: string) => api.put<HandlerDetail>(`/handlers/${enc(id)}/login`, { userId }),
  unlinkLogin: (id: string) => api.delete<void>(`/handlers/${enc(id)}/login`),
};

export const teamsApi = {
  list: async (signal?: AbortSignal) =>
    asArray(await api.get<{ items: Team[] }>('/teams', undefined, signal)),
  create: (input: TeamInput, idempotencyKey: string) => api.post<Team>('/teams', input, idempotencyKey),
  update: (id: string, input: UpdateTeamInput) => api.patch<Team>(`/teams/${enc(id)}`, input),
  members: async (id: string, all: boolean, signal?: AbortSignal) =>
    asArray(
      await api.get<{ items: TeamMember[] }>(
        `/teams/${enc(id)}/members`,
        all ? { all: 'true' } : undefined,
        signal,
      ),
    ),
  addMember: (id: string, handlerId: string) =>
    api.post<{ handlerId: string; since: string }>(`/teams/${enc(id)}/members`, { handlerId }),
  endMembership: (id: string, handlerId: string) =>
    api.delete<void>(`/teams/${enc(id)}/members/${enc(handlerId)}`),
};

export const lawFirmsApi = {
  list: (params: LawFirmListParams, signal?: AbortSignal) =>
    api.get<Page<LawFirm>>('/law-firms', { ...params }, signal),
  create: (input: LawFirmInput, idempotencyKey: string) =>
    api.post<LawFirm>('/law-firms', input, idempotencyKey),
  update: (id: string, input: UpdateLawFirmInput) => api.patch<LawFirm>(`/law-firms/${enc(id)}`, input),
};

export const assignmentApi = {
  /** Every handler in the pool for the case, eligible ones by score, each with the reasons. */
  candidates: (id: string, signal?: AbortSignal) =>
    api.get<AssignmentCandidates>(`/applications/${enc(id)}/candidates`, undefined, signal),
  /** No handlerId: the best candidate; another choice needs a reason. */
  assign: (id: string, input: AssignInput, idempotencyKey?: string) =>
    api.post<ApplicationDetail>(`/applications/${enc(id)}/assignment`, input, idempotencyKey),
  /** The assigned handler accepts, or declines with a reason. */
  respond: (id: string, input: AssignmentResponseInput) =>
    api.post<void>(`/applications/${enc(id)}/assignment/response`, input),
  changeHandler: (id: string, input: ChangeHandlerInput) =>
    api.post<ApplicationDetail>(`/applications/${enc(id)}/assignment/change`, input),
  /** A batch plan for the waiting cases; nothing is assigned until it is confirmed. */
  plan: (applicationIds?: string[]) =>
    api.post<AssignmentPlan>('/assignment-plans', applicationIds ? { applicationIds } : {}),
  confirmPlan: (input: PlanConfirmInput, idempotencyKey?: string) =>
    api.post<{ assigned: number }>('/assignment-plans/confirm', input, idempotencyKey),
  /** The signed-in handler's pending and accepted cases. */
  mine: async (signal?: AbortSignal) =>
    asArray(await api.get<{ items: MyAssignment[] }>('/my-assignments', undefined, signal)),
};

/** Casework (承办): `:id` is the application id; the assigned handler and centre staff share these. */
export const caseworkApi = {
  activities: (id: string, signal?: AbortSignal) =>
    api.get<CaseActivity[]>(`/cases/${enc(id)}/activities`, undefined, signal),
  recordActivity: (id: string, input: ActivityInput) =>
    api.post<CaseActivity>(`/cases/${enc(id)}/activities`, input),
  /** The major-or-difficult mark as it stands (the handler and centre staff read it). */
  major: (id: string, signal?: AbortSignal) =>
    api.get<MajorFlag>(`/cases/${enc(id)}/major`, undefined, signal),
  setMajor: (id: string, input: MajorInput) => api.post<MajorFlag>(`/cases/${enc(id)}/major`, input),
  discussions: (id: string, signal?: AbortSignal) =>
    api.get<Discussion[]>(`/cases/${enc(id)}/discussions`, undefined, signal),
  recordDiscussion: (id: string, input: DiscussionInput) =>
    api.post<Discussion>(`/cases/${enc(id)}/discussions`, input),
  terminationReports: (id: string, signal?: AbortSignal) =>
    api.get<TerminationReport[]>(`/cases/${enc(id)}/termination-reports`, undefined, signal),
  reportTermination: (id: string, input: TerminationReportInput) =>
    api.post<TerminationReport>(`/cases/${enc(id)}/termination-report`, input),
  terminate: (id: string, input: TerminationInput) =>
    api.post<ApplicationDetail>(`/cases/${enc(id)}/termination`, input),
  /** Latest first. */
  closings: (id: string, signal?: AbortSignal) =>
    api.get<Closing[]>(`/cases/${enc(id)}/closings`, undefined, signal),
  /** The closing materials the case needs and the files on record for each (LAL art.50). */
  closingMaterials: (id: string, signal?: AbortSignal) =>
    api.get<ClosingMaterials>(`/cases/${enc(id)}/closing-materials`, undefined, signal),
  /** The assigned handler uploads a closing material (raw file body; name and material code in the query). */
  uploadClosingMaterial: (id: string, file: File, material: string) =>
    api.upload<ApplicationAttachment>(`/cases/${enc(id)}/attachments`, file, { name: file.name, material }),
  /** A case file's download address (audited): centre staff any file, the handler their closing materials. */
  attachmentUrl: (id: string, attachmentId: string) =>
    apiUrl(`/cases/${enc(id)}/attachments/${enc(attachmentId)}`),
  submitClosing: (id: string, input: ClosingInput) => api.post<Closing>(`/cases/${enc(id)}/closing`, input),
  reviewClosing: (id: string, input: ClosingReviewInput) =>
    api.post<ApplicationDetail>(`/cases/${enc(id)}/closing/review`, input),
  archive: (id: string) => api.post<CaseArchive>(`/cases/${enc(id)}/archive`),
  archived: (id: string, signal?: AbortSignal) =>
    api.get<CaseArchive>(`/cases/${enc(id)}/archive`, undefined, signal),
};

/** Quality evaluation of a closed case (质量评估, LAL art.57, art.59). */
export const qualityApi = {
  reference: (signal?: AbortSignal) => api.get<QualityReference>('/quality/reference', undefined, signal),
  /** Null until the case is evaluated. */
  evaluation: (id: string, signal?: AbortSignal) =>
    api.get<CaseEvaluation | null>(`/applications/${enc(id)}/evaluation`, undefined, signal),
  evaluate: (id: string, input: EvaluationInput) =>
    api.post<CaseEvaluation>(`/applications/${enc(id)}/evaluation`, input),
};

/** Case subsidies paid (办案补贴, LAL art.52): finance records them. */
export const subsidiesApi = {
  payments: (id: string, signal?: AbortSignal) =>
    api.get<SubsidyPayment[]>(`/applications/${enc(id)}/subsidy-payments`, undefined, signal),
  pay: (id: string, input: SubsidyPaymentInput) =>
    api.post<SubsidyPayment>(`/applications/${enc(id)}/subsidy-payment`, input),
};

/** The case brief for its handler, and the letters and decisions it lists (GET /cases/:id/brief). */
export const caseBriefApi = {
  get: (id: string, signal?: AbortSignal) => api.get<CaseBrief>(`/cases/${enc(id)}/brief`, undefined, signal),
  documentPdfUrl: (id: string, documentId: string) =>
    apiUrl(`/cases/${enc(id)}/documents/${enc(documentId)}/pdf`),
};

export const partnersApi = {
  list: (params: PartnerListParams, signal?: AbortSignal) =>
    api.get<Page<Partner>>('/partners', { ...params }, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<PartnerDetail>(`/partners/${enc(id)}`, undefined, signal),
  /** The answer carries both secrets, shown once. */
  create: (input: CreatePartnerInput) => api.post<CreatedPartner>('/partners', input),
  update: (id: string, input: UpdatePartnerInput) => api.patch<Partner>(`/partners/${enc(id)}`, input),
  rotateKey: (id: string, direction: 'inbound' | 'outbound') =>
    api.post<RotatedKey>(`/partners/${enc(id)}/keys`, { direction }),
  revokeKey: (id: string, keyId: string) =>
    api.post<PartnerKey[]>(`/partners/${enc(id)}/keys/${enc(keyId)}/revoke`),
  requests: (id: string, params: { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<PartnerRequestPage>(`/partners/${enc(id)}/requests`, { ...params }, signal),
  deliveries: (id: string, params: { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<PartnerDeliveryPage>(`/partners/${enc(id)}/deliveries`, { ...params }, signal),
  retryDelivery: (id: string, deliveryId: string) =>
    api.post<PartnerDelivery>(`/partners/${enc(id)}/deliveries/${enc(deliveryId)}/retry`, {}),
};
