import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * Random sampling of closed cases for inspection (抽查: 案卷检查, 庭审旁听, 回访 — the measures of
 * LAL art.59), reproducible from a seed so that anyone holding the population, the plan and the
 * seed can redraw the sample and see that it was not chosen by hand. The server makes the seed
 * and records it with the draw; nothing here reads a clock or a random source.
 *
 * How a draw is made (SAMPLING_METHOD names this version; a change is a new name):
 * 1. The population is sorted by id (UTF-16 code-unit order, no locale), so its input order
 *    does not matter. Ids must be unique.
 * 2. It is split into strata by handler, firm (cases without a firm form one stratum, key null)
 *    or case type. Strata are ordered by key (null first, then code-unit order).
 * 3. Each stratum is shuffled on its own generator: pure-rand's xoroshiro128plus seeded with
 *    `seedHash(seed + "\u001f" + key)` (key `""` for null), Fisher–Yates from the last position
 *    down with pure-rand's unbiased `uniformInt`. A stratum's draw therefore depends only on its
 *    own cases and the seed: a case added to another stratum changes nothing here.
 * 4. A stratum of n cases is due `ceil(perMille × n / 1000)` cases, and at least
 *    `min(minimumPerStratum, n)`; it takes them from the front of its shuffled order.
 * 5. `maximumTotal` caps the sum, max–min fair (water-filling): each stratum keeps
 *    `min(due, L)` with L the largest level whose sum fits the cap, so every stratum keeps a case
 *    before any keeps a second; the places left over (fewer than the strata still wanting one)
 *    go one each to those strata in an order shuffled by `seedHash(seed + "\u001f#cap")`.
 *    A capped draw is a subset of the uncapped one (each stratum keeps a prefix of its order).
 * 6. `drawn` lists the ids round by round: the first draw of every stratum in stratum order,
 *    then the second, and so on — so any prefix of the list is itself spread over the strata.
 */
export const SAMPLING_METHOD = 'fnv1a32-xoroshiro128plus-fisher-yates/v1';

export const STRATIFY_BY = ['handler', 'firm', 'case_type'] as const;
export type StratifyBy = (typeof STRATIFY_BY)[number];

/**
 * How many to draw. The share is in per-mille (整数千分比: 50 = 5 %) so that no float decides
 * whether a case is drawn. Sample values are the centre's to set: no law fixes a share.
 */
export interface SamplingPlan {
  /** Share of each stratum to draw, 0–1000. */
  perMille: number;
  /** Cases drawn from every stratum at least (all of it when it is smaller). */
  minimumPerStratum: number;
  /** The most cases drawn in all; none: no cap. */
  maximumTotal?: number;
  stratifyBy: StratifyBy;
}

/** A closed case as the draw sees it. */
export interface SamplingCase {
  id: string;
  handlerId: string;
  firmId: string | null;
  caseType: string;
}

export interface StratumDraw {
  /** The handler's, firm's or case type's id; null: cases handled outside any firm. */
  key: string | null;
  population: number;
  /** What the share and minimum ask for, before the cap. */
  due: number;
  drawn: number;
}

export interface SampleDraw {
  /** Case ids in draw order (round by round over the strata). */
  drawn: string[];
  strata: StratumDraw[];
  method: typeof SAMPLING_METHOD;
}

/**
 * The 32-bit FNV-1a hash (offset basis 0x811c9dc5, prime 0x01000193) of the string's UTF-8
 * bytes, as a signed 32-bit integer: the seed of the generator. Published so that another
 * implementation can redraw a sample.
 */
export function seedHash(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8(text)) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash | 0;
}

function* utf8(text: string): Generator<number> {
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (cp < 0x80) yield cp;
    else if (cp < 0x800) yield* [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
    else if (cp < 0x10000) yield* [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
    else
      yield* [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  }
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SEPARATOR = '\u001f';

/** A seeded Fisher–Yates shuffle of a copy of `items`. */
function shuffled<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const rng = xoroshiro128plus(seedHash(seed));
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = uniformInt(rng, 0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** The plan's problem, if it has one (the server answers 400 with it). */
export function samplingPlanProblem(plan: SamplingPlan): string | undefined {
  if (!isCount(plan.perMille) || plan.perMille > 1000) return 'perMille must be a whole number 0–1000';
  if (!isCount(plan.minimumPerStratum)) return 'minimumPerStratum must be a whole number ≥ 0';
  if (plan.maximumTotal !== undefined && !isCount(plan.maximumTotal))
    return 'maximumTotal must be a whole number ≥ 0';
  if (!STRATIFY_BY.includes(plan.stratifyBy)) return 'stratifyBy must be handler, firm or case_type';
  return undefined;
}

/** Cases due from a stratum of `size`: ceil(perMille × size / 1000), at least min(minimum, size). */
export function dueFromStratum(
  size: number,
  plan: Pick<SamplingPlan, 'perMille' | 'minimumPerStratum'>,
): number {
  const share = Math.floor((plan.perMille * size + 999) / 1000);
  return Math.min(size, Math.max(share, Math.min(plan.minimumPerStratum, size)));
}

/** Max–min fair shares of `cap` over the strata's dues (step 5 of the method). */
function capped(dues: readonly number[], cap: number, seed: string): number[] {
  const total = dues.reduce((a, b) => a + b, 0);
  if (total <= cap) return [...dues];
  // The largest level L with Σ min(due, L) ≤ cap; L < max(due) since the total exceeds the cap.
  let level = 0;
  while (dues.reduce((sum, d) => sum + Math.min(d, level + 1), 0) <= cap) level += 1;
  const kept = dues.map((d) => Math.min(d, level));
  let left = cap - kept.reduce((a, b) => a + b, 0);
  const wanting = dues.map((d, i) => (d > level ? i : -1)).filter((i) => i >= 0);
  for (const i of shuffled(wanting, `${seed}${SEPARATOR}#cap`)) {
    if (left === 0) break;
    kept[i] = (kept[i] as number) + 1;
    left -= 1;
  }
  return kept;
}

const keyOf = (c: SamplingCase, by: StratifyBy): string | null =>
  by === 'handler' ? c.handlerId : by === 'firm' ? c.firmId : c.caseType;

/**
 * Draws the sample of `population` under `plan` from `seed` (see the method above). The same
 * population in any order, plan and seed always give the same draw.
 */
export function drawSample(
  population: readonly SamplingCase[],
  plan: SamplingPlan,
  seed: string,
): SampleDraw {
  const problem = samplingPlanProblem(plan);
  if (problem) throw new RangeError(problem);
  const sorted = [...population].sort((a, b) => byCodeUnits(a.id, b.id));
  for (let i = 1; i < sorted.length; i += 1)
    if (sorted[i]?.id === sorted[i - 1]?.id) throw new RangeError(`duplicate case id ${sorted[i]?.id}`);

  const groups = new Map<string | null, string[]>();
  for (const c of sorted) {
    const key = keyOf(c, plan.stratifyBy);
    const ids = groups.get(key);
    if (ids) ids.push(c.id);
    else groups.set(key, [c.id]);
  }
  const keys = [...groups.keys()].sort((a, b) =>
    a === null ? (b === null ? 0 : -1) : b === null ? 1 : byCodeUnits(a, b),
  );
  const orders = keys.map((key) => shuffled(groups.get(key) ?? [], `${seed}${SEPARATOR}${key ?? ''}`));
  const dues = orders.map((ids) => dueFromStratum(ids.length, plan));
  const quotas = plan.maximumTotal === undefined ? dues : capped(dues, plan.maximumTotal, seed);

  const drawn: string[] = [];
  const rounds = Math.max(0, ...quotas);
  for (let round = 0; round < rounds; round += 1)
    orders.forEach((ids, s) => {
      if (round < (quotas[s] as number)) drawn.push(ids[round] as string);
    });
  return {
    drawn,
    strata: keys.map((key, s) => ({
      key,
      population: orders[s]?.length ?? 0,
      due: dues[s] as number,
      drawn: quotas[s] as number,
    })),
    method: SAMPLING_METHOD,
  };
}
