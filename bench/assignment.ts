/**
 * assignment: batch assignment of a day's queue — 1 000 cases over 6 000 handlers (Beijing has
 * about 5 900 legal aid lawyers) — by the global optimiser `planBatch` (min-cost flow over each
 * case's k cheapest eligible handlers) against the greedy baseline `planGreedy` (each case in
 * queue order takes its cheapest eligible handler), same data, same process, alternating runs;
 * then the same queue over a scarce pool of 400, where the optimiser assigns cases greedy cannot.
 * Pure: no database, no server. Fails when either plan breaks a hard rule or a capacity, when the
 * batch assigns fewer cases than greedy (or as many at a higher cost), or when runs disagree.
 */
import os from 'node:os';
import {
  caseTraits,
  planBatch,
  planGreedy,
  verifyPlan,
  type BatchPlan,
  type CaseNeeds,
  type HandlerProfile,
} from '@fayuan/domain';
import { assignmentData } from './lib/assignment-data.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { formatTable } from './lib/report.ts';

function setting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function timed<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
};

/** Independent of the engine: life-or-death cases only with lawyers of ≥ 3 years' criminal practice. */
function lifeOrDeathProblems(plan: BatchPlan, cases: CaseNeeds[], handlers: HandlerProfile[]): string[] {
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const handlerById = new Map(handlers.map((h) => [h.id, h]));
  return plan.assignments.flatMap(({ caseId, handlerId }) => {
    const needs = caseById.get(caseId) as CaseNeeds;
    const h = handlerById.get(handlerId) as HandlerProfile;
    const lawyer = ['social_lawyer', 'public_lawyer', 'centre_lawyer'].includes(h.kind);
    return caseTraits(needs).has('life_or_death') && !(lawyer && h.yearsOfCriminalPractice >= 3)
      ? [`${caseId} (life or death) → ${handlerId} (${h.kind}, ${h.yearsOfCriminalPractice} y criminal)`]
      : [];
  });
}

interface Scenario {
  title: string;
  handlers: number;
  cases: number;
}

/** One queue planned both ways; returns the report lines and every problem found. */
function runScenario(
  scenario: Scenario,
  k: number,
  runs: number,
  log: (message: string) => void,
): { out: string[]; problems: string[] } {
  const { handlers: handlerCount, cases: caseCount } = scenario;
  const loadBefore = os.loadavg()[0] ?? 0;

  const { result: data, ms: dataMs } = timed(() =>
    assignmentData({ handlers: handlerCount, cases: caseCount }),
  );
  const { handlers, cases, rules, now } = data;
  log(`data: ${handlers.length} handlers, ${cases.length} cases in ${dataMs.toFixed(0)} ms`);

  const greedyMs: number[] = [];
  const batchMs: number[] = [];
  let greedy: BatchPlan | undefined;
  let batch: BatchPlan | undefined;
  for (let i = 0; i < runs; i++) {
    const g = timed(() => planGreedy(cases, handlers, rules, { now }));
    const b = timed(() => planBatch(cases, handlers, rules, { now, k }));
    log(`run ${i + 1}/${runs}: greedy ${g.ms.toFixed(0)} ms, batch ${b.ms.toFixed(0)} ms`);
    greedyMs.push(g.ms);
    batchMs.push(b.ms);
    if (greedy && (g.result.totalCost !== greedy.totalCost || b.result.totalCost !== batch?.totalCost))
      throw new Error('two runs on the same input gave different plans');
    greedy = g.result;
    batch = b.result;
  }
  if (!greedy || !batch) throw new Error('no run');
  const reference = timed(() => planBatch(cases, handlers, rules, { now, k: k * 4 }));
  log(`reference: batch with k = ${k * 4} in ${reference.ms.toFixed(0)} ms`);

  const traits = cases.map(caseTraits);
  const lifeOrDeath = new Set(cases.filter((_, i) => traits[i]?.has('life_or_death')).map((c) => c.id));
  const lifeOrDeathAssigned = (plan: BatchPlan) =>
    plan.assignments.filter((a) => lifeOrDeath.has(a.caseId)).length;
  const active = handlers.filter((h) => h.status === 'active');
  const free = active.reduce((sum, h) => sum + Math.max(0, h.capacity - h.openCases), 0);
  const row = (label: string, plan: BatchPlan, ms: number[] | number) => [
    label,
    Array.isArray(ms) ? `${median(ms).toFixed(0)} (min ${Math.min(...ms).toFixed(0)})` : ms.toFixed(0),
    String(plan.assignments.length),
    String(plan.unassigned.length),
    plan.totalCost.toLocaleString('en-US'),
    plan.assignments.length > 0 ? (plan.totalCost / plan.assignments.length).toFixed(1) : '–',
    plan.stats.edges.toLocaleString('en-US'),
    String(new Set(plan.assignments.map((a) => a.handlerId)).size),
  ];
  const cpus = os.cpus();
  const out = [
    '',
    `assignment (${scenario.title}): planBatch (min-cost flow, k = ${k}) vs planGreedy (queue order), same data, same process`,
    `  date      ${new Date().toISOString()}`,
    `  machine   ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ` +
      `1-minute load average ${loadBefore.toFixed(2)} before, ${(os.loadavg()[0] ?? 0).toFixed(2)} after`,
    `  handlers  ${handlers.length}: ${active.length} active, ${free} free slots; ` +
      `${handlers.filter((h) => h.yearsOfCriminalPractice >= 3).length} with ≥ 3 years of criminal practice, ` +
      `${handlers.filter((h) => h.familiarWithMinors).length} familiar with minors, ` +
      `${handlers.filter((h) => h.teams.includes('appeals')).length} in the appeals team`,
    `  cases     ${cases.length}: ${cases.filter((c) => c.caseType === 'criminal').length} criminal ` +
      `(${traits.filter((t) => t.has('life_or_death')).length} life or death), ` +
      `${traits.filter((t) => t.has('minor')).length} minors', ${traits.filter((t) => t.has('appeal')).length} appeals, ` +
      `${cases.filter((c) => c.teamRequired).length} team-only; ${batch.stats.eligiblePairs.toLocaleString('en-US')} eligible pairs`,
    `  runs      ${runs} alternating (greedy, batch); time = median (min) of the runs, in ms, data generation excluded`,
    '',
    ...formatTable(
      ['plan', 'ms', 'assigned', 'unassigned', 'total cost', 'cost/case', 'edges', 'handlers used'],
      [
        row('greedy', greedy, greedyMs),
        row(`batch k=${k}`, batch, batchMs),
        row(`batch k=${k * 4}`, reference.result, reference.ms),
      ],
    ),
    '',
    `  batch / greedy total cost ${(batch.totalCost / greedy.totalCost).toFixed(3)}; ` +
      `k=${k * 4} / k=${k} ${(reference.result.totalCost / batch.totalCost).toFixed(4)}`,
  ];

  const problems = [
    ...verifyPlan(greedy, cases, handlers, rules).map((p) => `greedy: ${p}`),
    ...verifyPlan(batch, cases, handlers, rules).map((p) => `batch: ${p}`),
    ...verifyPlan(reference.result, cases, handlers, rules).map((p) => `batch k=${k * 4}: ${p}`),
    ...[greedy, batch, reference.result].flatMap((p) => lifeOrDeathProblems(p, cases, handlers)),
  ];
  if (batch.assignments.length < greedy.assignments.length)
    problems.push('batch assigned fewer cases than greedy');
  if (batch.assignments.length === greedy.assignments.length && batch.totalCost > greedy.totalCost)
    problems.push('batch cost more than greedy for as many cases');
  out.push(
    `  batch assigned ${batch.assignments.length - greedy.assignments.length} more cases than greedy; ` +
      `life-or-death cases assigned: greedy ${lifeOrDeathAssigned(greedy)}, batch ${lifeOrDeathAssigned(batch)} ` +
      `of ${traits.filter((t) => t.has('life_or_death')).length}`,
    `  checks    hard rules and capacities (verifyPlan) and life-or-death qualification: ${problems.length === 0 ? 'none broken' : `${problems.length} problems`}`,
    '',
  );
  return { out, problems };
}

async function run(log: (message: string) => void): Promise<void> {
  const k = setting('BENCH_ASSIGN_K', 30, 1, 100_000);
  const runs = setting('BENCH_ASSIGN_RUNS', 3, 1, 50);
  const cases = setting('BENCH_ASSIGN_CASES', 1000, 1, 20_000);
  // The city's pool on an ordinary day, then a scarce one: the same queue over a pool too small
  // for it (a district at the year's end, most lawyers near capacity), where the order cases are
  // taken in decides how many get a handler at all.
  const scenarios: Scenario[] = [
    { title: 'city pool', handlers: setting('BENCH_ASSIGN_HANDLERS', 6000, 10, 100_000), cases },
    { title: 'scarce pool', handlers: setting('BENCH_ASSIGN_SCARCE_HANDLERS', 400, 10, 100_000), cases },
  ];
  const problems: string[] = [];
  for (const scenario of scenarios) {
    const result = runScenario(scenario, k, runs, log);
    process.stdout.write(result.out.join('\n') + '\n');
    problems.push(...result.problems.map((p) => `${scenario.title}: ${p}`));
  }
  if (problems.length > 0)
    throw new Error(`the plans are not valid:\n  ${problems.slice(0, 20).join('\n  ')}`);
}

export const assignment: Benchmark = {
  name: 'assignment',
  summary:
    'batch assignment of 1 000 cases over 6 000 handlers, then over a scarce 400: min-cost flow vs greedy',
  timeLimitSeconds: () => 90 + 45 * setting('BENCH_ASSIGN_RUNS', 3, 1, 50),
  run,
};
