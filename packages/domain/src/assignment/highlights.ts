import type { CandidateEvaluation } from './types.ts';

/**
 * What speaks for a handler, in words a director reads at a glance ("负担最轻 · 擅长劳动争议 ·
 * 同区") instead of the score's figures. Each is a fact of the evaluation, never a new rule.
 */
export const HIGHLIGHT_CODES = [
  /** The fewest open cases for the capacity among the eligible handlers of the case. */
  'LIGHTEST_LOAD',
  /** Works in the case's matter (or, failing a matter, its type of case). */
  'SPECIALTY',
  /** Serves the district of the case (its centre, or the court's). */
  'SAME_DISTRICT',
  /** Speaks the language the client needs. */
  'LANGUAGE',
  /** Not given a case within the rotation horizon: fair rotation. */
  'NOT_RECENTLY_ASSIGNED',
] as const;
export type HighlightCode = (typeof HIGHLIGHT_CODES)[number];

export interface Highlight {
  code: HighlightCode;
  params?: Record<string, string | number>;
}

const paramsOf = (e: CandidateEvaluation, code: string) => e.reasons.find((r) => r.code === code)?.params;

/**
 * The highlights of `candidate` among `eligible` (the eligible evaluations of the same case,
 * the candidate among them): none for an ineligible handler, whose blocking reasons speak instead.
 * "Lightest load" is said only when there was a choice (two eligible handlers or more).
 */
export function highlightsOf(
  candidate: CandidateEvaluation,
  eligible: readonly CandidateEvaluation[],
): Highlight[] {
  if (!candidate.eligible) return [];
  const out: Highlight[] = [];
  const parts = candidate.scoreParts;
  const lightest = Math.min(...eligible.map((e) => e.scoreParts.load));
  if (eligible.length > 1 && parts.load <= lightest) out.push({ code: 'LIGHTEST_LOAD' });
  const specialty = paramsOf(candidate, 'SPECIALTY_MATCH');
  if (specialty) out.push({ code: 'SPECIALTY', params: specialty });
  if (paramsOf(candidate, 'DISTRICT_MATCH')) out.push({ code: 'SAME_DISTRICT' });
  const language = paramsOf(candidate, 'LANGUAGE_MATCH');
  if (language) out.push({ code: 'LANGUAGE', params: language });
  if (parts.rotation === 0) out.push({ code: 'NOT_RECENTLY_ASSIGNED' });
  return out;
}
