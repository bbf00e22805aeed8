import { describe, expect, it } from 'vitest';
import {
  beijingQuarter,
  computeKpis,
  KPI_MEASURES,
  type KpiMeasure,
  checkVisitAnswers,
  visitConcerns,
  visitScript,
  evaluateCandidate,
  LIST_ITEMS,
  rankCandidates,
  summariseHandlerQuality,
  type HandlerQualityFacts,
} from '../src/index.ts';
import { RULES, buildCase, buildHandler } from './assignment-factories.ts';

const THRESHOLDS = LIST_ITEMS.filter((i) => i.list === 'quality_threshold');
const NOW = '2026-12-05T02:00:00.000Z';
const none: HandlerQualityFacts = { evaluations: [], inspections: [], complaints: [], ratings: [] };

describe('a handler’s quality record', () => {
  it('has no concern without enough facts, and names the threshold a record breaches', () => {
    expect(summariseHandlerQuality(none, THRESHOLDS, NOW).concerns).toEqual([]);
    // Two low scores are not yet a pattern (minCount 3); a third is.
    const two = { ...none, evaluations: [55, 60].map((score) => ({ score, at: '2026-10-01T02:00:00Z' })) };
    expect(summariseHandlerQuality(two, THRESHOLDS, NOW).concerns).toEqual([]);
    const three = { ...two, evaluations: [...two.evaluations, { score: 65, at: '2026-11-01T02:00:00Z' }] };
    const summary = summariseHandlerQuality(three, THRESHOLDS, NOW);
    expect(summary.averageScore).toBe(60);
    expect(summary.concerns).toEqual([
      expect.objectContaining({
        code: 'low_average_score',
        value: 60,
        limit: 70,
        bound: 'min',
        citation: 'OPN (六); OPN (七)',
      }),
    ]);
  });

  it('counts founded complaints over the window only', () => {
    const old = { upheld: true, at: '2025-06-01T02:00:00Z' };
    const recent = { upheld: true, at: '2026-09-01T02:00:00Z' };
    const facts = { ...none, complaints: [old, recent, { upheld: false, at: '2026-10-01T02:00:00Z' }] };
    const summary = summariseHandlerQuality(facts, THRESHOLDS, NOW);
    expect(summary).toMatchObject({ upheldComplaints: 2, complaintsDecided: 3, concerns: [] });
    const again = {
      ...facts,
      complaints: [...facts.complaints, { upheld: true, at: '2026-11-20T02:00:00Z' }],
    };
    expect(summariseHandlerQuality(again, THRESHOLDS, NOW).concerns.map((c) => c.code)).toEqual([
      'upheld_complaints',
    ]);
  });

  it('gives the trend by Beijing quarter, the last four with any fact', () => {
    expect(beijingQuarter('2026-09-30T16:30:00Z')).toBe('2026Q4'); // 10-01 00:30 in Beijing
    const facts = {
      ...none,
      ratings: ['2025-08-01', '2025-11-01', '2026-02-01', '2026-05-01', '2026-08-01'].map((d, i) => ({
        score: i + 1,
        at: `${d}T02:00:00Z`,
      })),
    };
    const trend = summariseHandlerQuality(facts, THRESHOLDS, NOW).trend;
    expect(trend.map((q) => [q.quarter, q.satisfaction])).toEqual([
      ['2025Q4', 2],
      ['2026Q1', 3],
      ['2026Q2', 4],
      ['2026Q3', 5],
    ]);
  });
});

describe('the quality record in the assignment', () => {
  it('ranks a handler with a concern lower, keeps them eligible and says why', () => {
    const needs = buildCase();
    const good = buildHandler({ id: 'h-good' });
    const poor = buildHandler({
      id: 'h-a-poor',
      qualityConcerns: [
        {
          code: 'low_average_score',
          nameZh: '质量评估平均分低于 70 分',
          nameEn: 'Average evaluation score below 70',
        },
      ],
    });
    const evaluation = evaluateCandidate(poor, needs, RULES, NOW);
    expect(evaluation.eligible).toBe(true);
    expect(evaluation.scoreParts.quality).toBe(1);
    expect(evaluation.reasons).toContainEqual({
      code: 'QUALITY_CONCERN',
      blocking: false,
      params: { concernsZh: '质量评估平均分低于 70 分', concernsEn: 'Average evaluation score below 70' },
    });
    const ranked = rankCandidates(needs, [poor, good], RULES, NOW);
    expect(ranked.best?.handlerId).toBe('h-good');
    expect(ranked.candidates.map((c) => c.handlerId)).toEqual(['h-good', 'h-a-poor']);
    expect((ranked.candidates[1]?.score ?? 0) - (ranked.candidates[0]?.score ?? 0)).toBe(2500);
  });
});

describe('follow-up visits (回访)', () => {
  const questions = LIST_ITEMS.filter((i) => i.list === 'visit_question');
  const allYes = { contacted_promptly: 'yes', informed_of_progress: 'yes', asked_for_money: 'no' };

  it('asks every yes/no question and a satisfaction of a recipient reached', () => {
    expect(visitScript(questions).map((q) => q.code)).toEqual([
      'contacted_promptly',
      'informed_of_progress',
      'asked_for_money',
      'suggestions',
    ]);
    expect(checkVisitAnswers({ reached: false, answers: {} }, questions)).toBeNull();
    expect(checkVisitAnswers({ reached: true, answers: {}, satisfaction: 4 }, questions)).toEqual({
      code: 'VISIT_ANSWER_MISSING',
      question: 'contacted_promptly',
    });
    expect(checkVisitAnswers({ reached: true, answers: allYes }, questions)).toEqual({
      code: 'VISIT_SATISFACTION_REQUIRED',
    });
    expect(
      checkVisitAnswers({ reached: true, answers: { ...allYes, x: 'y' }, satisfaction: 4 }, questions),
    ).toEqual({
      code: 'VISIT_QUESTION_UNKNOWN',
      question: 'x',
    });
    expect(checkVisitAnswers({ reached: true, answers: allYes, satisfaction: 6 }, questions)).toEqual({
      code: 'VISIT_SATISFACTION_REQUIRED',
    });
  });

  it('a satisfaction of 1 or 2, or a flagged answer, needs a review', () => {
    expect(visitConcerns({ reached: true, answers: allYes, satisfaction: 3 }, questions)).toEqual([]);
    expect(visitConcerns({ reached: true, answers: allYes, satisfaction: 2 }, questions)).toEqual([
      'dissatisfied',
    ]);
    expect(
      visitConcerns(
        { reached: true, answers: { ...allYes, asked_for_money: 'yes' }, satisfaction: 5 },
        questions,
      ),
    ).toEqual(['asked_for_money']);
  });
});

describe('the bureau’s evaluation of centres (考评)', () => {
  const rows = LIST_ITEMS.filter((i) => i.list === 'centre_kpi');
  const zero = Object.fromEntries(KPI_MEASURES.map((m) => [m, 0])) as Record<KpiMeasure, number>;

  it('computes each indicator from its formula row, null when there is nothing to judge', () => {
    const kpis = computeKpis(
      { ...zero, clocks_stopped: 40, clocks_on_time: 37, cases_closed: 50, complaints_received: 2 },
      rows,
    );
    expect(kpis.map((k) => [k.code, k.value])).toEqual([
      ['on_time_rate', 92.5],
      ['evaluation_score', null],
      ['inspection_score', null],
      ['satisfaction', null],
      ['complaint_rate', 4],
      ['upheld_rate', null],
      ['defence_coverage', null],
    ]);
    expect(kpis[0]).toMatchObject({
      numerator: 37,
      denominator: 40,
      unit: '%',
      citation: 'OPN (十二); LAL art.43',
    });
  });

  it('a formula is data: a new version of a row changes the indicator, a malformed one is left out', () => {
    const perThousand = {
      ...rows.find((r) => r.code === 'complaint_rate')!,
      params: { numerator: 'complaints_received', denominator: 'cases_closed', scale: 1000, unit: '‰' },
    };
    const broken = {
      ...perThousand,
      code: 'broken',
      params: { numerator: 'nothing', denominator: 'cases_closed', scale: 1 },
    };
    const kpis = computeKpis({ ...zero, cases_closed: 50, complaints_received: 2 }, [perThousand, broken]);
    expect(kpis).toEqual([expect.objectContaining({ code: 'complaint_rate', value: 40, unit: '‰' })]);
  });
});
