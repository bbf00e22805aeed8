import type { ReasonCode } from './assess.ts';

/**
 * The refusal reasons (rule list `refusal_reason`) an assessment's findings support: a matter
 * outside the catalogue (LAL art.31) or one whose required fact is missing is `out_of_scope`;
 * household income above the line (LAL art.34) is `no_hardship`. The reviewer decides: these are
 * what the refusal dialog ticks before they do.
 */
const REFUSAL_REASON_OF: Partial<Record<ReasonCode | (string & {}), string>> = {
  MATTER_OUT_OF_CATALOGUE: 'out_of_scope',
  MATTER_NEEDS_FACT: 'out_of_scope',
  HARDSHIP_NOT_MET: 'no_hardship',
};

export function refusalReasonsFound(
  assessment: { reasons: readonly { code: string }[] } | null | undefined,
): string[] {
  const codes = (assessment?.reasons ?? []).flatMap((r) => {
    const code = REFUSAL_REASON_OF[r.code];
    return code ? [code] : [];
  });
  return [...new Set(codes)];
}
