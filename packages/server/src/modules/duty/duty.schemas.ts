import { z } from 'zod';
import {
  CRIMINAL_STAGES,
  DUTY_REASON_CODES,
  DUTY_REQUEST_REASONS,
  DUTY_REQUEST_STATUSES,
  DUTY_SHIFTS,
  PLEA_OPINIONS,
} from '@fayuan/domain';
import { HARDSHIP_BASES } from '../../db/schema/index.ts';
import { instant, localDate } from '../../platform/http/date-schemas.ts';
import { idNumber } from '../people/people.schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const idParams = z.strictObject({ id: z.string().uuid() });

export const dutyHours = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  shift: z.enum(DUTY_SHIFTS),
  start: hhmm,
  end: hhmm,
});

export const stationBody = z.strictObject({
  hours: z.array(dutyHours).max(21),
  hostInstitution: text(200).nullable().optional(),
});

export const settingsBody = z.strictObject({
  maxDutiesPerWeek: z.number().int().min(1).max(14),
  rotationWeeks: z.number().int().min(1).max(26),
  lateAfterMinutes: z.number().int().min(0).max(240),
});

export const stationSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  officeHours: z.string().nullable(),
  hostInstitution: z.string().nullable(),
  hours: z.array(dutyHours),
  settings: z.object({
    maxDutiesPerWeek: z.number(),
    rotationWeeks: z.number(),
    lateAfterMinutes: z.number(),
  }),
});

export const weekBody = z.strictObject({ stationId: z.string().uuid(), weekStart: localDate });
export const weekQuery = z.strictObject({ stationId: z.string().uuid(), weekStart: localDate });

export const reasonSchema = z.object({
  code: z.enum(DUTY_REASON_CODES),
  blocking: z.boolean(),
  citation: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

const named = z.object({ id: z.string(), name: z.string() });

export const previewSchema = z.object({
  station: z.object({ id: z.string(), name: z.string() }),
  weekStart: z.string(),
  maxDutiesPerWeek: z.number(),
  slots: z.array(
    z.object({
      date: z.string(),
      shift: z.enum(DUTY_SHIFTS),
      start: z.string(),
      end: z.string(),
      handler: named.nullable(),
      reasons: z.array(reasonSchema),
      excluded: z.array(z.object({ handler: named, reasons: z.array(reasonSchema) })),
    }),
  ),
});

export const slotSchema = z.object({
  id: z.string(),
  station: z.object({ id: z.string(), name: z.string(), address: z.string().nullable() }),
  date: z.string(),
  shift: z.enum(DUTY_SHIFTS),
  startsAt: z.string(),
  endsAt: z.string(),
  handler: named.nullable(),
  reasons: z.array(reasonSchema),
  swapNote: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  /** Started more than the centre's lateness minutes ago with no check-in (or checked in after that). */
  late: z.boolean(),
  /** The slot ended with no check-in. */
  missed: z.boolean(),
  openSwapRequest: z.object({ id: z.string(), reason: z.string() }).nullable(),
});

export const rosterSchema = z.object({
  id: z.string(),
  stationId: z.string(),
  weekStart: z.string(),
  confirmedAt: z.string(),
  slots: z.array(slotSchema),
});

export const swapBody = z.strictObject({ handlerId: z.string().uuid(), note: text(500) });
export const swapRequestBody = z.strictObject({ reason: text(500) });
export const swapAnswerBody = z.strictObject({
  approve: z.boolean(),
  handlerId: z.string().uuid().optional(),
  note: text(500),
});
export const swapRequestSchema = z.object({
  id: z.string(),
  slot: slotSchema,
  requestedBy: named,
  reason: z.string(),
  requestedAt: z.string(),
});

export const serviceBody = z.strictObject({
  slotId: z.string().uuid(),
  servedAt: instant.optional(),
  serviceTypes: z.array(text(64)).min(1).max(8),
  person: z
    .strictObject({
      personId: z.string().uuid().optional(),
      name: text(100).optional(),
      idNumber: idNumber.optional(),
    })
    .refine((p) => p.personId !== undefined || p.name !== undefined, {
      message: 'a person of the registry or a name',
      path: ['name'],
    }),
  institutionCaseNumber: text(100).optional(),
  plea: z
    .strictObject({
      prosecutor: text(100),
      charges: z.array(text(100)).min(1).max(20),
      opinion: z.enum(PLEA_OPINIONS),
      opinionText: text(2000).optional(),
    })
    .optional(),
  requestId: z.string().uuid().optional(),
  notes: text(2000).optional(),
});
export type ServiceInput = z.infer<typeof serviceBody>;

export const serviceSchema = z.object({
  id: z.string(),
  station: z.object({ id: z.string(), name: z.string() }),
  slotId: z.string().nullable(),
  servedAt: z.string(),
  serviceTypes: z.array(z.string()),
  personName: z.string(),
  institutionCaseNumber: z.string().nullable(),
  prosecutor: z.string().nullable(),
  charges: z.array(z.string()),
  pleaOpinion: z.enum(PLEA_OPINIONS).nullable(),
  pleaOpinionText: z.string().nullable(),
  requestId: z.string().nullable(),
  application: z
    .object({ id: z.string(), number: z.string(), forwardedLate: z.boolean().nullable() })
    .nullable(),
});

export const forwardBody = z.strictObject({
  stage: z.enum(CRIMINAL_STAGES).default('investigation'),
  facts: text(20_000),
  requestedHelp: text(2000),
  hardshipBasis: z.enum(HARDSHIP_BASES).default('integrity_pledge'),
  household: z
    .strictObject({
      members: z.number().int().min(1).max(50),
      monthlyIncomeFen: z.number().int().min(0).max(10_000_000_000),
    })
    .optional(),
});
export type ForwardInput = z.infer<typeof forwardBody>;

export const requestBody = z.strictObject({
  stationOrganisationCode: text(64).optional(),
  suspect: z.strictObject({ name: text(100), idNumber: idNumber.optional() }),
  institutionCaseNumber: text(100),
  reason: z.enum(DUTY_REQUEST_REASONS),
  wantedAt: instant.optional(),
  place: text(200).optional(),
});

export const requestViewSchema = z.object({
  id: z.string(),
  status: z.enum(DUTY_REQUEST_STATUSES),
  station: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  dutyLawyer: z.object({ name: z.string() }).nullable(),
});

export const openRequestSchema = z.object({
  id: z.string(),
  station: z.object({ id: z.string(), name: z.string() }),
  suspectName: z.string(),
  institutionCaseNumber: z.string(),
  reason: z.enum(DUTY_REQUEST_REASONS),
  wantedAt: z.string().nullable(),
  place: z.string().nullable(),
  status: z.enum(DUTY_REQUEST_STATUSES),
  dutyLawyer: z.string().nullable(),
  receivedAt: z.string(),
});

export const serviceTypeSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  citation: z.string(),
  pleaFields: z.boolean(),
});

export const kpiQuery = z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });
export const kpiSchema = z.object({
  centre: named,
  pleaPresences: z.number(),
  notifiedCases: z.number(),
  notifiedAssignedInTime: z.number(),
  notifiedAssignedInTimePerMille: z.number().nullable(),
  criminalCases: z.number(),
  criminalCasesWithLawyer: z.number(),
  defenceCoveragePerMille: z.number().nullable(),
});

export const myDutySchema = z.object({
  handler: named,
  slots: z.array(slotSchema),
  requests: z.array(openRequestSchema),
  services: z.array(serviceSchema),
});
