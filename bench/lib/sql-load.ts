/**
 * The database baselines: `connections` closed loops, each on its own `pg` connection, issuing one
 * statement after another for a warm-up and a measured phase, with every latency recorded in
 * microseconds. It runs in the benchmark's own process (a `pg` client costs a few µs per
 * statement, and there is no HTTP server to share the event loop with during the baseline).
 */
import { createHistogram, performance } from 'node:perf_hooks';
import pg from 'pg';
import type { LatencyMs } from './load.ts';
import { onCleanup } from './cleanup.ts';

export interface SqlStatement {
  text: string;
  values: unknown[];
}

export interface SqlJob {
  url: string;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** The statement to send next; `sequence` counts every statement of the job, across both phases. */
  statement: (sequence: number) => SqlStatement;
  /** A result it does not accept counts as an error (e.g. an INSERT that inserted nothing). */
  accept?: (result: pg.QueryResult) => boolean;
}

export interface SqlPhase {
  seconds: number;
  statements: number;
  errors: number;
  firstError: string | null;
  /** Statements completed per second of the phase. */
  perSecond: number;
  latencyMs: LatencyMs | null;
}

export async function runSqlLoad(job: SqlJob): Promise<{ warmup: SqlPhase | null; measured: SqlPhase }> {
  const pool = new pg.Pool({
    connectionString: job.url,
    max: job.connections,
    application_name: 'fayuan-bench-baseline',
  });
  pool.on('error', () => undefined);
  let ended = false;
  // Set by an interrupt: the loops stop after their statement in flight, so the pool can close.
  let stopping = false;
  let running: Promise<unknown> = Promise.resolve();
  const end = async () => {
    stopping = true;
    await running.catch(() => undefined);
    if (ended) return;
    ended = true;
    await pool.end();
  };
  onCleanup('close the baseline pool', end);
  const clients = await Promise.all(Array.from({ length: job.connections }, () => pool.connect()));
  // A checked-out client reports a lost server on itself, not on the pool.
  for (const client of clients) client.on('error', () => undefined);
  let sequence = 0;
  const phase = async (seconds: number, record: boolean): Promise<SqlPhase> => {
    const latency = createHistogram({ lowest: 1, highest: 60_000_000, figures: 3 });
    let statements = 0;
    let errors = 0;
    let firstError: string | null = null;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    running = Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline && !stopping) {
          const { text, values } = job.statement(sequence++);
          const begun = performance.now();
          try {
            const result = await client.query(text, values);
            if (job.accept && !job.accept(result))
              throw new Error(`unexpected result: ${result.rowCount} rows`);
            statements += 1;
            if (record) latency.record(Math.max(1, Math.round((performance.now() - begun) * 1000)));
          } catch (error) {
            errors += 1;
            firstError ??= error instanceof Error ? error.message : String(error);
          }
        }
      }),
    );
    await running;
    const elapsed = (performance.now() - started) / 1000;
    const ms = (percentile: number) => latency.percentile(percentile) / 1000;
    return {
      seconds: elapsed,
      statements,
      errors,
      firstError,
      perSecond: statements / elapsed,
      latencyMs: record
        ? {
            p50: ms(50),
            p90: ms(90),
            p95: ms(95),
            p99: ms(99),
            max: latency.max / 1000,
            mean: latency.mean / 1000,
          }
        : null,
    };
  };
  try {
    const warmup = job.warmupSeconds > 0 ? await phase(job.warmupSeconds, false) : null;
    const measured = await phase(job.durationSeconds, true);
    return { warmup, measured };
  } finally {
    for (const client of clients) client.release();
    ended = true;
    await pool.end();
  }
}
