import {
  compareIds,
  compileCase,
  compileHandler,
  evaluateCompiled,
  pairCost,
  passesHardRules,
  policyOf,
  slotCost,
  type CompiledCase,
  type CompiledHandler,
  type Policy,
} from './evaluate.ts';
import { MinCostFlow } from './min-cost-flow.ts';
import type {
  AssignmentOptions,
  AssignmentReason,
  CaseNeeds,
  HandlerProfile,
  QualificationRule,
} from './types.ts';

/**
 * Planning a day's queue: `planBatch` (a global optimiser: most cases assigned, then least total
 * cost, by min-cost flow) and `planGreedy` (the baseline: each case in queue order takes its
 * cheapest eligible handler). Both use the same cost, so their totals compare:
 *
 *   total = Σ over assigned cases of pairCost(case, handler) + slotCost(handler, j)
 *
 * where pairCost holds specialty, district and language, and slotCost(handler, j) the load and
 * rotation parts of the handler's j-th new case in the plan (load counts the cases the plan has
 * already given; after one, rotation is at its maximum). slotCost never decreases in j, so the
 * flow's parallel handler→sink edges are used in order and a plan spreads work as the score does
 * for one case. Hard rules are never traded: an ineligible pair is no edge at all.
 */

export interface PlanOptions extends AssignmentOptions {
  /** ISO instant the plan is made at (rotation is measured from it). */
  now: string;
  /** planBatch keeps, for each case, its `k` cheapest eligible handlers (plus greedy's choice); default 30. */
  k?: number;
}

export interface PlannedAssignment {
  caseId: string;
  handlerId: string;
  cost: number;
}

export interface BatchPlan {
  /** In queue order (received time, then id). */
  assignments: PlannedAssignment[];
  unassigned: { caseId: string; reasons: AssignmentReason[] }[];
  totalCost: number;
  stats: {
    cases: number;
    handlers: number;
    /** Case–handler pairs that pass every hard rule. */
    eligiblePairs: number;
    /** Case–handler edges the optimiser searched (planBatch); equal to eligiblePairs for greedy. */
    edges: number;
    k: number | null;
    /** True when pruning to k cannot have changed the optimum (k ≥ cases, or no case had more than k). */
    exact: boolean;
  };
}

export const DEFAULT_PLAN_K = 30;

interface Prepared {
  policy: Policy;
  cases: CompiledCase[];
  handlers: CompiledHandler[];
  /** New cases each handler may still take. */
  remaining: Int32Array;
  /** slot[h][j]: load + rotation cost of the handler's j-th new case. */
  slot: Int32Array[];
  /** Per case: its eligible handlers (indices into `handlers`) and the pair costs. */
  eligible: { handler: Int32Array; cost: Int32Array }[];
  eligiblePairs: number;
}

const instant = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Infinity : ms;
};

/** Sorted copies (queue order; handlers by id), so the plan does not depend on the order given. */
function prepare(
  cases: readonly CaseNeeds[],
  handlers: readonly HandlerProfile[],
  rules: readonly QualificationRule[],
  options: PlanOptions,
): Prepared {
  const policy = policyOf(options.now, options);
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new RangeError(`case ${c.id} is listed twice`);
    seen.add(c.id);
  }
  const sortedCases = [...cases].sort(
    (a, b) => instant(a.receivedAt) - instant(b.receivedAt) || compareIds(a.id, b.id),
  );
  const compiledHandlers = [...handlers].sort((a, b) => compareIds(a.id, b.id)).map(compileHandler);
  const remaining = new Int32Array(compiledHandlers.length);
  const slot: Int32Array[] = [];
  const open: number[] = []; // handlers that can take anything at all
  compiledHandlers.forEach((h, i) => {
    const p = h.profile;
    const left = p.status === 'active' ? Math.max(0, Math.min(p.capacity - p.openCases, cases.length)) : 0;
    remaining[i] = left;
    slot.push(Int32Array.from({ length: left }, (_, j) => slotCost(h, j, policy)));
    if (left > 0) open.push(i);
  });
  const compiledCases = sortedCases.map((c) => compileCase(c, rules));
  let eligiblePairs = 0;
  const buffer = new Int32Array(compiledHandlers.length);
  const costs = new Int32Array(compiledHandlers.length);
  const eligible = compiledCases.map((c) => {
    let count = 0;
    for (const i of open) {
      const h = compiledHandlers[i] as CompiledHandler;
      if (!passesHardRules(h, c)) continue;
      buffer[count] = i;
      costs[count++] = pairCost(h, c, policy);
    }
    eligiblePairs += count;
    return { handler: buffer.slice(0, count), cost: costs.slice(0, count) };
  });
  return {
    policy,
    cases: compiledCases,
    handlers: compiledHandlers,
    remaining,
    slot,
    eligible,
    eligiblePairs,
  };
}

/** Greedy over prepared data: the handler index each case takes, or -1. */
function greedyChoices(prep: Prepared): Int32Array {
  const used = new Int32Array(prep.handlers.length);
  const choice = new Int32Array(prep.cases.length).fill(-1);
  prep.eligible.forEach(({ handler, cost }, ci) => {
    let best = -1;
    let bestCost = Infinity;
    for (let e = 0; e < handler.length; e++) {
      const h = handler[e] as number;
      const u = used[h] as number;
      if (u >= (prep.remaining[h] as number)) continue;
      const total = (cost[e] as number) + ((prep.slot[h] as Int32Array)[u] as number);
      if (total < bestCost) {
        bestCost = total; // handlers are in id order: the first of equal cost has the smallest id
        best = h;
      }
    }
    if (best >= 0) {
      used[best]!++;
      choice[ci] = best;
    }
  });
  return choice;
}

/** The baseline: each case, in queue order, takes its cheapest eligible handler with room left. */
export function planGreedy(
  cases: readonly CaseNeeds[],
  handlers: readonly HandlerProfile[],
  rules: readonly QualificationRule[],
  options: PlanOptions,
): BatchPlan {
  const prep = prepare(cases, handlers, rules, options);
  return planFrom(prep, greedyChoices(prep), { edges: prep.eligiblePairs, k: null, exact: true });
}

/**
 * The global optimiser: as many cases as possible, then the least total cost, by min-cost flow
 * source → case (1) → handler (pair cost) → sink (one edge per free slot, slot cost).
 *
 * Pruning: each case keeps its `k` cheapest eligible handlers by its own score, plus the handler
 * greedy would give it. Exact when k ≥ the number of cases: if a case were assigned outside its
 * k cheapest, at most cases−1 of those k hold another case of the plan, so one is free and taking
 * it costs no more (its score is ≤, and the case leaves a slot whose cost is ≥ the first). Below
 * that it is a heuristic bounded by the baseline: greedy's own plan is always a feasible flow, so
 * the batch assigns at least as many cases as greedy and, for as many, costs no more.
 */
export function planBatch(
  cases: readonly CaseNeeds[],
  handlers: readonly HandlerProfile[],
  rules: readonly QualificationRule[],
  options: PlanOptions,
): BatchPlan {
  const k = options.k ?? DEFAULT_PLAN_K;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number ≥ 1, got ${k}`);
  const prep = prepare(cases, handlers, rules, options);
  const greedy = greedyChoices(prep);
  const n = prep.cases.length;

  // Candidate edges: the k best by score (ties by id), and greedy's choice.
  const kept: Int32Array[] = [];
  let exact = true;
  for (let ci = 0; ci < n; ci++) {
    const { handler, cost } = prep.eligible[ci] as Prepared['eligible'][number];
    if (handler.length <= k) {
      kept.push(Int32Array.from(handler.keys()));
      continue;
    }
    if (k < n) exact = false;
    const keys = Float64Array.from(
      handler,
      (h, e) => ((cost[e] as number) + ((prep.slot[h] as Int32Array)[0] as number)) * 2 ** 23 + h,
    );
    const order = topK(keys, k);
    const g = greedy[ci] as number;
    if (g >= 0) {
      const e = handler.indexOf(g);
      if (!order.includes(e)) order.push(e);
    }
    kept.push(Int32Array.from(order));
  }

  // Nodes: 0 source, 1..n cases, then the handlers that appear on some edge, then the sink.
  const node = new Int32Array(prep.handlers.length).fill(-1);
  const indegree: number[] = [];
  const handlerOfNode: number[] = [];
  for (let ci = 0; ci < n; ci++)
    for (const e of kept[ci] as Int32Array) {
      const h = (prep.eligible[ci] as Prepared['eligible'][number]).handler[e] as number;
      if (node[h] === -1) {
        node[h] = handlerOfNode.length;
        handlerOfNode.push(h);
        indegree.push(0);
      }
      indegree[node[h] as number]!++;
    }
  const sink = 1 + n + handlerOfNode.length;
  const flow = new MinCostFlow(sink + 1);
  const edges: { ci: number; h: number; id: number; cost: number }[] = [];
  for (let ci = 0; ci < n; ci++) {
    flow.addEdge(0, 1 + ci, 1, 0);
    const { handler, cost } = prep.eligible[ci] as Prepared['eligible'][number];
    for (const e of kept[ci] as Int32Array) {
      const h = handler[e] as number;
      const c = cost[e] as number;
      edges.push({ ci, h, cost: c, id: flow.addEdge(1 + ci, 1 + n + (node[h] as number), 1, c) });
    }
  }
  handlerOfNode.forEach((h, j) => {
    const slots = prep.slot[h] as Int32Array;
    const count = Math.min(slots.length, indegree[j] as number);
    for (let s = 0; s < count; s++) flow.addEdge(1 + n + j, sink, 1, slots[s] as number);
  });
  flow.run(0, sink);

  const choice = new Int32Array(n).fill(-1);
  for (const edge of edges) if (flow.flowOn(edge.id) > 0) choice[edge.ci] = edge.h;
  return planFrom(prep, choice, { edges: edges.length, k, exact });
}

/** Indices of the k smallest keys, smallest first. */
function topK(keys: Float64Array, k: number): number[] {
  // A max-heap of the k best so far.
  const heap: number[] = [];
  const key = (i: number) => keys[heap[i] as number] as number;
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && key(l) > key(top)) top = l;
      if (r < heap.length && key(r) > key(top)) top = r;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top] as number, heap[i] as number];
      i = top;
    }
  };
  for (let e = 0; e < keys.length; e++) {
    if (heap.length < k) {
      heap.push(e);
      let i = heap.length - 1;
      while (i > 0 && key((i - 1) >> 1) < key(i)) {
        const p = (i - 1) >> 1;
        [heap[i], heap[p]] = [heap[p] as number, heap[i] as number];
        i = p;
      }
    } else if ((keys[e] as number) < key(0)) {
      heap[0] = e;
      down(0);
    }
  }
  return heap.sort((a, b) => (keys[a] as number) - (keys[b] as number));
}

/** A plan from each case's handler (or -1): costs by slot in queue order, reasons for the rest. */
function planFrom(
  prep: Prepared,
  choice: Int32Array,
  stats: Pick<BatchPlan['stats'], 'edges' | 'k' | 'exact'>,
): BatchPlan {
  const used = new Int32Array(prep.handlers.length);
  const assignments: PlannedAssignment[] = [];
  const unassigned: BatchPlan['unassigned'] = [];
  let totalCost = 0;
  prep.cases.forEach((c, ci) => {
    const h = choice[ci] as number;
    if (h < 0) {
      unassigned.push({ caseId: c.needs.id, reasons: whyUnassigned(prep, ci) });
      return;
    }
    const { handler, cost } = prep.eligible[ci] as Prepared['eligible'][number];
    const pair = cost[handler.indexOf(h)] as number;
    const j = used[h]!++;
    const total = pair + ((prep.slot[h] as Int32Array)[j] as number);
    totalCost += total;
    assignments.push({
      caseId: c.needs.id,
      handlerId: (prep.handlers[h] as CompiledHandler).profile.id,
      cost: total,
    });
  });
  return {
    assignments,
    unassigned,
    totalCost,
    stats: {
      cases: prep.cases.length,
      handlers: prep.handlers.length,
      eligiblePairs: prep.eligiblePairs,
      ...stats,
    },
  };
}

/** Either nobody is eligible (and what stops them, by count) or the eligible ones are all taken. */
function whyUnassigned(prep: Prepared, ci: number): AssignmentReason[] {
  const eligible = (prep.eligible[ci] as Prepared['eligible'][number]).handler.length;
  if (eligible > 0) return [{ code: 'ELIGIBLE_HANDLERS_TAKEN', blocking: true, params: { eligible } }];
  const c = prep.cases[ci] as CompiledCase;
  const blocking = new Map<string, { reason: AssignmentReason; handlers: number }>();
  for (const h of prep.handlers)
    for (const reason of evaluateCompiled(h, c, prep.policy).reasons) {
      if (!reason.blocking) continue;
      const key = `${reason.code}|${reason.citation ?? ''}|${reason.params?.rule ?? ''}`;
      const entry = blocking.get(key);
      if (entry) entry.handlers++;
      else blocking.set(key, { reason, handlers: 1 });
    }
  const summary = [...blocking.values()]
    .sort((a, b) => b.handlers - a.handlers || compareIds(a.reason.code, b.reason.code))
    .map(({ reason, handlers }): AssignmentReason => {
      const params: Record<string, string | number> = { handlers };
      if (reason.params?.rule !== undefined) params.rule = reason.params.rule;
      return reason.citation === undefined
        ? { code: reason.code, blocking: true, params }
        : { code: reason.code, blocking: true, citation: reason.citation, params };
    });
  return [
    { code: 'NO_ELIGIBLE_HANDLER', blocking: true, params: { handlers: prep.handlers.length } },
    ...summary,
  ];
}

/**
 * An independent check of a plan against the hard rules: every assigned pair passes them, no
 * handler is given more than their room, no case twice, no unknown id. Empty when the plan is sound.
 */
export function verifyPlan(
  plan: Pick<BatchPlan, 'assignments'>,
  cases: readonly CaseNeeds[],
  handlers: readonly HandlerProfile[],
  rules: readonly QualificationRule[],
): string[] {
  const problems: string[] = [];
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const handlerById = new Map(handlers.map((h) => [h.id, h]));
  const given = new Map<string, number>();
  const seen = new Set<string>();
  for (const { caseId, handlerId } of plan.assignments) {
    const needs = caseById.get(caseId);
    const profile = handlerById.get(handlerId);
    if (!needs || !profile) {
      problems.push(`unknown case ${caseId} or handler ${handlerId}`);
      continue;
    }
    if (seen.has(caseId)) problems.push(`case ${caseId} assigned twice`);
    seen.add(caseId);
    const count = (given.get(handlerId) ?? 0) + 1;
    given.set(handlerId, count);
    if (profile.openCases + count > profile.capacity)
      problems.push(
        `handler ${handlerId} over capacity (${profile.openCases} + ${count} > ${profile.capacity})`,
      );
    const reasons: AssignmentReason[] = [];
    if (!passesHardRules(compileHandler(profile), compileCase(needs, rules), reasons))
      problems.push(
        `case ${caseId} → ${handlerId}: ${reasons
          .filter((r) => r.blocking)
          .map((r) => r.code)
          .join(', ')}`,
      );
  }
  return problems;
}
