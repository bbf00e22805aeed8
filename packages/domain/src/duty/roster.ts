import { addDays, weekday } from '../calendar/local-date.ts';
import type { LocalDate } from '../shared/brand.ts';
import { LAWYER_KINDS, type QualificationRule } from '../assignment/types.ts';
import { partyKey } from '../assignment/evaluate.ts';
import type { HandlerKind, HandlerStatus } from '../handlers/index.ts';

/**
 * Duty rosters (值班排班) for the duty-lawyer stations (值班律师工作站) a legal aid agency keeps at
 * courts, procuratorates and detention centres (LAL art.14). Pure: the server passes in the
 * station's weekly hours, the pool with its recent duties and the rule rows; nothing here reads a
 * clock. The same input always gives the same roster.
 */

/** Parts of a day a station is staffed: morning, afternoon, or the whole day. */
export const DUTY_SHIFTS = ['am', 'pm', 'day'] as const;
export type DutyShift = (typeof DUTY_SHIFTS)[number];

/** One staffed part of a weekday, as a station's opening hours say (data on the station, not code). */
export interface DutyHours {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  shift: DutyShift;
  /** Beijing wall-clock `HH:MM`. */
  start: string;
  end: string;
}

export interface DutySlotSpec {
  date: LocalDate;
  shift: DutyShift;
  start: string;
  end: string;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether a station's hours are well formed: valid times, start before end, no part of a day twice. */
export function dutyHoursProblem(hours: readonly DutyHours[]): string | null {
  const seen = new Set<string>();
  for (const h of hours) {
    if (!Number.isInteger(h.weekday) || h.weekday < 1 || h.weekday > 7) return 'weekday';
    if (!HHMM.test(h.start) || !HHMM.test(h.end) || h.start >= h.end) return 'time';
    const key = `${h.weekday}|${h.shift}`;
    if (seen.has(key)) return 'duplicate';
    seen.add(key);
  }
  return null;
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: LocalDate): LocalDate {
  const day = weekday(date); // 0 = Sunday
  return addDays(date, day === 0 ? -6 : 1 - day);
}

/** The week's slots from the station's hours, in date then start-time order. */
export function weekSlots(weekStart: LocalDate, hours: readonly DutyHours[]): DutySlotSpec[] {
  const slots: DutySlotSpec[] = [];
  for (let i = 0; i < 7; i += 1) {
    const date = addDays(weekStart, i);
    const isoWeekday = i + 1;
    for (const h of hours.filter((x) => x.weekday === isoWeekday))
      slots.push({ date, shift: h.shift, start: h.start, end: h.end });
  }
  return slots.sort((a, b) =>
    a.date === b.date ? a.start.localeCompare(b.start) : a.date < b.date ? -1 : 1,
  );
}

/** A handler as the roster sees them. */
export interface DutyCandidate {
  id: string;
  kind: HandlerKind;
  status: HandlerStatus;
  yearsOfPractice: number;
  /** Parties the handler's conflict register names (relations, parties acted for). */
  conflictParties: readonly string[];
  /** Duties already held in this week at other stations (the capacity counts them). */
  dutiesThisWeek: number;
  /** Duties held in the rotation window before this week: fewest first (fair rotation). */
  recentDuties: number;
  /** The last date on duty before this week; the longest wait goes first on a tie. */
  lastDutyOn: LocalDate | null;
  /** `date|shift` of duties held elsewhere this week: nobody is at two stations at once. */
  busy: readonly string[];
}

export interface DutyStationFacts {
  id: string;
  /** The institution the station sits in (e.g. 北京市朝阳区人民检察院): a recorded relation with it is a conflict. */
  hostInstitution: string | null;
}

export const DUTY_REASON_CODES = [
  'HANDLER_ACTIVE',
  'HANDLER_SUSPENDED',
  'HANDLER_NOT_ADMITTED',
  'HANDLER_EXITED',
  'QUALIFICATION_MET',
  'QUALIFICATION_NOT_MET',
  'DUTY_NO_CONFLICT',
  'DUTY_CONFLICT_HOST',
  'DUTY_FREE_AT_TIME',
  'DUTY_BUSY_ELSEWHERE',
  'DUTY_WEEK_CAPACITY_LEFT',
  'DUTY_WEEK_FULL',
  // why this one among the eligible (rotation)
  'DUTY_FEWEST_RECENT',
  'DUTY_NO_ELIGIBLE',
] as const;
export type DutyReasonCode = (typeof DUTY_REASON_CODES)[number];

export interface DutyReason {
  code: DutyReasonCode;
  blocking: boolean;
  citation?: string;
  params?: Record<string, string | number>;
}

export interface DutyEvaluation {
  handlerId: string;
  eligible: boolean;
  reasons: DutyReason[];
}

export interface DutyPolicy {
  /** Most duties one handler holds in a week (a centre setting, not law). */
  maxPerWeek: number;
}

const STATUS_CITATION = 'OPN';
const CONFLICT_CITATION = '律师法 art.39';
/** LAL art.14: the legal aid agency places duty *lawyers* at courts, procuratorates and detention centres. */
export const DUTY_LAWYER_CITATION = 'LAL art.14';

/** The qualification rows that govern duty service: those whose `appliesTo` names `duty`. */
export function dutyRules(rules: readonly QualificationRule[]): QualificationRule[] {
  return rules.filter((r) =>
    String(r.params.appliesTo ?? '')
      .split(',')
      .map((t) => t.trim())
      .includes('duty'),
  );
}

function requirementMet(c: DutyCandidate, requirement: string, value: unknown): boolean {
  switch (requirement) {
    case 'requiresLawyer':
      return value !== true || LAWYER_KINDS.includes(c.kind);
    case 'minYearsPractice':
      return LAWYER_KINDS.includes(c.kind) && c.yearsOfPractice >= Number(value);
    default:
      return false; // an unknown requirement blocks rather than passes
  }
}

/**
 * Whether `c` may hold `slot`, every rule checked and recorded: status (admission and exit, [OPN]),
 * the duty qualification rows (a lawyer, LAL art.14), no recorded relation with the host
 * institution (回避, 律师法 art.39), not on duty elsewhere at that time, and the week's capacity.
 * `heldInWeek` counts the duties this plan already gave the handler in the week.
 */
export function evaluateDutyCandidate(
  c: DutyCandidate,
  slot: DutySlotSpec,
  station: DutyStationFacts,
  rules: readonly QualificationRule[],
  policy: DutyPolicy,
  heldInWeek: number,
  heldAt: ReadonlySet<string> = new Set(),
): DutyEvaluation {
  const reasons: DutyReason[] = [];
  let ok = true;
  if (c.status !== 'active') {
    ok = false;
    reasons.push({
      code:
        c.status === 'suspended'
          ? 'HANDLER_SUSPENDED'
          : c.status === 'applying'
            ? 'HANDLER_NOT_ADMITTED'
            : 'HANDLER_EXITED',
      blocking: true,
      citation: STATUS_CITATION,
    });
  } else reasons.push({ code: 'HANDLER_ACTIVE', blocking: false });

  for (const rule of dutyRules(rules))
    for (const [requirement, value] of Object.entries(rule.params)) {
      if (requirement === 'appliesTo') continue;
      const met = requirementMet(c, requirement, value);
      if (!met) ok = false;
      reasons.push({
        code: met ? 'QUALIFICATION_MET' : 'QUALIFICATION_NOT_MET',
        blocking: !met,
        citation: rule.citation,
        params: { rule: rule.code, requirement, required: String(value), kind: c.kind },
      });
    }

  const host = station.hostInstitution ? partyKey(station.hostInstitution) : null;
  const conflict = host !== null && c.conflictParties.some((p) => partyKey(p) === host);
  if (conflict) ok = false;
  reasons.push(
    conflict
      ? {
          code: 'DUTY_CONFLICT_HOST',
          blocking: true,
          citation: CONFLICT_CITATION,
          params: { party: station.hostInstitution ?? '' },
        }
      : { code: 'DUTY_NO_CONFLICT', blocking: false },
  );

  const key = `${slot.date}|${slot.shift}`;
  const busy = c.busy.includes(key) || heldAt.has(key);
  if (busy) ok = false;
  reasons.push({ code: busy ? 'DUTY_BUSY_ELSEWHERE' : 'DUTY_FREE_AT_TIME', blocking: busy });

  const held = c.dutiesThisWeek + heldInWeek;
  const full = held >= policy.maxPerWeek;
  if (full) ok = false;
  reasons.push({
    code: full ? 'DUTY_WEEK_FULL' : 'DUTY_WEEK_CAPACITY_LEFT',
    blocking: full,
    params: { held, max: policy.maxPerWeek },
  });
  return { handlerId: c.id, eligible: ok, reasons };
}

export interface PlannedDutySlot extends DutySlotSpec {
  handlerId: string | null;
  /** The pick's reasons: every rule it passed and why it came first; or DUTY_NO_ELIGIBLE. */
  reasons: DutyReason[];
  /** The handlers passed over because a rule stood in the way, with that rule. */
  excluded: DutyEvaluation[];
}

/**
 * Fills the week's slots one by one in time order with the eligible handler who has the fewest
 * duties (recent window plus this plan), then the longest wait since the last duty, then the
 * smallest id: fair rotation (轮流), deterministic.
 */
export function planRoster(input: {
  station: DutyStationFacts;
  slots: readonly DutySlotSpec[];
  candidates: readonly DutyCandidate[];
  rules: readonly QualificationRule[];
  policy: DutyPolicy;
}): PlannedDutySlot[] {
  if (!(Number.isInteger(input.policy.maxPerWeek) && input.policy.maxPerWeek >= 0))
    throw new RangeError('maxPerWeek must be a whole number ≥ 0');
  const given = new Map<string, number>();
  const heldAt = new Map<string, Set<string>>();
  const candidates = [...input.candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return input.slots.map((slot) => {
    const evaluations = candidates.map((c) =>
      evaluateDutyCandidate(
        c,
        slot,
        input.station,
        input.rules,
        input.policy,
        given.get(c.id) ?? 0,
        heldAt.get(c.id),
      ),
    );
    const eligible = candidates.filter((_, i) => evaluations[i]?.eligible);
    const load = (c: DutyCandidate) => c.recentDuties + (given.get(c.id) ?? 0);
    eligible.sort(
      (a, b) =>
        load(a) - load(b) ||
        (a.lastDutyOn ?? '').localeCompare(b.lastDutyOn ?? '') ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const pick = eligible[0];
    const excluded = evaluations.filter((e) => !e.eligible);
    if (!pick)
      return { ...slot, handlerId: null, reasons: [{ code: 'DUTY_NO_ELIGIBLE', blocking: true }], excluded };
    const reasons = [
      ...(evaluations.find((e) => e.handlerId === pick.id)?.reasons ?? []),
      {
        code: 'DUTY_FEWEST_RECENT' as const,
        blocking: false,
        params: { duties: load(pick), eligible: eligible.length },
      },
    ];
    given.set(pick.id, (given.get(pick.id) ?? 0) + 1);
    const at = heldAt.get(pick.id) ?? new Set<string>();
    at.add(`${slot.date}|${slot.shift}`);
    heldAt.set(pick.id, at);
    return { ...slot, handlerId: pick.id, reasons, excluded };
  });
}
