import {
  DEFAULT_ASSIGNMENT_WEIGHTS,
  LAWYER_KINDS,
  type AssignmentOptions,
  type AssignmentReason,
  type AssignmentWeights,
  type CandidateEvaluation,
  type CaseNeeds,
  type HandlerProfile,
  type QualificationRule,
  type ScoreParts,
} from './types.ts';

/**
 * Whether a handler may take a case, and at what cost. Hard rules first — status (admission and
 * exit [OPN]), capacity, a lawyer for criminal defence (CPL art.35), the qualification rule rows
 * (LAL art.26, MPL art.104, [OPN] teams), conflicts of interest (律师法 art.39) — then a score from
 * load, rotation, specialty, district and language. One code path serves the explained
 * evaluation and the planners' fast check, so they cannot disagree.
 */

const DAY_MS = 86_400_000;

/** The shipped rows' codes and the case trait each covers; a row may name its own in `params.appliesTo`. */
export const QUALIFICATION_TRIGGERS: Readonly<Record<string, string>> = {
  life_or_death_cases: 'life_or_death', // LAL art.26
  minors_cases: 'minor', // MPL art.104
  appeal_cases: 'appeal', // OPN (六)
};

/** Grounds of LAL art.25(1)(4)–(5): the defendant may face life imprisonment or death. */
const LIFE_OR_DEATH_GROUNDS: ReadonlySet<string> = new Set([
  'life_or_death_sentence',
  'death_penalty_review',
]);

const REQUIREMENTS = ['minYearsPractice', 'requiresMinorsExpertise', 'requiresTeam', 'requiresLawyer'];

const STATUS_CITATION = 'OPN';
const CONFLICT_CITATION = '律师法 art.39';
const LAWYER_CITATION = 'CPL art.35';

/** Names and ids are compared without spaces, case or full-width differences. */
export function partyKey(party: string): string {
  return party.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export interface Policy {
  weights: AssignmentWeights;
  rotationHorizonDays: number;
  nowMs: number;
}

export function policyOf(now: string, options: AssignmentOptions = {}): Policy {
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw new RangeError(`now is not an ISO instant: ${now}`);
  const weights = { ...DEFAULT_ASSIGNMENT_WEIGHTS, ...options.weights };
  for (const [name, w] of Object.entries(weights))
    if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(`weight ${name} must be ≥ 0, got ${w}`);
  const rotationHorizonDays = options.rotationHorizonDays ?? 30;
  if (!(rotationHorizonDays > 0)) throw new RangeError('rotationHorizonDays must be > 0');
  return { weights, rotationHorizonDays, nowMs };
}

export interface CompiledHandler {
  profile: HandlerProfile;
  isLawyer: boolean;
  specialties: ReadonlySet<string>;
  languages: ReadonlySet<string>;
  districts: ReadonlySet<string>;
  teams: ReadonlySet<string>;
  actedFor: ReadonlySet<string>;
  firmActedFor: ReadonlySet<string>;
  relations: ReadonlyMap<string, string>;
  lastAssignedMs: number | null;
}

export function compileHandler(h: HandlerProfile): CompiledHandler {
  const last = h.lastAssignedAt === null ? null : Date.parse(h.lastAssignedAt);
  return {
    profile: h,
    isLawyer: LAWYER_KINDS.includes(h.kind),
    specialties: new Set(h.specialties),
    languages: new Set(h.languages),
    districts: new Set(h.districts),
    teams: new Set(h.teams),
    actedFor: new Set(h.conflicts.actedFor.map(partyKey)),
    firmActedFor: new Set(h.conflicts.firmActedFor.map(partyKey)),
    relations: new Map(h.conflicts.relations.map((r) => [partyKey(r.party), r.relation])),
    lastAssignedMs: last === null || Number.isNaN(last) ? null : last,
  };
}

export interface CompiledCase {
  needs: CaseNeeds;
  criminal: boolean;
  criminalDefence: boolean;
  rules: readonly QualificationRule[];
  /** Each applicable rule's requirements, `appliesTo` left out. */
  requirements: readonly { rule: QualificationRule; requirement: string; value: unknown }[];
  opposing: readonly { key: string; party: string }[];
  /** The client and the opposing parties: a recorded relation with any of them is a conflict. */
  related: readonly { key: string; party: string }[];
  opposingFirms: ReadonlySet<string>;
}

/** What a case is, as qualification rules name it: `life_or_death`, `minor`, `appeal`, `matter:…`, `caseType:…`, `ground:…`. */
export function caseTraits(needs: CaseNeeds): Set<string> {
  const traits = new Set<string>([`caseType:${needs.caseType}`]);
  if (needs.matter) traits.add(`matter:${needs.matter}`);
  if (needs.criminalGround) traits.add(`ground:${needs.criminalGround}`);
  if (
    needs.possibleSentence === 'life_or_death' ||
    (needs.criminalGround && LIFE_OR_DEATH_GROUNDS.has(needs.criminalGround))
  )
    traits.add('life_or_death');
  if (needs.minor || needs.criminalGround === 'minor') traits.add('minor');
  if (needs.appeal) traits.add('appeal');
  return traits;
}

/** The rules that cover this case: `params.appliesTo` (comma-separated traits, any of) or the shipped trigger. */
export function applicableRules(needs: CaseNeeds, rules: readonly QualificationRule[]): QualificationRule[] {
  const traits = caseTraits(needs);
  return rules.filter((rule) => {
    const own = rule.params.appliesTo;
    const wanted = typeof own === 'string' ? own.split(',').map((t) => t.trim()) : [];
    const trigger = QUALIFICATION_TRIGGERS[rule.code];
    if (wanted.length === 0 && trigger) wanted.push(trigger);
    return wanted.some((t) => traits.has(t));
  });
}

export function compileCase(needs: CaseNeeds, rules: readonly QualificationRule[]): CompiledCase {
  const criminal = needs.caseType === 'criminal';
  const applicable = applicableRules(needs, rules);
  const opposing = needs.opposingParties.map((party) => ({ key: partyKey(party), party }));
  return {
    needs,
    criminal,
    criminalDefence: criminal && needs.criminalRole !== 'representation',
    rules: applicable,
    requirements: applicable.flatMap((rule) =>
      Object.entries(rule.params)
        .filter(([requirement]) => requirement !== 'appliesTo')
        .map(([requirement, value]) => ({ rule, requirement, value })),
    ),
    opposing,
    related: [
      { key: partyKey(needs.clientId), party: needs.clientId },
      // Conflict registers name people; a relation with the client by name counts too.
      ...(needs.clientName ? [{ key: partyKey(needs.clientName), party: needs.clientName }] : []),
      ...opposing,
    ],
    opposingFirms: new Set(needs.opposingFirmIds ?? []),
  };
}

/**
 * The hard rules. Without `out` it stops at the first failure and allocates nothing (the planners'
 * fast path, millions of pairs); with it, every rule is checked and its outcome recorded, so a
 * person sees all that stands in the way. `out?.push(…)` builds the reason only when explaining.
 */
export function passesHardRules(h: CompiledHandler, c: CompiledCase, out?: AssignmentReason[]): boolean {
  const p = h.profile;
  let ok = true;

  // Only an admitted, active handler gets a new case (admission and exit, [OPN]).
  if (p.status !== 'active') {
    if (!out) return false;
    ok = false;
    out.push({
      code:
        p.status === 'suspended'
          ? 'HANDLER_SUSPENDED'
          : p.status === 'applying'
            ? 'HANDLER_NOT_ADMITTED'
            : 'HANDLER_EXITED',
      blocking: true,
      citation: STATUS_CITATION,
    });
  } else out?.push({ code: 'HANDLER_ACTIVE', blocking: false });

  const full = p.openCases >= p.capacity;
  if (full && !out) return false;
  out?.push({
    code: full ? 'CAPACITY_FULL' : 'CAPACITY_LEFT',
    blocking: full,
    params: { openCases: p.openCases, capacity: p.capacity },
  });
  if (full) ok = false;

  if (c.criminalDefence && !h.isLawyer) {
    if (!out) return false;
    ok = false;
    out.push({
      code: 'LAWYER_REQUIRED',
      blocking: true,
      citation: LAWYER_CITATION,
      params: { kind: p.kind },
    });
  }

  for (const { rule, requirement, value } of c.requirements) {
    const met = requirementMet(h, c, requirement, value);
    if (!met && !out) return false;
    if (!met) ok = false;
    out?.push({
      code: met ? 'QUALIFICATION_MET' : 'QUALIFICATION_NOT_MET',
      blocking: !met,
      citation: rule.citation,
      params: { rule: rule.code, requirement, required: String(value), actual: actualOf(h, c, requirement) },
    });
  }

  const team = c.needs.teamRequired;
  if (team && !h.teams.has(team)) {
    if (!out) return false;
    ok = false;
    out.push({ code: 'TEAM_REQUIRED', blocking: true, citation: STATUS_CITATION, params: { team } });
  }

  // 回避 (律师法 art.39): no acting for both sides, no matter in conflict with one's own relations.
  let conflict = false;
  for (const { key, party } of c.opposing) {
    if (h.actedFor.has(key)) {
      if (!out) return false;
      conflict = true;
      out.push({
        code: 'CONFLICT_HANDLER_ACTED_FOR_OPPONENT',
        blocking: true,
        citation: CONFLICT_CITATION,
        params: { party },
      });
    }
    if (h.firmActedFor.has(key)) {
      if (!out) return false;
      conflict = true;
      out.push({
        code: 'CONFLICT_FIRM_ACTED_FOR_OPPONENT',
        blocking: true,
        citation: CONFLICT_CITATION,
        params: { party, firmId: p.firmId ?? '' },
      });
    }
  }
  if (p.firmId !== null && c.opposingFirms.has(p.firmId)) {
    if (!out) return false;
    conflict = true;
    out.push({
      code: 'CONFLICT_FIRM_ACTS_FOR_OPPONENT',
      blocking: true,
      citation: CONFLICT_CITATION,
      params: { firmId: p.firmId },
    });
  }
  if (h.relations.size > 0)
    for (const { key, party } of c.related) {
      const relation = h.relations.get(key);
      if (relation === undefined) continue;
      if (!out) return false;
      conflict = true;
      out.push({
        code: 'CONFLICT_RECORDED_RELATION',
        blocking: true,
        citation: CONFLICT_CITATION,
        params: { party, relation },
      });
    }
  if (conflict) ok = false;
  else out?.push({ code: 'NO_CONFLICT', blocking: false });
  return ok;
}

function requirementMet(h: CompiledHandler, c: CompiledCase, requirement: string, value: unknown): boolean {
  switch (requirement) {
    // LAL art.26: "具有三年以上相关执业经历的律师" — a lawyer, and relevant (criminal) practice for criminal cases.
    case 'minYearsPractice':
      return h.isLawyer && typeof value === 'number' && relevantYears(h, c) >= value;
    case 'requiresMinorsExpertise':
      return value !== true || h.profile.familiarWithMinors || h.teams.has('minors');
    case 'requiresTeam':
      return typeof value === 'string' && h.teams.has(value);
    case 'requiresLawyer':
      return value !== true || h.isLawyer;
    default:
      return false; // a requirement this engine does not know blocks rather than passes
  }
}

function relevantYears(h: CompiledHandler, c: CompiledCase): number {
  return c.criminal ? h.profile.yearsOfCriminalPractice : h.profile.yearsOfPractice;
}

function actualOf(h: CompiledHandler, c: CompiledCase, requirement: string): string {
  switch (requirement) {
    case 'minYearsPractice':
      return h.isLawyer ? String(relevantYears(h, c)) : `${h.profile.kind}`;
    case 'requiresMinorsExpertise':
      return String(h.profile.familiarWithMinors || h.teams.has('minors'));
    case 'requiresTeam':
      return [...h.teams].join(',');
    case 'requiresLawyer':
      return h.profile.kind;
    default:
      return REQUIREMENTS.includes(requirement) ? '' : 'unknown requirement';
  }
}

export const scaled = (weight: number, part: number) => Math.round(100 * weight * part);

/** Misses as bits (1 specialty, 2 district, 4 language): one computation for parts and cost, no allocation. */
function pairMisses(h: CompiledHandler, c: CompiledCase): number {
  const n = c.needs;
  const specialty = (n.matter !== null && h.specialties.has(n.matter)) || h.specialties.has(n.caseType);
  const district = n.district === null || h.districts.has(n.district);
  const language = !n.language || h.languages.has(n.language);
  return (specialty ? 0 : 1) | (district ? 0 : 2) | (language ? 0 : 4);
}

/** The parts that depend on the pair (specialty, district, language), each 0 (match) or 1. */
export function pairParts(
  h: CompiledHandler,
  c: CompiledCase,
): Omit<ScoreParts, 'load' | 'rotation' | 'quality'> {
  const misses = pairMisses(h, c);
  return { specialty: misses & 1, district: (misses >> 1) & 1, language: (misses >> 2) & 1 };
}

export function pairCost(h: CompiledHandler, c: CompiledCase, policy: Policy): number {
  const misses = pairMisses(h, c);
  const w = policy.weights;
  return (
    scaled(w.specialty, misses & 1) +
    scaled(w.district, (misses >> 1) & 1) +
    scaled(w.language, (misses >> 2) & 1)
  );
}

/**
 * The parts that depend on the handler alone, for the handler's `extra`-th new case in a plan
 * (0 = the next one): load counts the cases already given; after one assignment the rotation part
 * is at its maximum. Both never decrease with `extra`, which the flow's slot edges rely on.
 */
export function handlerParts(
  h: CompiledHandler,
  extra: number,
  policy: Policy,
): Pick<ScoreParts, 'load' | 'rotation' | 'quality'> {
  const p = h.profile;
  const load = p.capacity > 0 ? Math.min(1, Math.max(0, (p.openCases + extra) / p.capacity)) : 1;
  let rotation = 0;
  if (extra > 0) rotation = 1;
  else if (h.lastAssignedMs !== null) {
    const days = (policy.nowMs - h.lastAssignedMs) / DAY_MS;
    rotation = Math.min(1, Math.max(0, 1 - days / policy.rotationHorizonDays));
  }
  return { load, rotation, quality: (p.qualityConcerns?.length ?? 0) > 0 ? 1 : 0 };
}

export function slotCost(h: CompiledHandler, extra: number, policy: Policy): number {
  const { load, rotation, quality } = handlerParts(h, extra, policy);
  return (
    scaled(policy.weights.load, load) +
    scaled(policy.weights.rotation, rotation) +
    scaled(policy.weights.quality, quality)
  );
}

/**
 * Whether `handler` may take the case now, and its score (a cost: lower is better), with every
 * reason. `rules`: the `handler_qualification` rows in force (see `qualificationRulesInForce`).
 */
export function evaluateCandidate(
  handler: HandlerProfile,
  needs: CaseNeeds,
  rules: readonly QualificationRule[],
  now: string,
  options: AssignmentOptions = {},
): CandidateEvaluation {
  return evaluateCompiled(compileHandler(handler), compileCase(needs, rules), policyOf(now, options));
}

export function evaluateCompiled(h: CompiledHandler, c: CompiledCase, policy: Policy): CandidateEvaluation {
  const reasons: AssignmentReason[] = [];
  const eligible = passesHardRules(h, c, reasons);
  const scoreParts = { ...handlerParts(h, 0, policy), ...pairParts(h, c) };
  const n = c.needs;
  const soft = (code: AssignmentReason['code'], params?: Record<string, string | number>) =>
    reasons.push(params ? { code, blocking: false, params } : { code, blocking: false });
  soft(scoreParts.specialty === 0 ? 'SPECIALTY_MATCH' : 'NO_SPECIALTY_MATCH', {
    matter: n.matter ?? '',
    caseType: n.caseType,
  });
  if (n.district !== null)
    soft(scoreParts.district === 0 ? 'DISTRICT_MATCH' : 'OUTSIDE_DISTRICT', { district: n.district });
  if (n.language)
    soft(scoreParts.language === 0 ? 'LANGUAGE_MATCH' : 'LANGUAGE_NOT_SPOKEN', { language: n.language });
  const concerns = h.profile.qualityConcerns ?? [];
  if (concerns.length > 0)
    soft('QUALITY_CONCERN', {
      concernsZh: concerns.map((q) => q.nameZh).join('；'),
      concernsEn: concerns.map((q) => q.nameEn).join('; '),
    });
  return {
    handlerId: h.profile.id,
    eligible,
    reasons,
    score: eligible ? pairCost(h, c, policy) + slotCost(h, 0, policy) : null,
    scoreParts,
  };
}

export interface RankedCandidates {
  /** The one-click choice: the eligible handler with the lowest score (ties: smallest id); null if none. */
  best: CandidateEvaluation | null;
  /** Eligible handlers by score then id, then the ineligible ones by id. */
  candidates: CandidateEvaluation[];
}

export function rankCandidates(
  needs: CaseNeeds,
  handlers: readonly HandlerProfile[],
  rules: readonly QualificationRule[],
  now: string,
  options: AssignmentOptions = {},
): RankedCandidates {
  const policy = policyOf(now, options);
  const c = compileCase(needs, rules);
  const candidates = handlers
    .map((h) => evaluateCompiled(compileHandler(h), c, policy))
    .sort(
      (a, b) =>
        Number(b.eligible) - Number(a.eligible) ||
        (a.score ?? 0) - (b.score ?? 0) ||
        compareIds(a.handlerId, b.handlerId),
    );
  const first = candidates[0];
  return { best: first?.eligible ? first : null, candidates };
}

export const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
