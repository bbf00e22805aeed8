import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  evaluateScoreSheet,
  HEARING_OBSERVATION_STATUSES,
  hearingObservationStep,
  LIST_ITEMS,
  scoreSheet,
  scoreSheetTotal,
  summariseHandlerQuality,
  type ListItemRule,
} from '../src/index.ts';

const rows = LIST_ITEMS.filter((i) => i.list === 'hearing_observation_item');
const sheet = scoreSheet(rows);
const allFull = Object.fromEntries(sheet.map((i) => [i.code, i.maxScore]));

describe('hearing observation (庭审旁听)', () => {
  it('ships a SAMPLE score sheet whose weights make 100, each item cited', () => {
    expect(sheet.map((i) => i.code)).toEqual([
      'preparation',
      'courtroom_conduct',
      'evidence',
      'questioning',
      'argument',
      'application_of_law',
      'client_rights',
    ]);
    expect(sheet.reduce((sum, i) => sum + i.weight, 0)).toBe(100);
    for (const i of sheet) expect(i.citation).toContain('SF/T 0032-2023 11.3');
  });

  it('weighs each item’s share of its maximum: full marks 100, nothing 0', () => {
    const full = evaluateScoreSheet(allFull, sheet);
    expect(full).toMatchObject({ ok: true, total: 100 });
    if (full.ok) expect(full.items.map((i) => i.ruleId)).toEqual(sheet.map((i) => i.ruleId));
    const zero = Object.fromEntries(sheet.map((i) => [i.code, 0]));
    expect(evaluateScoreSheet(zero, sheet)).toMatchObject({ ok: true, total: 0 });
    // Evidence (weight 20) at 3 of 5, the rest full: 100 − 20 × 2/5 = 92.
    expect(evaluateScoreSheet({ ...allFull, evidence: 3 }, sheet)).toMatchObject({ ok: true, total: 92 });
    // Rounded to a whole number: 1 of 3 is 33.3….
    expect(scoreSheetTotal([{ weight: 1, maxScore: 3, score: 1 }])).toBe(33);
  });

  it('names the first item wrong: unknown, missing, out of range or not whole', () => {
    expect(evaluateScoreSheet({ ...allFull, charm: 5 }, sheet)).toEqual({
      ok: false,
      problem: { code: 'OBSERVATION_ITEM_UNKNOWN', item: 'charm' },
    });
    const { evidence: _evidence, ...missing } = allFull;
    expect(evaluateScoreSheet(missing, sheet)).toEqual({
      ok: false,
      problem: { code: 'OBSERVATION_SCORE_MISSING', item: 'evidence' },
    });
    for (const bad of [6, -1, 2.5])
      expect(evaluateScoreSheet({ ...allFull, questioning: bad }, sheet)).toEqual({
        ok: false,
        problem: { code: 'OBSERVATION_SCORE_INVALID', item: 'questioning' },
      });
    expect(evaluateScoreSheet({}, [])).toEqual({ ok: false, problem: { code: 'OBSERVATION_SHEET_EMPTY' } });
  });

  it('leaves out a malformed row rather than score nonsense', () => {
    const broken: ListItemRule = { ...rows[0]!, code: 'broken', params: { weight: 0, maxScore: 5 } };
    expect(scoreSheet([...rows, broken]).map((i) => i.code)).not.toContain('broken');
  });

  it('always totals between 0 and 100', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ weight: fc.integer({ min: 1, max: 50 }), maxScore: fc.integer({ min: 1, max: 10 }) }),
          { minLength: 1, maxLength: 10 },
        ),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }),
        (items, shares) => {
          const scored = items.map((i, n) => ({ ...i, score: Math.round((shares[n] ?? 0) * i.maxScore) }));
          const total = scoreSheetTotal(scored);
          return Number.isInteger(total) && total >= 0 && total <= 100;
        },
      ),
    );
  });

  it('moves scheduled → observed → replied → closed, or is cancelled before the hearing is scored', () => {
    expect(hearingObservationStep('scheduled', 'record')).toBe('observed');
    expect(hearingObservationStep('observed', 'reply')).toBe('replied');
    expect(hearingObservationStep('replied', 'close')).toBe('closed');
    expect(hearingObservationStep('observed', 'close')).toBe('closed');
    expect(hearingObservationStep('scheduled', 'cancel')).toBe('cancelled');
    for (const status of ['closed', 'cancelled'] as const)
      for (const step of ['record', 'reply', 'close', 'cancel'] as const)
        expect(hearingObservationStep(status, step)).toBeNull();
    expect(hearingObservationStep('scheduled', 'reply')).toBeNull();
    expect(hearingObservationStep('observed', 'cancel')).toBeNull();
    expect(HEARING_OBSERVATION_STATUSES).toHaveLength(5);
  });

  it('counts on the handler’s record beside the inspections', () => {
    const summary = summariseHandlerQuality(
      {
        evaluations: [],
        inspections: [],
        complaints: [],
        ratings: [],
        observations: [
          { score: 80, at: '2026-11-02T02:00:00Z' },
          { score: 91, at: '2026-11-20T02:00:00Z' },
        ],
      },
      [],
      '2026-12-01T00:00:00Z',
    );
    expect(summary).toMatchObject({ observationScore: 85.5, observations: 2 });
  });
});
