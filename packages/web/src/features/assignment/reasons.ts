import type { TFunction } from 'i18next';
import { CASE_TYPES, HANDLER_TEAMS, type CaseType, type HandlerTeam } from '@fayuan/domain';
import type { AssignmentHighlight, AssignmentReason } from '../../api';
import { languageLabel } from '../handlers/labels';

const REQUIREMENTS = [
  'minYearsPractice',
  'requiresMinorsExpertise',
  'requiresTeam',
  'requiresLawyer',
] as const;
type Requirement = (typeof REQUIREMENTS)[number];

const HANDLER_KINDS = [
  'social_lawyer',
  'public_lawyer',
  'centre_lawyer',
  'grassroots_worker',
  'volunteer',
] as const;

export function kindLabel(t: TFunction, kind: string): string {
  return (HANDLER_KINDS as readonly string[]).includes(kind)
    ? t(`handlers.kinds.${kind as (typeof HANDLER_KINDS)[number]}`)
    : kind;
}

function teamLabel(t: TFunction, team: string): string {
  return (HANDLER_TEAMS as readonly string[]).includes(team)
    ? t(`teams.standardNames.${team as HandlerTeam}`)
    : team;
}

/** Blocking reasons whose words need one handler's facts: a plan's summary names them shortly. */
const SUMMARY_NAMES = [
  'CAPACITY_FULL',
  'LAWYER_REQUIRED',
  'TEAM_REQUIRED',
  'CONFLICT_HANDLER_ACTED_FOR_OPPONENT',
  'CONFLICT_FIRM_ACTED_FOR_OPPONENT',
  'CONFLICT_FIRM_ACTS_FOR_OPPONENT',
  'CONFLICT_RECORDED_RELATION',
] as const;

/** A qualification rule's requirement in words, with what it asks and what the handler has. */
function qualificationText(t: TFunction, reason: AssignmentReason): string {
  const params = reason.params ?? {};
  const requirement = String(params.requirement ?? '');
  const met = reason.code === 'QUALIFICATION_MET';
  if (!(REQUIREMENTS as readonly string[]).includes(requirement))
    return t(`assignment.reasons.${reason.code}`);
  const key = requirement as Requirement;
  const actual = String(params.actual ?? '');
  // Not a lawyer at all: the years do not count (LAL art.26 asks for a lawyer).
  if (key === 'minYearsPractice' && !/^\d+$/.test(actual))
    return t(`assignment.requirements.requiresLawyer.${met ? 'met' : 'notMet'}`);
  const required = key === 'requiresTeam' ? teamLabel(t, String(params.required ?? '')) : params.required;
  return t(`assignment.requirements.${key}.${met ? 'met' : 'notMet'}`, { required, actual });
}

/**
 * A reason's words in the UI language, its params filled in (codes made readable). A plan's
 * summary of a blocking reason carries how many handlers it stops instead of one handler's facts.
 */
export function reasonText(t: TFunction, reason: AssignmentReason): string {
  const params = reason.params ?? {};
  const summary =
    reason.code !== 'NO_ELIGIBLE_HANDLER' && typeof params.handlers === 'number' && !('openCases' in params);
  if (summary) {
    const name = (SUMMARY_NAMES as readonly string[]).includes(reason.code)
      ? t(`assignment.reasonNames.${reason.code as (typeof SUMMARY_NAMES)[number]}`)
      : t(`assignment.reasons.${reason.code}`);
    return t('assignment.reasonCount', { reason: name, handlers: params.handlers });
  }
  if (reason.code === 'QUALIFICATION_MET' || reason.code === 'QUALIFICATION_NOT_MET')
    return qualificationText(t, reason);
  return t(`assignment.reasons.${reason.code}`, {
    ...params,
    kind: typeof params.kind === 'string' ? kindLabel(t, params.kind) : params.kind,
    team: typeof params.team === 'string' ? teamLabel(t, params.team) : params.team,
    language: typeof params.language === 'string' ? languageLabel(t, params.language) : params.language,
  });
}

/**
 * A highlight's words: the matter by its name (or, failing one, the type of case), the language by
 * its name; `matterName` is useMatterName's labeller.
 */
export function highlightText(
  t: TFunction,
  highlight: AssignmentHighlight,
  matterName: (code: string) => string,
): string {
  const params = highlight.params ?? {};
  if (highlight.code === 'SPECIALTY') {
    const matter = typeof params.matter === 'string' && params.matter ? matterName(params.matter) : '';
    const caseType = String(params.caseType ?? '');
    const name =
      matter ||
      (CASE_TYPES.includes(caseType as CaseType) ? t(`applications.caseTypes.${caseType as CaseType}`) : '');
    return t('assignment.highlights.SPECIALTY', { matter: name });
  }
  if (highlight.code === 'LANGUAGE')
    return t('assignment.highlights.LANGUAGE', { language: languageLabel(t, String(params.language ?? '')) });
  return t(`assignment.highlights.${highlight.code}`);
}
