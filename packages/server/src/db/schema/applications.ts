import { sql } from 'drizzle-orm';
import { partners } from './partners.ts';
import { citizens } from './citizens.ts';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  APPLICATION_CHANNELS,
  CASE_STATES,
  CRIMINAL_STAGES,
  NOTIFYING_INSTITUTIONS,
  DOCUMENT_KINDS,
  PERIOD_KINDS,
  type Assessment,
  type CaseState,
} from '@fayuan/domain';
import { createdAt, updatedAt } from './columns.ts';
import { consultations } from './consultations.ts';
import { organisations } from './organisations.ts';
import { persons } from './people.ts';
import { users } from './users.ts';

export const CASE_TYPES = [
  'criminal',
  'civil',
  'administrative',
  'state_compensation',
  'appeal',
  'notarial',
  'non_litigation',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** On what footing the applicant's economic hardship rests (LAL art.32, art.41, art.42). */
export const HARDSHIP_BASES = [
  'integrity_pledge', // 个人诚信承诺, the Beijing default (LAL art.41)
  'certificate', // 经济困难证明
  'no_condition_ground', // LAL art.32
  'presumed_category', // LAL art.42; BJR art.19
] as const;
export type HardshipBasis = (typeof HARDSHIP_BASES)[number];

/** An application's channels, and the notice from police, procuratorate or court. */
export const CASE_CHANNELS = [...APPLICATION_CHANNELS, 'criminal_notice'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

/** The states that wait for the centre (or the bureau) to act: the worklist's default. */
export const WORKLIST_STATES = [
  'awaiting_transfer',
  'received',
  'supplement_requested',
  'under_review',
  'objection_to_refusal',
  'provisional_aid',
  'to_assign',
] as const satisfies readonly CaseState[];
const worklistStates = sql.raw(WORKLIST_STATES.map((s) => `'${s}'`).join(', '));

/** A flag for the reviewer, with the rule it comes from (BJR art.22–23 and similar). */
export interface ReviewFlag {
  code: string;
  citation: string;
  /** The earlier application that raised it. */
  applicationId: string;
  applicationNumber: string;
  state: CaseState;
}

/** A ground of a decision as stored: a rule's code, its citation, and the decider's note. */
export interface StoredReason {
  code: string;
  citation: string;
  note?: string;
}

/** A reviewer's proposal waiting for the director where the centre requires approval. */
export interface PendingDecision {
  decision: 'grant' | 'refuse';
  reasons: StoredReason[];
  note: string | null;
  proposedBy: string;
  proposedAt: string;
}

/**
 * Applications and, once granted, the cases they become (one record moves through the lifecycle
 * in packages/domain/src/lifecycle; `state` is its CaseState). Owned by the centre that must
 * decide (`ownerOrgId`); a workstation that took it in and did the preliminary review is
 * `intakeOrgId`. The eligibility assessment is stored with the rule version it used.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey(),
    /** Receipt number (受理编号), per centre and year. */
    number: text('number').notNull(),
    /**
     * The sequence part of the number (京法援申〔2026〕第00002号 → 2): its last run of digits, so that
     * a search for "00002" or "2" stays an index lookup. Derived by the database, never written.
     */
    numberSeq: integer('number_seq').generatedAlwaysAs(
      sql`(substring(number from '([0-9]{1,9})[^0-9]*$'))::integer`,
    ),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => organisations.id),
    intakeOrgId: uuid('intake_org_id')
      .notNull()
      .references(() => organisations.id),
    state: text('state', { enum: CASE_STATES }).notNull(),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true }).notNull(),
    /** How it came in; `criminal_notice` for a notified defence or representation (通知辩护/代理). */
    channel: text('channel', { enum: CASE_CHANNELS }).notNull(),
    /** Forwarded applications: who forwarded it, when they received it, and whether 24 h were exceeded. */
    forwardedBy: text('forwarded_by'),
    forwardedReceivedAt: timestamp('forwarded_received_at', { withTimezone: true }),
    forwardedLate: boolean('forwarded_late'),
    /** The partner institution that sent it through the partner API (a notice or a forwarded
     * application); its status events and callbacks go to that partner. */
    partnerId: uuid('partner_id').references(() => partners.id),
    /** The citizen who filed it on the public portal (channel `online`): only they reach it there. */
    citizenId: uuid('citizen_id').references(() => citizens.id),
    /** The integrity pledge ticked on the portal: the rule row's version, its text and the time. */
    pledge: jsonb('pledge').$type<{ version: string; text: string; at: string } | null>(),
    /** Workstation preliminary review (初审): who, when and what they noted. */
    preliminaryReview: jsonb('preliminary_review').$type<{ by: string; at: string; note: string } | null>(),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => persons.id),
    consultationId: uuid('consultation_id').references(() => consultations.id),
    matter: text('matter').notNull(),
    caseType: text('case_type', { enum: CASE_TYPES }).notNull(),
    stage: text('stage'),
    opposingParty: text('opposing_party'),
    courtOrAuthority: text('court_or_authority'),
    facts: text('facts').notNull(),
    requestedHelp: text('requested_help').notNull(),
    /** Null for a criminal notice: notified cases have no hardship review (LAL art.25). */
    hardshipBasis: text('hardship_basis', { enum: HARDSHIP_BASES }),
    householdMembers: integer('household_members'),
    householdMonthlyIncomeFen: bigint('household_monthly_income_fen', { mode: 'number' }),
    categories: text('categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    eligibilityFacts: jsonb('eligibility_facts').$type<Record<string, boolean>>().notNull().default({}),
    /** The eligibility assessment and its rule version; null for a criminal notice. */
    assessment: jsonb('assessment').$type<Assessment>(),
    ruleVersion: text('rule_version'),
    flags: jsonb('flags').$type<ReviewFlag[]>().notNull().default([]),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receivedBy: uuid('received_by')
      .notNull()
      .references(() => users.id),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    pendingDecision: jsonb('pending_decision').$type<PendingDecision | null>(),
    decision: text('decision', { enum: ['grant', 'refuse'] }),
    decisionReasons: jsonb('decision_reasons').$type<StoredReason[] | null>(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    /**
     * Aid given in advance (LAL art.44): ground, the handler named (handlers.id; the assignment
     * itself is a case_assignments row), and the date formalities are due.
     */
    provisional: jsonb('provisional').$type<{
      ground: string;
      handlerId: string;
      formalitiesDueDate: string;
      completedAt: string | null;
    } | null>(),
    /** The nearest due time among the running clocks (kept by the lifecycle runner): the worklist order. */
    nextDueAt: timestamp('next_due_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('applications_number_idx').on(t.ownerOrgId, t.number),
    index('applications_owner_state_due_idx').on(t.ownerOrgId, t.state, t.nextDueAt),
    index('applications_state_due_idx').on(t.state, t.nextDueAt),
    index('applications_citizen_idx')
      .on(t.citizenId)
      .where(sql`${t.citizenId} IS NOT NULL`),
    index('applications_partner_idx')
      .on(t.partnerId)
      .where(sql`${t.partnerId} IS NOT NULL`),
    // The worklist: open applications of the centres (or intake workstations) in scope by due time.
    index('applications_open_owner_due_idx')
      .on(t.ownerOrgId, t.nextDueAt)
      .where(sql`${t.state} IN (${worklistStates})`),
    index('applications_open_intake_due_idx')
      .on(t.intakeOrgId, t.nextDueAt)
      .where(sql`${t.state} IN (${worklistStates})`),
    index('applications_applicant_idx').on(t.applicantId, t.matter),
    index('applications_reviewer_idx').on(t.reviewerId),
    index('applications_received_idx').on(t.ownerOrgId, t.receivedAt),
    // Global search (modules/search): a full number city-wide, or its sequence part.
    index('applications_number_search_idx').on(t.number),
    index('applications_number_seq_idx').on(t.numberSeq),
    check(
      'applications_forwarded_check',
      sql`${t.channel} <> 'forwarded' OR (${t.forwardedBy} IS NOT NULL AND ${t.forwardedReceivedAt} IS NOT NULL)`,
    ),
  ],
);

/** The materials an application needs, by code from the rule list `application_material`, and where each stands. */
export const applicationMaterials = pgTable(
  'application_materials',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    code: text('code').notNull(),
    /** Free text for an item outside the list (e.g. a specific court judgment). */
    label: text('label'),
    status: text('status', { enum: ['provided', 'missing', 'requested'] }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }),
    providedAt: timestamp('provided_at', { withTimezone: true }),
    /** 份数 handed in, as the receipt prints it; null when not recorded. */
    copies: integer('copies'),
    /** 原件 (true) or 复印件 (false), as the receipt prints it; null when not recorded. */
    original: boolean('original'),
  },
  (t) => [
    uniqueIndex('application_materials_code_idx').on(t.applicationId, t.code, sql`coalesce(${t.label}, '')`),
  ],
);

/** Files attached to an application: kept in the file store, checked by size, type and SHA-256. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    materialCode: text('material_code'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('attachments_application_idx').on(t.applicationId)],
);

/** Every transition an application went through: the timeline, with the rule's legal basis. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    event: text('event').notNull(),
    fromState: text('from_state', { enum: CASE_STATES }),
    toState: text('to_state', { enum: CASE_STATES }).notNull(),
    citation: text('citation').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    actorId: uuid('actor_id').references(() => users.id),
    /** `scheduler` for time-driven events. */
    actorKind: text('actor_kind', { enum: ['staff', 'applicant', 'scheduler'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.at)],
);

export const CLOCK_STATUSES = ['running', 'paused', 'stopped'] as const;

/** One recomputation of a clock's due time: when, why, and the due time and provisional years before and after. */
export interface ClockDueChange {
  at: string;
  reason: 'calendar_year_entered';
  /** e.g. the calendar year entered: `000000/2027`. */
  ref: string;
  dueAtBefore: string;
  dueAtAfter: string;
  provisionalYearsBefore: number[];
  provisionalYearsAfter: number[];
}

/**
 * A statutory or set period on an application (review 7 days, supplement by a set date, …). The
 * due instant is computed from the period rule in force and the calendar, and recomputed when a
 * pause ends. `stoppedAt <= dueAt` is "on time".
 */
export const caseClocks = pgTable(
  'case_clocks',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => organisations.id),
    period: text('period', { enum: PERIOD_KINDS }).notNull(),
    status: text('status', { enum: CLOCK_STATUSES }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** The period rule used (null for a date set by staff), and its citation. */
    ruleId: text('rule_id'),
    citation: text('citation').notNull(),
    pauses: jsonb('pauses').$type<{ from: string; to: string }[]>().notNull().default([]),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    alertedAt: timestamp('alerted_at', { withTimezone: true }),
    /**
     * Years the due date was counted on the statutory-holiday baseline because their State
     * Council notice was not on file (the date is provisional); empty when every year had one.
     */
    provisionalYears: integer('provisional_years')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    /** Every recomputation of the due time after the clock started (a notice entered, …). */
    dueHistory: jsonb('due_history').$type<ClockDueChange[]>().notNull().default([]),
  },
  (t) => [
    index('case_clocks_application_idx').on(t.applicationId, t.period),
    index('case_clocks_running_due_idx')
      .on(t.dueAt)
      .where(sql`${t.status} = 'running'`),
    index('case_clocks_org_period_idx').on(t.ownerOrgId, t.period, t.startedAt),
  ],
);

/** Written documents issued on an application, numbered per centre and year; the PDF is kept as issued. */
export const issuedDocuments = pgTable(
  'issued_documents',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    number: text('number').notNull(),
    /** What the document says, as rendered (for re-rendering and statistics). */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    storageKey: text('storage_key'),
    sha256: text('sha256'),
    sizeBytes: integer('size_bytes'),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('issued_documents_number_idx').on(t.ownerOrgId, t.kind, t.number),
    index('issued_documents_application_idx').on(t.applicationId),
    // Global search (modules/search) finds an application by a document's full number.
    index('issued_documents_number_search_idx').on(t.number),
  ],
);

/** An objection to a refusal or termination, reviewed by the supervising justice bureau (LAL art.49). */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    /** The justice bureau that reviews it. */
    bureauOrgId: uuid('bureau_org_id')
      .notNull()
      .references(() => organisations.id),
    against: text('against', { enum: ['refusal', 'termination'] }).notNull(),
    grounds: text('grounds').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    status: text('status', { enum: ['pending', 'upheld', 'corrected'] }).notNull(),
    conclusion: text('conclusion'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
  },
  (t) => [
    index('objections_application_idx').on(t.applicationId),
    index('objections_bureau_idx').on(t.bureauOrgId),
  ],
);

/** Per-centre settings of the review office. */
export const centreSettings = pgTable('centre_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  /** Decisions proposed by reviewers wait for the director's approval (审批). */
  decisionRequiresApproval: boolean('decision_requires_approval').notNull().default(false),
  /** Default days given to supply missing materials (the set date of LAL art.43(2)). */
  supplementDays: integer('supplement_days').notNull().default(15),
  /** Hours an assigned handler has to accept or decline before the case returns to the queue. */
  acceptanceHours: integer('acceptance_hours').notNull().default(24),
  /** Years an archived case file is kept (电子卷宗保管期限): a centre setting, not hard-coded law. */
  archiveRetentionYears: integer('archive_retention_years').notNull().default(30),
  /** Hours before a scheduled hearing its handler is reminded (a working habit of the centre, not law). */
  hearingReminderHours: integer('hearing_reminder_hours').notNull().default(24),
  /** The centre's own meeting system for video consultations booked on the portal, e.g.
   * `https://meet.example.gov.cn/room/{code}` ({code} is the booking's code). */
  videoLinkTemplate: text('video_link_template'),
  updatedAt: updatedAt(),
});

export type ApplicationRow = typeof applications.$inferSelect;
export type ClockRow = typeof caseClocks.$inferSelect;

/**
 * Reminders before and alerts after a deadline, for the owner of the work and the centre's
 * director, and alerts when an assigned handler has not answered in time (the clock watcher
 * writes them; one per clock or assignment, kind and user), and the events that concern one user
 * (the bell, ADR 0016: assigned, closing returned, objection filed, hearing reminders).
 */
export const STAFF_ALERT_KINDS = [
  'reminder',
  'overdue',
  'unanswered',
  'duplicate_elsewhere',
  // Events that concern one person (the bell, ADR 0016): written where the event happens.
  'assigned', // a case assigned to the handler
  'closing_returned', // the centre returned the handler's closing
  'objection_filed', // an objection filed on a case of the centre (directors) or for the bureau
  'hearing_reminder', // a scheduled hearing close ahead (the clock watcher, once per activity)
  'duty_request', // an organ asks for the duty lawyer on duty (or the station's centre)
  'duty_swap', // a duty lawyer asks to swap a slot (directors), or the answer (the lawyer)
  'partner_callback_failed', // the organ's callback for a case was given up after the horizon (directors)
  'complaint_received', // a complaint about the centre came in (its directors)
  'quality_concern', // a handler's quality record crossed a threshold (the directors of their organisation)
  'observation_findings', // the findings of a hearing observation (庭审旁听) await the handler's reply
  'rectification_overdue', // a rectification request open past its last day (its handler and inspector, once)
  'budget_low', // a budget line's uncommitted balance fell below its threshold (finance and directors, once per crossing)
] as const;
export type StaffAlertKind = (typeof STAFF_ALERT_KINDS)[number];

export const staffAlerts = pgTable(
  'staff_alerts',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The case it is about; null for a duplicate registration attempt (duplicate_elsewhere). */
    applicationId: uuid('application_id').references(() => applications.id),
    /** The deadline it is about; null for an assignment left unanswered. */
    clockId: uuid('clock_id').references(() => caseClocks.id),
    /** The assignment a handler has not answered in time (case_assignments.id; no FK across schema files). */
    assignmentId: uuid('assignment_id'),
    /** The scheduled activity a hearing reminder is about (case_activities.id; no FK across schema files). */
    activityId: uuid('activity_id'),
    /** The complaint whose period it is about (complaints.id), and that period's clock (complaint_clocks.id). */
    complaintId: uuid('complaint_id'),
    complaintClockId: uuid('complaint_clock_id'),
    /** The quality concern it announces (quality_concerns.id). */
    qualityConcernId: uuid('quality_concern_id'),
    /** The rectification request past its last day (rectification_requests.id). */
    rectificationId: uuid('rectification_id'),
    /** The budget line running low (budget_lines.id). */
    budgetLineId: uuid('budget_line_id'),
    /**
     * `duplicate_elsewhere`: a user of `organisationId` tried to register an identity number another
     * district holds; it goes to the bureau's supervisors and names neither the person nor the district.
     */
    kind: text('kind', { enum: STAFF_ALERT_KINDS }).notNull(),
    /** Null for a duplicate_elsewhere alert, which is about no deadline. */
    period: text('period', { enum: PERIOD_KINDS }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('staff_alerts_once_idx').on(t.clockId, t.kind, t.userId),
    uniqueIndex('staff_alerts_assignment_once_idx')
      .on(t.assignmentId, t.kind, t.userId)
      .where(sql`${t.assignmentId} IS NOT NULL`),
    uniqueIndex('staff_alerts_activity_once_idx')
      .on(t.activityId, t.kind, t.userId)
      .where(sql`${t.activityId} IS NOT NULL`),
    uniqueIndex('staff_alerts_rectification_once_idx')
      .on(t.rectificationId, t.kind, t.userId)
      .where(sql`${t.rectificationId} IS NOT NULL`),
    uniqueIndex('staff_alerts_budget_line_once_idx')
      .on(t.budgetLineId, t.kind, t.userId, t.dueAt)
      .where(sql`${t.budgetLineId} IS NOT NULL`),
    uniqueIndex('staff_alerts_complaint_clock_once_idx')
      .on(t.complaintClockId, t.kind, t.userId, t.dueAt)
      .where(sql`${t.complaintClockId} IS NOT NULL`),
    index('staff_alerts_user_idx').on(t.userId, t.readAt),
  ],
);

/**
 * A notice from police, a procuratorate or a court to appoint a defender or representative
 * (通知辩护/代理, LAL art.25, art.28): the case it opened, who sent it and about whom. `source` and
 * `partnerReference` let a partner system's machine notice land in the same row later.
 */
export const criminalNotices = pgTable(
  'criminal_notices',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id),
    institutionKind: text('institution_kind', { enum: NOTIFYING_INSTITUTIONS }).notNull(),
    institutionName: text('institution_name').notNull(),
    /** The institution's own document number for the notice. */
    noticeNumber: text('notice_number'),
    stage: text('stage', { enum: CRIMINAL_STAGES }).notNull(),
    ground: text('ground').notNull(),
    charges: text('charges').array().notNull(),
    defendantId: uuid('defendant_id')
      .notNull()
      .references(() => persons.id),
    detained: boolean('detained').notNull(),
    detentionPlace: text('detention_place'),
    /** The court's district when it is another district's (cross-district assignment). */
    courtDistrictOrgId: uuid('court_district_org_id').references(() => organisations.id),
    noticeReceivedAt: timestamp('notice_received_at', { withTimezone: true }).notNull(),
    source: text('source', { enum: ['staff', 'partner_api'] }).notNull(),
    partnerReference: text('partner_reference'),
  },
  (t) => [
    index('criminal_notices_defendant_idx').on(t.defendantId),
    uniqueIndex('criminal_notices_partner_ref_idx')
      .on(t.institutionName, t.partnerReference)
      .where(sql`${t.partnerReference} IS NOT NULL`),
  ],
);
