import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkEvaluation,
  effectiveByKey,
  gradeForScore,
  LIST_ITEMS,
  localDate,
  scoreBand,
  type ListItemRule,
  type RuleList,
} from '../src/index.ts';

/** The shipped rows in force for Beijing on a day, one per code (as the server loads them). */
const inForce = (list: RuleList, on = '2026-12-01') => [
  ...effectiveByKey(
    LIST_ITEMS.filter((i) => i.list === list),
    ['000000', '110000'],
    localDate(on),
    (i) => i.code,
  ).values(),
];
const rules = { methods: inForce('evaluation_method'), grades: inForce('quality_grade') };

describe('quality evaluation (LAL art.57, art.59)', () => {
  it('ships the five measures of LAL art.59 and [OPN] (六), each with its source', () => {
    expect(rules.methods.map((m) => [m.code, m.nameZh, m.citation])).toEqual([
      ['file_inspection', '案卷检查', 'LAL art.59'],
      ['hearing_observation', '庭审旁听', 'LAL art.59'],
      ['recipient_visit', '回访受援人', 'LAL art.59'],
      ['judicial_opinion', '征询司法机关意见', 'LAL art.59'],
      ['public_lawyer_follow', '法律援助公职律师跟案', 'OPN (六)'],
    ]);
    // Nothing before the Legal Aid Law came into force.
    expect(inForce('evaluation_method', '2021-12-31')).toEqual([]);
  });

  it('grades cover 0–100 without gaps or overlaps, so every whole score has exactly one grade', () => {
    expect(rules.grades.map((g) => g.nameZh)).toEqual(['优秀', '良好', '合格', '不合格']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (score) => {
        const fitting = rules.grades.filter((g) => {
          const band = scoreBand(g);
          return band !== undefined && score >= band.minScore && score <= band.maxScore;
        });
        expect(fitting).toHaveLength(1);
        expect(gradeForScore(score, rules.grades)).toBe(fitting[0]);
      }),
    );
  });

  it('accepts a score inside its grade’s band and names the rule rows used', () => {
    const result = checkEvaluation(
      { methods: ['file_inspection', 'judicial_opinion'], grade: 'good', score: 85 },
      rules,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.grade.id).toBe('bj.quality_grade.good.v1');
    expect(result.methods.map((m) => m.id)).toEqual([
      'cn.evaluation_method.file_inspection.v1',
      'cn.evaluation_method.judicial_opinion.v1',
    ]);
  });

  it('refuses a score outside the grade’s band, with the band and its source', () => {
    expect(checkEvaluation({ methods: ['file_inspection'], grade: 'excellent', score: 89 }, rules)).toEqual({
      ok: false,
      problem: {
        code: 'SCORE_OUTSIDE_GRADE',
        grade: 'excellent',
        minScore: 90,
        maxScore: 100,
        citation: 'LAL art.57; OPN (六)',
      },
    });
    const fail = checkEvaluation({ methods: ['file_inspection'], grade: 'fail', score: 60 }, rules);
    expect(fail.ok || fail.problem.code).toBe('SCORE_OUTSIDE_GRADE');
  });

  it('asks for the recipient’s satisfaction exactly when a visit was made', () => {
    const visit = { methods: ['hearing_observation', 'recipient_visit'], grade: 'pass', score: 70 };
    expect(checkEvaluation(visit, rules)).toEqual({
      ok: false,
      problem: { code: 'SATISFACTION_REQUIRED', method: 'recipient_visit', citation: 'LAL art.59' },
    });
    expect(checkEvaluation({ ...visit, satisfaction: 'basically_satisfied' }, rules).ok).toBe(true);
    const noVisit = checkEvaluation(
      { methods: ['hearing_observation'], grade: 'pass', score: 70, satisfaction: 'satisfied' },
      rules,
    );
    expect(noVisit.ok || noVisit.problem.code).toBe('SATISFACTION_WITHOUT_VISIT');
  });

  it('refuses unknown methods and grades, no method at all, and scores off the 0–100 scale', () => {
    const check = (input: Parameters<typeof checkEvaluation>[0]) => {
      const result = checkEvaluation(input, rules);
      return result.ok ? 'ok' : result.problem;
    };
    expect(check({ methods: ['mystery_shopper'], grade: 'good', score: 85 })).toEqual({
      code: 'METHOD_UNKNOWN',
      method: 'mystery_shopper',
    });
    expect(check({ methods: [], grade: 'good', score: 85 })).toEqual({ code: 'METHODS_REQUIRED' });
    expect(check({ methods: ['file_inspection'], grade: 'outstanding', score: 85 })).toEqual({
      code: 'GRADE_UNKNOWN',
      grade: 'outstanding',
    });
    for (const score of [-1, 101, 85.5])
      expect(check({ methods: ['file_inspection'], grade: 'good', score })).toEqual({
        code: 'SCORE_INVALID',
      });
  });

  it('follows a newer version of a grade from its effective date', () => {
    const good = rules.grades.find((g) => g.code === 'good') as ListItemRule;
    const stricter: ListItemRule = {
      ...good,
      id: 'bj.quality_grade.good.v2',
      params: { minScore: 85, maxScore: 89 },
      effectiveFrom: localDate('2027-01-01'),
    };
    const rows = [...LIST_ITEMS, stricter].filter((i) => i.list === 'quality_grade');
    const on = (day: string) => ({
      methods: rules.methods,
      grades: [...effectiveByKey(rows, ['000000', '110000'], localDate(day), (i) => i.code).values()],
    });
    const input = { methods: ['file_inspection'], grade: 'good', score: 82 };
    expect(checkEvaluation(input, on('2026-12-31')).ok).toBe(true);
    expect(checkEvaluation(input, on('2027-01-01')).ok).toBe(false);
  });
});
