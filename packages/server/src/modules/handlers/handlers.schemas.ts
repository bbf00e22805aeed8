import { z } from 'zod';
import {
  HANDLER_CONFLICT_KINDS,
  HANDLER_KINDS,
  HANDLER_LANGUAGE_PATTERN,
  HANDLER_STATUS_ACTIONS,
  HANDLER_STATUSES,
  PASSWORD_MAX_LENGTH,
  VOLUNTEER_SUBKINDS,
  QUALITY_METRICS,
} from '@fayuan/domain';
import { LAW_FIRM_STATUSES } from '../../db/schema/index.ts';
import { listQuery, pageOf } from '../../platform/http/pagination.ts';
import { localDate } from '../../platform/http/date-schemas.ts';

// Format is checked by the use case (normalisePhone) so the client gets PHONE_INVALID.
const phone = z.string().trim().min(1).max(40);
const licence = z.string().trim().min(1).max(60);
const specialties = z.array(z.string().trim().min(1).max(60)).max(40);
const languages = z.array(z.string().regex(HANDLER_LANGUAGE_PATTERN)).max(20);
const districts = z.array(z.string().uuid()).max(40);
const reason = z.string().trim().min(1).max(500);

const handlerFields = {
  name: z.string().trim().min(1).max(100),
  kind: z.enum(HANDLER_KINDS),
  volunteerSubkind: z.enum(VOLUNTEER_SUBKINDS).nullable(),
  firmId: z.string().uuid().nullable(),
  licenceNumber: licence.nullable(),
  practiceStartDate: localDate.nullable(),
  criminalPracticeStartDate: localDate.nullable(),
  specialties,
  languages,
  districtsServed: districts,
  familiarWithMinors: z.boolean(),
  capacity: z.number().int().min(0).max(200),
  phone: phone.nullable(),
  userId: z.string().uuid().nullable(),
};

export const createHandlerBody = z.strictObject({
  /** Defaults to the caller's organisation; another one must lie in the caller's scope. */
  organisationId: z.string().uuid().optional(),
  name: handlerFields.name,
  kind: handlerFields.kind,
  volunteerSubkind: handlerFields.volunteerSubkind.default(null),
  firmId: handlerFields.firmId.default(null),
  licenceNumber: handlerFields.licenceNumber.default(null),
  practiceStartDate: handlerFields.practiceStartDate.default(null),
  criminalPracticeStartDate: handlerFields.criminalPracticeStartDate.default(null),
  specialties: specialties.default([]),
  languages: languages.default([]),
  districtsServed: districts.default([]),
  familiarWithMinors: z.boolean().default(false),
  capacity: handlerFields.capacity.default(5),
  phone: handlerFields.phone.default(null),
  userId: handlerFields.userId.default(null),
  /** The date the application to join was made (default today) and a note on it. */
  appliedOn: localDate.optional(),
  applicationNote: z.string().trim().max(500).optional(),
});
export type CreateHandlerInput = z.infer<typeof createHandlerBody>;

export const updateHandlerBody = z
  .strictObject({ organisationId: z.string().uuid(), ...handlerFields })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type UpdateHandlerInput = z.infer<typeof updateHandlerBody>;

export const statusChangeBody = z.strictObject({
  action: z.enum(HANDLER_STATUS_ACTIONS),
  reason,
  /** The Beijing date the change takes effect; today by default. */
  effectiveOn: localDate.optional(),
  /** When given, the change is refused if someone else changed the handler meanwhile. */
  version: z.number().int().min(1).optional(),
  /** The handler's open quality concerns the decision rests on (承办业绩 feeding the review). */
  qualityConcernIds: z.array(z.string().uuid()).max(20).optional(),
});
export type StatusChangeInput = z.infer<typeof statusChangeBody>;

const teamRef = z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), since: z.string() });

export const handlerSchema = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  organisationName: z.string(),
  userId: z.string().uuid().nullable(),
  name: z.string(),
  namePinyin: z.string(),
  kind: z.enum(HANDLER_KINDS),
  volunteerSubkind: z.enum(VOLUNTEER_SUBKINDS).nullable(),
  firm: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  licenceNumber: z.string().nullable(),
  practiceStartDate: z.string().nullable(),
  criminalPracticeStartDate: z.string().nullable(),
  /** Whole years up to today's Beijing date (LAL art.26 counts them); never stored. */
  yearsOfPractice: z.number().int(),
  yearsOfCriminalPractice: z.number().int(),
  specialties: z.array(z.string()),
  languages: z.array(z.string()),
  districtsServed: z.array(z.string().uuid()),
  familiarWithMinors: z.boolean(),
  capacity: z.number().int(),
  /** Cases in hand; the assignment area fills it. */
  openCases: z.number().int(),
  status: z.enum(HANDLER_STATUSES),
  statusReason: z.string().nullable(),
  statusSince: z.string(),
  phoneMasked: z.string().nullable(),
  teams: z.array(teamRef),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HandlerView = z.infer<typeof handlerSchema>;

export const statusEventSchema = z.object({
  id: z.string().uuid(),
  fromStatus: z.enum(HANDLER_STATUSES).nullable(),
  toStatus: z.enum(HANDLER_STATUSES),
  reason: z.string(),
  effectiveOn: z.string(),
  by: z.object({ id: z.string().uuid(), displayName: z.string() }).nullable(),
  at: z.string(),
  /** The quality concerns the decision rests on, named as their threshold rows name them. */
  qualityConcerns: z.array(
    z.object({ id: z.string().uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  ),
});

export const trainingSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  hours: z.number(),
  heldOn: z.string(),
  provider: z.string().nullable(),
});

export const conflictSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(HANDLER_CONFLICT_KINDS),
  partyName: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});

export const membershipSchema = teamRef.extend({ until: z.string().nullable() });

export const handlerDetailSchema = handlerSchema.extend({
  statusHistory: z.array(statusEventSchema),
  memberships: z.array(membershipSchema),
  training: z.array(trainingSchema),
  trainingHours: z.number(),
  conflicts: z.array(conflictSchema),
  /** The login account (登录账号) linked to this record: the lawyer signs in with it to see 我的案件. */
  login: z
    .object({
      id: z.string().uuid(),
      username: z.string(),
      displayName: z.string(),
      status: z.enum(['active', 'disabled']),
    })
    .nullable(),
  /** The work record (承办业绩) the talent pool is judged by: cases, declines, quality evaluations. */
  track: z.object({
    openCases: z.number().int(),
    closedCases: z.number().int(),
    declined: z.number().int(),
    lastAssignedAt: z.string().nullable(),
    evaluations: z.number().int(),
    averageScore: z.number().nullable(),
    grades: z.array(
      z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), count: z.number().int() }),
    ),
    /** The quality record beyond the evaluations (issue 15): inspections, complaints, satisfaction, trend, concerns. */
    quality: z.object({
      inspectionScore: z.number().nullable(),
      inspections: z.number().int(),
      upheldComplaints: z.number().int(),
      complaintsDecided: z.number().int(),
      satisfaction: z.number().nullable(),
      ratings: z.number().int(),
      /** The mean total score of hearing observations (庭审旁听), 0–100, of how many. */
      observationScore: z.number().nullable(),
      observations: z.number().int(),
      trend: z.array(
        z.object({
          quarter: z.string(),
          averageScore: z.number().nullable(),
          inspectionScore: z.number().nullable(),
          upheldComplaints: z.number().int(),
          satisfaction: z.number().nullable(),
        }),
      ),
      concerns: z.array(
        z.object({
          /** The open concern's record (quality_concerns.id), which an admission decision may name. */
          id: z.string().uuid().nullable(),
          code: z.string(),
          metric: z.enum(QUALITY_METRICS),
          value: z.number(),
          limit: z.number(),
          bound: z.enum(['min', 'max']),
          windowDays: z.number().int(),
          nameZh: z.string(),
          nameEn: z.string(),
          citation: z.string(),
          ruleId: z.string(),
        }),
      ),
    }),
  }),
});
export type HandlerDetail = z.infer<typeof handlerDetailSchema>;

const booleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const handlerListQuery = listQuery(['name', 'createdAt', 'practiceStartDate', 'statusSince'], {
  q: z.string().trim().max(100).optional(),
  kind: z.enum(HANDLER_KINDS).optional(),
  status: z.enum(HANDLER_STATUSES).optional(),
  firmId: z.string().uuid().optional(),
  teamId: z.string().uuid().optional(),
  /** A district centre the handler serves. */
  district: z.string().uuid().optional(),
  specialty: z.string().trim().max(60).optional(),
  language: z.string().regex(HANDLER_LANGUAGE_PATTERN).optional(),
  familiarWithMinors: booleanParam.optional(),
  organisationId: z.string().uuid().optional(),
});
export type HandlerListQuery = z.infer<typeof handlerListQuery>;
export const handlerPage = pageOf(handlerSchema);

export const trainingBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  hours: z.number().positive().max(999).multipleOf(0.5),
  heldOn: localDate,
  provider: z.string().trim().min(1).max(200).nullable().default(null),
});
export type TrainingInput = z.infer<typeof trainingBody>;

export const conflictBody = z.strictObject({
  kind: z.enum(HANDLER_CONFLICT_KINDS),
  partyName: z.string().trim().min(1).max(200),
  note: z.string().trim().min(1).max(500).nullable().default(null),
});
export type ConflictInput = z.infer<typeof conflictBody>;

export const handlerChildParams = z.strictObject({ id: z.string().uuid(), childId: z.string().uuid() });

// Teams

const teamCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _');
const minYears = z.number().int().min(0).max(60).nullable();

export const createTeamBody = z.strictObject({
  organisationId: z.string().uuid().optional(),
  code: teamCode,
  name: z.string().trim().min(1).max(100),
  membershipRule: z.string().trim().min(1).max(500).nullable().default(null),
  minYearsOfPractice: minYears.default(null),
  minYearsOfCriminalPractice: minYears.default(null),
});
export type CreateTeamInput = z.infer<typeof createTeamBody>;

export const updateTeamBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    membershipRule: z.string().trim().min(1).max(500).nullable(),
    minYearsOfPractice: minYears,
    minYearsOfCriminalPractice: minYears,
    active: z.boolean(),
  })
  .partial();
export type UpdateTeamInput = z.infer<typeof updateTeamBody>;

export const teamSchema = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  organisationName: z.string(),
  code: z.string(),
  name: z.string(),
  membershipRule: z.string().nullable(),
  minYearsOfPractice: z.number().int().nullable(),
  minYearsOfCriminalPractice: z.number().int().nullable(),
  active: z.boolean(),
  memberCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TeamView = z.infer<typeof teamSchema>;
export const teamList = z.object({ items: z.array(teamSchema) });

export const teamMemberSchema = z.object({
  handlerId: z.string().uuid(),
  name: z.string(),
  kind: z.enum(HANDLER_KINDS),
  status: z.enum(HANDLER_STATUSES),
  yearsOfPractice: z.number().int(),
  yearsOfCriminalPractice: z.number().int(),
  since: z.string(),
  until: z.string().nullable(),
});
export const teamMemberList = z.object({ items: z.array(teamMemberSchema) });

export const addMemberBody = z.strictObject({
  handlerId: z.string().uuid(),
  since: localDate.optional(),
});
export const memberParams = z.strictObject({ id: z.string().uuid(), handlerId: z.string().uuid() });

// Law firms

export const createLawFirmBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  licenceNumber: licence,
  regionCode: z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 code'),
  address: z.string().trim().min(1).max(300).nullable().default(null),
  phone: z.string().trim().min(1).max(40).nullable().default(null),
});
export type CreateLawFirmInput = z.infer<typeof createLawFirmBody>;

export const updateLawFirmBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    licenceNumber: licence,
    regionCode: z.string().regex(/^\d{6}$/),
    address: z.string().trim().min(1).max(300).nullable(),
    phone: z.string().trim().min(1).max(40).nullable(),
    status: z.enum(LAW_FIRM_STATUSES),
  })
  .partial();
export type UpdateLawFirmInput = z.infer<typeof updateLawFirmBody>;

export const lawFirmSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  licenceNumber: z.string(),
  regionCode: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(LAW_FIRM_STATUSES),
  handlerCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LawFirmView = z.infer<typeof lawFirmSchema>;

export const lawFirmListQuery = listQuery(['name', 'createdAt'], {
  q: z.string().trim().max(100).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  status: z.enum(LAW_FIRM_STATUSES).optional(),
});
export type LawFirmListQuery = z.infer<typeof lawFirmListQuery>;
export const lawFirmPage = pageOf(lawFirmSchema);

export const linkLoginBody = z.strictObject({ userId: z.string().uuid() });

export const createLoginBody = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, '3–32 letters, digits, _ . -, starting with a letter'),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const linkOptionsQuery = z.strictObject({ q: z.string().trim().max(100).optional() });

export const loginOptionSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  organisationName: z.string(),
});

export const handlerOptionSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(HANDLER_KINDS),
  organisationName: z.string(),
});
