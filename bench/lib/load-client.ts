/**
 * The load generator, run as a child process by `load.ts` so that the client never shares an
 * event loop with the server it measures. It receives one `LoadJob` over IPC, runs autocannon
 * (warm-up, then the measured phase) and sends back one `LoadReply`.
 *
 * autocannon's own latency histogram keeps whole milliseconds, too coarse for a route answering in
 * well under one; the measured phase also records every 2xx latency in microseconds here.
 */
import { createHistogram } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { LoadJob, LoadReply, PhaseResult } from './load.ts';

function runPhase(job: LoadJob, seconds: number, record: boolean): Promise<PhaseResult> {
  const latency = createHistogram({ lowest: 1, highest: 60_000_000, figures: 3 });
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        method: 'GET',
        headers: job.headers,
        connections: job.connections,
        duration: seconds,
        expectBody: job.expectBody,
        timeout: 10,
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const ms = (percentile: number) => latency.percentile(percentile) / 1000;
        const statusCodes: Record<string, number> = {};
        for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
          statusCodes[code] = stat.count ?? 0;
        resolve({
          seconds: result.duration,
          requests: result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'],
          ok2xx: result['2xx'],
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          mismatches: result.mismatches,
          statusCodes,
          rpsMean: result.requests.mean,
          rpsStddev: result.requests.stddev,
          latencyMs: record
            ? { p50: ms(50), p90: ms(90), p99: ms(99), max: latency.max / 1000, mean: latency.mean / 1000 }
            : null,
          autocannonLatencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
        });
      },
    );
    if (record)
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300)
          latency.record(Math.max(1, Math.round(responseTime * 1000)));
      });
  });
}

async function run(job: LoadJob): Promise<LoadReply> {
  try {
    const warmup = job.warmupSeconds > 0 ? await runPhase(job, job.warmupSeconds, false) : null;
    const measured = await runPhase(job, job.durationSeconds, true);
    return { ok: true, warmup, measured };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

process.once('message', (job: LoadJob) => {
  void run(job).then((reply) => process.send?.(reply, () => process.disconnect()));
});
