import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_ASSIGNMENT_WEIGHTS,
  evaluateCandidate,
  MinCostFlow,
  planBatch,
  planGreedy,
  verifyPlan,
  type BatchPlan,
  type CaseNeeds,
  type HandlerProfile,
} from '../src/index.ts';
import {
  buildCase,
  buildHandler,
  deathPenaltyCase,
  instanceArb,
  NOW,
  RULES,
} from './assignment-factories.ts';

/**
 * The planners: the batch optimiser against the greedy baseline and against brute force on small
 * instances, and the properties that hold for any input (hard rules, capacity, determinism).
 */

const plan = (p: BatchPlan) => ({ count: p.assignments.length, cost: p.totalCost });

describe('planBatch against planGreedy', () => {
  it('assigns more cases when the first case in the queue would take the only handler the second can have', () => {
    // Case a (earlier) prefers x but can go to y; case b can only go to x (y is in conflict).
    const x = buildHandler({ id: 'x', capacity: 1, openCases: 0 });
    const y = buildHandler({
      id: 'y',
      capacity: 1,
      openCases: 0,
      districts: ['110101'],
      conflicts: { actedFor: ['rival'], firmActedFor: [], relations: [] },
    });
    const a = buildCase({ id: 'a', receivedAt: '2026-11-25T00:00:00.000Z' });
    const b = buildCase({ id: 'b', opposingParties: ['rival'] });
    const greedy = planGreedy([b, a], [x, y], RULES, { now: NOW });
    const batch = planBatch([b, a], [x, y], RULES, { now: NOW });
    expect(greedy.assignments.map((g) => [g.caseId, g.handlerId])).toEqual([['a', 'x']]);
    expect(batch.assignments.map((g) => [g.caseId, g.handlerId])).toEqual([
      ['a', 'y'],
      ['b', 'x'],
    ]);
    expect(verifyPlan(batch, [a, b], [x, y], RULES)).toEqual([]);
  });

  it('spreads a day’s cases: the second case on the same handler costs more load and rotation', () => {
    const handlers = [buildHandler({ id: 'p', openCases: 0 }), buildHandler({ id: 'q', openCases: 0 })];
    const cases = [buildCase({ id: 'a' }), buildCase({ id: 'b' })];
    const batch = planBatch(cases, handlers, RULES, { now: NOW });
    expect(new Set(batch.assignments.map((g) => g.handlerId))).toEqual(new Set(['p', 'q']));
  });

  it('rejects a case listed twice and a k below 1', () => {
    expect(() => planBatch([buildCase(), buildCase()], [buildHandler()], RULES, { now: NOW })).toThrow(
      /twice/,
    );
    expect(() => planBatch([buildCase()], [buildHandler()], RULES, { now: NOW, k: 0 })).toThrow(RangeError);
  });
});

/** The cost of the j-th new case of a handler, recomputed here from the documented formula. */
function slotCost(h: HandlerProfile, j: number, rotation0: number): number {
  const w = DEFAULT_ASSIGNMENT_WEIGHTS;
  const load = Math.min(1, (h.openCases + j) / h.capacity);
  return Math.round(100 * w.load * load) + Math.round(100 * w.rotation * (j === 0 ? rotation0 : 1));
}

/** Lexicographic optimum (most cases, then least cost) by trying every assignment. */
function bruteForce(cases: CaseNeeds[], handlers: HandlerProfile[]): { count: number; cost: number } {
  const evals = cases.map((c) => handlers.map((h) => evaluateCandidate(h, c, RULES, NOW)));
  const w = DEFAULT_ASSIGNMENT_WEIGHTS;
  const pair = (ci: number, hi: number) => {
    const parts = evals[ci]![hi]!.scoreParts;
    return (
      Math.round(100 * w.specialty * parts.specialty) +
      Math.round(100 * w.district * parts.district) +
      Math.round(100 * w.language * parts.language)
    );
  };
  let best = { count: 0, cost: 0 };
  const choice: number[] = [];
  const visit = (ci: number) => {
    if (ci === cases.length) {
      const used = handlers.map(() => 0);
      let cost = 0;
      let count = 0;
      choice.forEach((hi, i) => {
        if (hi < 0) return;
        const h = handlers[hi]!;
        cost += pair(i, hi) + slotCost(h, used[hi]!, evals[i]![hi]!.scoreParts.rotation);
        used[hi]!++;
        count++;
      });
      if (used.some((u, hi) => u > Math.max(0, handlers[hi]!.capacity - handlers[hi]!.openCases))) return;
      if (count > best.count || (count === best.count && cost < best.cost)) best = { count, cost };
      return;
    }
    for (let hi = -1; hi < handlers.length; hi++) {
      if (hi >= 0 && !evals[ci]![hi]!.eligible) continue;
      choice[ci] = hi;
      visit(ci + 1);
    }
  };
  visit(0);
  return best;
}

describe('planBatch against brute force', () => {
  it('finds the optimum on small instances (up to 5 cases, 4 handlers)', () => {
    fc.assert(
      fc.property(instanceArb(5, 4), ({ cases, handlers }) => {
        expect(plan(planBatch(cases, handlers, RULES, { now: NOW }))).toEqual(bruteForce(cases, handlers));
      }),
      { numRuns: 300 },
    );
  });
});

describe('properties of any plan', () => {
  const options = fc.record({ k: fc.integer({ min: 1, max: 6 }) });

  it('batch and greedy never break a hard rule or a capacity', () => {
    fc.assert(
      fc.property(instanceArb(14, 10), options, ({ cases, handlers }, { k }) => {
        expect(
          verifyPlan(planBatch(cases, handlers, RULES, { now: NOW, k }), cases, handlers, RULES),
        ).toEqual([]);
        expect(verifyPlan(planGreedy(cases, handlers, RULES, { now: NOW }), cases, handlers, RULES)).toEqual(
          [],
        );
      }),
      { numRuns: 200 },
    );
  });

  it('a life-or-death case only ever goes to a lawyer with ≥ 3 years of criminal practice', () => {
    fc.assert(
      fc.property(instanceArb(14, 10), options, ({ cases, handlers }, { k }) => {
        const lifeOrDeath = new Set(
          cases
            .filter(
              (c) =>
                c.possibleSentence === 'life_or_death' ||
                c.criminalGround === 'life_or_death_sentence' ||
                c.criminalGround === 'death_penalty_review',
            )
            .map((c) => c.id),
        );
        const byId = new Map(handlers.map((h) => [h.id, h]));
        for (const p of [
          planBatch(cases, handlers, RULES, { now: NOW, k }),
          planGreedy(cases, handlers, RULES, { now: NOW }),
        ])
          for (const a of p.assignments)
            if (lifeOrDeath.has(a.caseId)) {
              const h = byId.get(a.handlerId)!;
              const criminal = cases.find((c) => c.id === a.caseId)!.caseType === 'criminal';
              expect(['social_lawyer', 'public_lawyer', 'centre_lawyer']).toContain(h.kind);
              expect(criminal ? h.yearsOfCriminalPractice : h.yearsOfPractice).toBeGreaterThanOrEqual(3);
            }
      }),
      { numRuns: 200 },
    );
  });

  it('batch assigns at least as many cases as greedy, and for as many costs no more, whatever k', () => {
    fc.assert(
      fc.property(instanceArb(14, 10), options, ({ cases, handlers }, { k }) => {
        const batch = plan(planBatch(cases, handlers, RULES, { now: NOW, k }));
        const greedy = plan(planGreedy(cases, handlers, RULES, { now: NOW }));
        expect(batch.count).toBeGreaterThanOrEqual(greedy.count);
        if (batch.count === greedy.count) expect(batch.cost).toBeLessThanOrEqual(greedy.cost);
      }),
      { numRuns: 300 },
    );
  });

  it('k ≥ the number of cases gives the same optimum as no pruning', () => {
    fc.assert(
      fc.property(instanceArb(6, 10), ({ cases, handlers }) => {
        const pruned = planBatch(cases, handlers, RULES, { now: NOW, k: cases.length });
        expect(pruned.stats.exact).toBe(true);
        expect(plan(pruned)).toEqual(plan(planBatch(cases, handlers, RULES, { now: NOW, k: 1000 })));
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic, and does not depend on the order cases and handlers are given in', () => {
    fc.assert(
      fc.property(instanceArb(10, 8), fc.integer(), ({ cases, handlers }, seed) => {
        const shuffle = <T>(items: T[]) =>
          items
            .map((item, i) => ({ item, key: Math.imul(i + 1, seed | 1) ^ (seed >>> 3) }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        const first = planBatch(cases, handlers, RULES, { now: NOW, k: 3 });
        expect(planBatch(cases, handlers, RULES, { now: NOW, k: 3 })).toEqual(first);
        expect(planBatch(shuffle(cases), shuffle(handlers), RULES, { now: NOW, k: 3 })).toEqual(first);
        expect(planGreedy(shuffle(cases), shuffle(handlers), RULES, { now: NOW })).toEqual(
          planGreedy(cases, handlers, RULES, { now: NOW }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('every case is either assigned once or unassigned with reasons', () => {
    fc.assert(
      fc.property(instanceArb(10, 6), ({ cases, handlers }) => {
        const p = planBatch(cases, handlers, RULES, { now: NOW, k: 2 });
        const ids = [...p.assignments.map((a) => a.caseId), ...p.unassigned.map((u) => u.caseId)];
        expect(ids.sort()).toEqual(cases.map((c) => c.id).sort());
        for (const u of p.unassigned) expect(u.reasons.length).toBeGreaterThan(0);
        expect(p.totalCost).toBe(p.assignments.reduce((sum, a) => sum + a.cost, 0));
      }),
      { numRuns: 150 },
    );
  });
});

describe('verifyPlan', () => {
  it('reports a death-penalty case given to a 2-year lawyer, over capacity and twice', () => {
    const junior = buildHandler({ id: 'j', yearsOfCriminalPractice: 2, capacity: 1, openCases: 0 });
    const cases = [deathPenaltyCase({ id: 'd' }), buildCase({ id: 'e' })];
    const problems = verifyPlan(
      {
        assignments: [
          { caseId: 'd', handlerId: 'j', cost: 0 },
          { caseId: 'e', handlerId: 'j', cost: 0 },
          { caseId: 'e', handlerId: 'nobody', cost: 0 },
        ],
      },
      cases,
      [junior],
      RULES,
    );
    expect(problems).toEqual([
      'case d → j: QUALIFICATION_NOT_MET',
      'handler j over capacity (0 + 2 > 1)',
      'unknown case e or handler nobody',
    ]);
  });
});

describe('MinCostFlow', () => {
  it('takes the cheaper of two routes, then the other when one unit more is asked', () => {
    const flow = new MinCostFlow(4);
    const cheap = flow.addEdge(0, 1, 1, 1);
    flow.addEdge(1, 3, 1, 1);
    flow.addEdge(0, 2, 1, 5);
    flow.addEdge(2, 3, 1, 5);
    expect(flow.run(0, 3)).toMatchObject({ flow: 2, cost: 12 });
    expect(flow.flowOn(cheap)).toBe(1);
  });

  it('reroutes along a residual edge to raise the flow', () => {
    // s=0, a=1, b=2, x=3, y=4, t=5: a prefers x; b can only use x; the optimum sends a to y.
    const flow = new MinCostFlow(6);
    flow.addEdge(0, 1, 1, 0);
    flow.addEdge(0, 2, 1, 0);
    const ax = flow.addEdge(1, 3, 1, 0);
    const ay = flow.addEdge(1, 4, 1, 10);
    flow.addEdge(2, 3, 1, 0);
    flow.addEdge(3, 5, 1, 0);
    flow.addEdge(4, 5, 1, 0);
    expect(flow.run(0, 5)).toMatchObject({ flow: 2, cost: 10 });
    expect([flow.flowOn(ax), flow.flowOn(ay)]).toEqual([0, 1]);
  });

  it('refuses negative or fractional costs', () => {
    expect(() => new MinCostFlow(2).addEdge(0, 1, 1, -1)).toThrow(RangeError);
    expect(() => new MinCostFlow(2).addEdge(0, 1, 1, 0.5)).toThrow(RangeError);
  });
});
