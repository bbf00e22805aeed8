// Handlers, teams and law firms (docs/api.md, "Handlers and law firms").
import type {
  HandlerConflictKind,
  HandlerKind,
  HandlerStatus,
  HandlerStatusAction,
  VolunteerSubkind,
} from '@fayuan/domain';
import type { HandlerLogin, ListParams } from './types';
import type { ApiResponse } from './openapi';

export type { HandlerConflictKind, HandlerKind, HandlerStatus, HandlerStatusAction, VolunteerSubkind };

export interface HandlerTeamRef {
  id: string;
  code: string;
  name: string;
  since: string;
}

export interface Handler {
  id: string;
  organisationId: string;
  organisationName: string;
  userId: string | null;
  name: string;
  namePinyin: string;
  kind: HandlerKind;
  volunteerSubkind: VolunteerSubkind | null;
  firm: { id: string; name: string } | null;
  licenceNumber: string | null;
  practiceStartDate: string | null;
  criminalPracticeStartDate: string | null;
  /** Whole years to today (Beijing date), derived by the server on every read. */
  yearsOfPractice: number;
  yearsOfCriminalPractice: number;
  specialties: string[];
  languages: string[];
  districtsServed: string[];
  familiarWithMinors: boolean;
  capacity: number;
  openCases: number;
  status: HandlerStatus;
  statusReason: string | null;
  statusSince: string;
  phoneMasked: string | null;
  teams: HandlerTeamRef[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface HandlerStatusEvent {
  id: string;
  fromStatus: HandlerStatus | null;
  toStatus: HandlerStatus;
  reason: string;
  effectiveOn: string;
  by: { id: string; displayName: string } | null;
  at: string;
  /** The quality concerns the decision rests on (承办业绩 feeding admission and exit). */
  qualityConcerns: { id: string; code: string; nameZh: string; nameEn: string }[];
}

export interface HandlerTraining {
  id: string;
  title: string;
  hours: number;
  heldOn: string;
  provider: string | null;
}

export interface HandlerConflict {
  id: string;
  kind: HandlerConflictKind;
  partyName: string;
  note: string | null;
  recordedAt: string;
}

export interface HandlerDetail extends Handler {
  statusHistory: HandlerStatusEvent[];
  memberships: (HandlerTeamRef & { until: string | null })[];
  training: HandlerTraining[];
  trainingHours: number;
  conflicts: HandlerConflict[];
  /** The login (登录账号) linked to this record, if any. */
  login: HandlerLogin | null;
  /** The work record (承办业绩): cases, declines and the quality evaluations of the cases closed. */
  track: {
    openCases: number;
    closedCases: number;
    declined: number;
    lastAssignedAt: string | null;
    evaluations: number;
    averageScore: number | null;
    grades: { code: string; nameZh: string; nameEn: string; count: number }[];
    /** Inspections, complaints, satisfaction, the trend and the thresholds breached (issue 15). */
    quality: ApiResponse<'getHandlersById'>['track']['quality'];
  };
}

export interface HandlerListParams extends ListParams {
  q?: string;
  kind?: HandlerKind;
  status?: HandlerStatus;
  firmId?: string;
  teamId?: string;
  district?: string;
  specialty?: string;
  language?: string;
  familiarWithMinors?: 'true' | 'false';
}

export interface HandlerFieldsInput {
  name: string;
  kind: HandlerKind;
  volunteerSubkind: VolunteerSubkind | null;
  firmId: string | null;
  licenceNumber: string | null;
  practiceStartDate: string | null;
  criminalPracticeStartDate: string | null;
  specialties: string[];
  languages: string[];
  districtsServed: string[];
  familiarWithMinors: boolean;
  capacity: number;
  phone: string | null;
}

export type CreateHandlerInput = Partial<HandlerFieldsInput> &
  Pick<HandlerFieldsInput, 'name' | 'kind'> & { applicationNote?: string };

export type UpdateHandlerInput = Partial<HandlerFieldsInput> & { version: number };

export interface StatusChangeInput {
  action: HandlerStatusAction;
  reason: string;
  effectiveOn?: string;
  version?: number;
  /** The handler's open quality concerns the decision rests on. */
  qualityConcernIds?: string[];
}

export interface TrainingInput {
  title: string;
  hours: number;
  heldOn: string;
  provider: string | null;
}

export interface ConflictInput {
  kind: HandlerConflictKind;
  partyName: string;
  note: string | null;
}

export interface Team {
  id: string;
  organisationId: string;
  organisationName: string;
  code: string;
  name: string;
  membershipRule: string | null;
  minYearsOfPractice: number | null;
  minYearsOfCriminalPractice: number | null;
  active: boolean;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface TeamInput {
  code: string;
  name: string;
  membershipRule: string | null;
  minYearsOfPractice: number | null;
  minYearsOfCriminalPractice: number | null;
}

export type UpdateTeamInput = Partial<Omit<TeamInput, 'code'>> & { active?: boolean };

export interface TeamMember {
  handlerId: string;
  name: string;
  kind: HandlerKind;
  status: HandlerStatus;
  yearsOfPractice: number;
  yearsOfCriminalPractice: number;
  since: string;
  until: string | null;
}

export type LawFirmStatus = 'active' | 'inactive';

export interface LawFirm {
  id: string;
  name: string;
  licenceNumber: string;
  regionCode: string;
  address: string | null;
  phone: string | null;
  status: LawFirmStatus;
  handlerCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface LawFirmInput {
  name: string;
  licenceNumber: string;
  regionCode: string;
  address: string | null;
  phone: string | null;
}

export type UpdateLawFirmInput = Partial<LawFirmInput> & { status?: LawFirmStatus };

export interface LawFirmListParams extends ListParams {
  q?: string;
  regionCode?: string;
  status?: LawFirmStatus;
}
