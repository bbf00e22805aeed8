import { describe, expect, it } from 'vitest';
import { refusalReasonsFound } from '../src/index.ts';

describe('refusalReasonsFound: the refusal reasons an assessment supports', () => {
  it('maps an out-of-catalogue matter and a missing fact to out_of_scope, income above the line to no_hardship', () => {
    const refused = {
      reasons: [
        { code: 'MATTER_OUT_OF_CATALOGUE', citation: 'LAL art.31' },
        { code: 'MATTER_NEEDS_FACT', citation: 'LAL art.33' },
        { code: 'HARDSHIP_NOT_MET', citation: 'LAL art.34' },
      ],
    };
    expect(refusalReasonsFound(refused)).toEqual(['out_of_scope', 'no_hardship']);
  });

  it('finds nothing to refuse on when the assessment supports aid, or there is none', () => {
    const granted = {
      reasons: [
        { code: 'MATTER_IN_SCOPE', citation: 'LAL art.31' },
        { code: 'HARDSHIP_MET', citation: 'LAL art.34' },
      ],
    };
    expect(refusalReasonsFound(granted)).toEqual([]);
    expect(refusalReasonsFound(null)).toEqual([]);
  });
});
