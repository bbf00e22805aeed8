import type { CaseType } from '../assignment/types.ts';
import { dueDate, type Pause } from '../calendar/periods.ts';
import type { HolidayCalendar } from '../calendar/holiday-calendar.ts';
import { inForce, type RuleRow } from '../eligibility/rules.ts';
import type { DocumentKind, StatutoryPeriodKind } from '../lifecycle/effects.ts';
import type { LocalDate } from '../shared/brand.ts';

/**
 * Service-standard checklists (服务规范): what a file inspection (案卷检查, LAL art.59) checks a
 * closed case against, as dated rule rows (reference/service-standards-cn.ts). Criminal items
 * follow SF/T 0032 (《全国刑事法律援助服务规范》), civil, administrative and non-litigation items
 * SF/T 0058-2019 (《全国民事行政法律援助服务规范》), and the handler's duties in the law itself
 * (LAL art.46, art.48, art.50; MOJ procedure rules 2023 art.27). LAL art.57 leaves the quality
 * standards and their scoring to the justice administration: an item's weight is the bureau's.
 */
export const CHECKLIST_STAGES = ['acceptance', 'handling', 'closing'] as const;
export type ChecklistStage = (typeof CHECKLIST_STAGES)[number];

/** Where an item comes from: a service standard, or a law code of documents/citations.ts. */
export const SERVICE_STANDARD_SOURCES = [
  'SF/T 0032-2019',
  'SF/T 0032-2023',
  'SF/T 0058-2019',
  'LAL',
  'MOJ',
] as const;
export type ServiceStandardSource = (typeof SERVICE_STANDARD_SOURCES)[number];

/** A checklist item's code: snake_case words, dotted by case type (`criminal.meet_client`). */
export const SERVICE_STANDARD_CODE_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/;

/**
 * The handler's activity kinds a checklist may ask for: the work kinds of the case timeline
 * (承办记录, the server's ACTIVITY_KINDS), not its clock events (recipient_delay, matter_ended).
 */
export const EVIDENCE_ACTIVITY_KINDS = [
  'agreement_signed',
  'meeting',
  'file_reading',
  'investigation',
  'filing',
  'hearing',
  'mediation',
] as const;
export type EvidenceActivityKind = (typeof EVIDENCE_ACTIVITY_KINDS)[number];

/**
 * What shows an item was met:
 * - `activity`: one recorded activity of any of the kinds, done or held (not merely scheduled);
 * - `document`: one issued document of any of the kinds;
 * - `closing_material`: every one of the codes (the `closing_material` list) on file at closing;
 * - `judgement`: none in the record — a reviewer judges it by hand (met / not met).
 */
export type ChecklistEvidenceRule =
  | { kind: 'activity'; activityKinds: EvidenceActivityKind[] }
  | { kind: 'document'; documentKinds: DocumentKind[] }
  | { kind: 'closing_material'; codes: string[] }
  | { kind: 'judgement' };

/** One item of a service-standard checklist, a dated rule row (id `cn.service_standard.<code>.v<n>`). */
export interface ServiceStandardItem extends RuleRow {
  standard: ServiceStandardSource;
  caseTypes: CaseType[];
  stage: ChecklistStage;
  code: string;
  nameZh: string;
  nameEn: string;
  evidence: ChecklistEvidenceRule;
  /** Only for a case whose aid was terminated (LAL art.48), or only for one that was not. */
  when?: 'terminated' | 'not_terminated';
  /**
   * The time limit, in calendar days from the assignment, ONLY where a binding source gives one
   * (`periodCitation`); `periodKind` names the same period of the case's clocks, whose due time
   * (rest days and pauses counted) the server passes in.
   */
  withinDays?: number;
  periodCitation?: string;
  periodKind?: StatutoryPeriodKind;
  /** Points, a whole number > 0. */
  weight: number;
}

/**
 * The checklist for a case type on a day: the rows in force on `on` that cover the case type,
 * the latest version of each code (the one in force from the latest date), ordered by stage and
 * code so the list reads the same however the rows are stored.
 */
export function checklistFor(
  rows: readonly ServiceStandardItem[],
  caseType: string,
  on: LocalDate,
): ServiceStandardItem[] {
  const latest = new Map<string, ServiceStandardItem>();
  for (const row of rows) {
    if (!inForce(row, on) || !(row.caseTypes as readonly string[]).includes(caseType)) continue;
    const current = latest.get(row.code);
    if (!current || current.effectiveFrom < row.effectiveFrom) latest.set(row.code, row);
  }
  const stage = (i: ServiceStandardItem) => CHECKLIST_STAGES.indexOf(i.stage);
  return [...latest.values()].sort(
    (a, b) => stage(a) - stage(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** What the case's record holds, as the server reads it for one case. */
export interface ChecklistEvidence {
  activities: readonly { kind: string; status?: string; occurredAt: string }[];
  /** Kinds of the documents issued on the case. */
  documents: readonly string[];
  /** Codes of the closing materials on file. */
  closingMaterials: readonly string[];
  /** The assignment (指派) the periods run from. */
  assignedAt?: string;
  /** Aid ended by termination (LAL art.48): the `when` of the items. */
  terminated?: boolean;
  /** The due time of each period as the case's clock has it (pauses and rest days counted). */
  dueAt?: Partial<Record<StatutoryPeriodKind, string>>;
}

/**
 * A reviewer's word on an item: met or not for a judgement item; for any item, that it does not
 * apply to this case, with the reason (no trial, so no hearing; the defence ended before the file
 * could be read, CPL art.40). A `met` given for a record item is ignored: records decide those.
 */
export type ChecklistJudgement = { met: boolean; note?: string } | { notApplicable: true; note: string };

export type ChecklistStatus =
  'evidenced' | 'missing' | 'late' | 'judged_met' | 'judged_unmet' | 'awaiting_judgement' | 'not_applicable';

export interface ChecklistItemResult {
  code: string;
  ruleId: string;
  stage: ChecklistStage;
  nameZh: string;
  nameEn: string;
  citation: string;
  weight: number;
  status: ChecklistStatus;
  /** What shows it: `meeting 2026-03-02T10:00:00+08:00`, `termination_decision`, the material codes. */
  evidence?: string;
  /** Closing materials the item asks for that are not on file. */
  missing?: string[];
  /** The last moment in time, and on whose authority, for an item with a time limit. */
  dueAt?: string;
  periodCitation?: string;
  /** `unchecked`: neither the clock's due time nor the assignment and a calendar were given. */
  timing?: 'on_time' | 'late' | 'unchecked';
  note?: string;
  /** Points earned: the weight when evidenced or judged met, else 0. */
  earned: number;
}

/**
 * The scores, whole points 0–100 (as evaluation.ts scores), each rounded half up:
 * - recordScore = round(100 × Σ weight of `evidenced` items / Σ weight of record items);
 *   a `late` or `missing` item earns 0;
 * - judgementScore = round(100 × Σ weight of `judged_met` / Σ weight of judged items);
 * - totalScore = round(100 × (record earned + judgement earned) / (record + judgement possible)),
 *   only once no judgement awaits (null before: it would not be final).
 * `not_applicable` items count on neither side. A score with nothing possible is null.
 */
export interface ChecklistScore {
  recordEarned: number;
  recordPossible: number;
  recordScore: number | null;
  judgementEarned: number;
  /** Weight of the items judged so far. */
  judgementPossible: number;
  judgementScore: number | null;
  awaitingJudgement: number;
  totalScore: number | null;
}

export interface ChecklistEvaluation {
  items: ChecklistItemResult[];
  score: ChecklistScore;
  /** Judgement codes that match no item, or give `met` for a record item: the caller refuses them. */
  ignoredJudgements: string[];
}

/** round(100 × earned / possible), half up, in integers; null when nothing is possible. */
export function percentScore(earned: number, possible: number): number | null {
  if (possible === 0) return null;
  return Math.floor((200 * earned + possible) / (2 * possible));
}

const COUNTED_STATUSES = new Set([undefined, 'done', 'held']);

/**
 * The pauses of the agreement period: MOJ procedure rules 2023 art.27 excepts a signing delayed
 * "因受援人原因或者其他客观原因"; the handler records `recipient_delay` and `recipient_delay_ended`
 * (an open delay runs to `until`).
 */
function recipientDelays(activities: ChecklistEvidence['activities'], until: string): Pause[] {
  const pauses: Pause[] = [];
  let from: string | undefined;
  for (const a of [...activities].sort((x, y) => Date.parse(x.occurredAt) - Date.parse(y.occurredAt))) {
    if (a.kind === 'recipient_delay' && from === undefined) from = a.occurredAt;
    if (a.kind === 'recipient_delay_ended' && from !== undefined) {
      pauses.push({ from, to: a.occurredAt });
      from = undefined;
    }
  }
  if (from !== undefined) pauses.push({ from, to: until });
  return pauses;
}

function dueOf(
  item: ServiceStandardItem,
  evidence: ChecklistEvidence,
  doneAt: string,
  calendar: HolidayCalendar | undefined,
): string | undefined {
  if (item.withinDays === undefined) return undefined;
  const fromClock = item.periodKind && evidence.dueAt?.[item.periodKind];
  if (fromClock) return fromClock;
  if (!evidence.assignedAt || !calendar) return undefined;
  const pauses = item.periodKind === 'agreement_signing' ? recipientDelays(evidence.activities, doneAt) : [];
  return dueDate(evidence.assignedAt, { amount: item.withinDays, unit: 'calendar_days' }, calendar, pauses)
    .dueAt;
}

function fromRecord(
  item: ServiceStandardItem,
  evidence: ChecklistEvidence,
  calendar: HolidayCalendar | undefined,
): Pick<ChecklistItemResult, 'status' | 'evidence' | 'missing' | 'dueAt' | 'timing'> {
  const rule = item.evidence;
  if (rule.kind === 'document') {
    const found = rule.documentKinds.find((k) => evidence.documents.includes(k));
    return found ? { status: 'evidenced', evidence: found } : { status: 'missing' };
  }
  if (rule.kind === 'closing_material') {
    const missing = rule.codes.filter((c) => !evidence.closingMaterials.includes(c));
    return missing.length === 0
      ? { status: 'evidenced', evidence: rule.codes.join(', ') }
      : { status: 'missing', missing };
  }
  if (rule.kind === 'judgement') return { status: 'awaiting_judgement' };
  const kinds: readonly string[] = rule.activityKinds;
  const first = evidence.activities
    .filter((a) => kinds.includes(a.kind) && COUNTED_STATUSES.has(a.status))
    .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))[0];
  if (!first) return { status: 'missing' };
  const shown = `${first.kind} ${first.occurredAt}`;
  if (item.withinDays === undefined) return { status: 'evidenced', evidence: shown };
  const due = dueOf(item, evidence, first.occurredAt, calendar);
  if (due === undefined) return { status: 'evidenced', evidence: shown, timing: 'unchecked' };
  const late = Date.parse(first.occurredAt) > Date.parse(due);
  return {
    status: late ? 'late' : 'evidenced',
    evidence: shown,
    dueAt: due,
    timing: late ? 'late' : 'on_time',
  };
}

/**
 * Checks a case against its checklist (from `checklistFor`): each record item from the record,
 * each judgement item from the reviewer's `judgements` (by code), items whose `when` does not fit
 * the case left out; then the scores (ChecklistScore says how). A time limit is checked against
 * the clock's due time in `evidence.dueAt`, else counted from `assignedAt` on `calendar` (民法典
 * art.201–203, as `dueDate`); the first qualifying activity must fall within it.
 */
export function evaluateChecklist(
  items: readonly ServiceStandardItem[],
  evidence: ChecklistEvidence,
  judgements: Readonly<Record<string, ChecklistJudgement>>,
  calendar?: HolidayCalendar,
): ChecklistEvaluation {
  const terminated = evidence.terminated === true;
  const applicable = items.filter((i) => i.when === undefined || (i.when === 'terminated') === terminated);
  const results = applicable.map((item): ChecklistItemResult => {
    if (!Number.isSafeInteger(item.weight) || item.weight <= 0)
      throw new RangeError(`item ${item.id}: weight must be a whole number > 0`);
    const base = {
      code: item.code,
      ruleId: item.id,
      stage: item.stage,
      nameZh: item.nameZh,
      nameEn: item.nameEn,
      citation: item.citation,
      weight: item.weight,
      ...(item.periodCitation ? { periodCitation: item.periodCitation } : {}),
    };
    const judgement = judgements[item.code];
    const note = judgement?.note ? { note: judgement.note } : {};
    if (judgement && 'notApplicable' in judgement)
      return { ...base, status: 'not_applicable', ...note, earned: 0 };
    if (item.evidence.kind === 'judgement' && judgement)
      return {
        ...base,
        status: judgement.met ? 'judged_met' : 'judged_unmet',
        ...note,
        earned: judgement.met ? item.weight : 0,
      };
    const found = fromRecord(item, evidence, calendar);
    return { ...base, ...found, earned: found.status === 'evidenced' ? item.weight : 0 };
  });

  const byCode = new Map(applicable.map((i) => [i.code, i]));
  const ignoredJudgements = Object.entries(judgements)
    .filter(([code, j]) => {
      const item = byCode.get(code);
      return !item || (item.evidence.kind !== 'judgement' && !('notApplicable' in j));
    })
    .map(([code]) => code)
    .sort();
  return { items: results, score: scoreOf(results), ignoredJudgements };
}

const RECORD_STATUSES = new Set<ChecklistStatus>(['evidenced', 'missing', 'late']);
const JUDGED_STATUSES = new Set<ChecklistStatus>(['judged_met', 'judged_unmet']);

function scoreOf(results: readonly ChecklistItemResult[]): ChecklistScore {
  const sum = (keep: (r: ChecklistItemResult) => boolean, of: (r: ChecklistItemResult) => number) =>
    results.filter(keep).reduce((total, r) => total + of(r), 0);
  const isRecord = (r: ChecklistItemResult) => RECORD_STATUSES.has(r.status);
  const isJudged = (r: ChecklistItemResult) => JUDGED_STATUSES.has(r.status);
  const recordEarned = sum(isRecord, (r) => r.earned);
  const recordPossible = sum(isRecord, (r) => r.weight);
  const judgementEarned = sum(isJudged, (r) => r.earned);
  const judgementPossible = sum(isJudged, (r) => r.weight);
  const awaitingJudgement = results.filter((r) => r.status === 'awaiting_judgement').length;
  return {
    recordEarned,
    recordPossible,
    recordScore: percentScore(recordEarned, recordPossible),
    judgementEarned,
    judgementPossible,
    judgementScore: percentScore(judgementEarned, judgementPossible),
    awaitingJudgement,
    totalScore:
      awaitingJudgement > 0
        ? null
        : percentScore(recordEarned + judgementEarned, recordPossible + judgementPossible),
  };
}
