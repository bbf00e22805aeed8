import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkNumberPattern, DEFAULT_NUMBER_PATTERN, formatDocumentNumber } from '../src/index.ts';

describe('document numbers', () => {
  it('formats the Beijing style number', () => {
    expect(
      formatDocumentNumber('京朝法援〔{year}〕第{seq:5}号', { year: 2026, seq: 123, org: '110105' }),
    ).toBe('京朝法援〔2026〕第00123号');
    expect(formatDocumentNumber(DEFAULT_NUMBER_PATTERN, { year: 2026, seq: 7, org: '110108' })).toBe(
      '110108〔2026〕第00007号',
    );
    expect(formatDocumentNumber('{org}-{year}-{seq}', { year: 2027, seq: 123456, org: 'X' })).toBe(
      'X-2027-123456',
    );
  });

  it('checks patterns', () => {
    expect(checkNumberPattern(DEFAULT_NUMBER_PATTERN)).toEqual([]);
    expect(checkNumberPattern('京朝法援〔{year}〕')).toEqual(['PATTERN_NEEDS_SEQ']);
    expect(checkNumberPattern('{seq}{seq}')).toEqual(['PATTERN_SEQ_TWICE']);
    expect(checkNumberPattern('{seq}{month}')).toEqual(['PATTERN_UNKNOWN_TOKEN']);
    expect(checkNumberPattern(`${'长'.repeat(80)}{seq}`)).toEqual(['PATTERN_TOO_LONG']);
  });

  it('gives distinct numbers for distinct sequence values under any valid pattern', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 }), (a, b) => {
        fc.pre(a !== b);
        const f = (seq: number) =>
          formatDocumentNumber(DEFAULT_NUMBER_PATTERN, { year: 2026, seq, org: '110105' });
        expect(f(a)).not.toBe(f(b));
      }),
    );
  });
});
