/**
 * The load generator, run as a child process by `load.ts` so that the client never shares an
 * event loop with the server it measures. It receives one `LoadJob` over IPC, runs autocannon
 * (warm-up, then the measured phase) and sends back one `LoadReply`.
 *
 * autocannon's own latency histogram keeps whole milliseconds, too coarse for a route answering in
 * well under one; the measured phase also records every 2xx latency in microseconds here.
 *
 * A job with `bodies` (each POSTed once) runs on `runPostPhase` instead: autocannon drops the
 * requests in flight when a phase ends, and a write benchmark must account for every request the
 * server handled.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createHistogram, performance, type RecordableHistogram } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { signRequest } from '../../packages/server/src/platform/partner-signing/partner-signing.ts';
import type { LatencyMs, LoadJob, LoadReply, PhaseResult } from './load.ts';

function latencyOf(latency: RecordableHistogram): LatencyMs {
  const ms = (percentile: number) => latency.percentile(percentile) / 1000;
  return {
    p50: ms(50),
    p90: ms(90),
    p95: ms(95),
    p99: ms(99),
    max: latency.max / 1000,
    mean: latency.mean / 1000,
  };
}

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
          latencyMs: record ? latencyOf(latency) : null,
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

/** The bodies still to send, shared by the connections and by both phases. */
let nextBody = 0;

/**
 * `connections` closed loops, each on its own keep-alive socket: send the next body, wait for the
 * whole answer, repeat until the phase's time is up; the request in flight then still completes.
 */
async function runPostPhase(job: LoadJob, seconds: number, record: boolean): Promise<PhaseResult> {
  const bodies = job.bodies ?? [];
  const latency = createHistogram({ lowest: 1, highest: 60_000_000, figures: 3 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const statusCodes: Record<string, number> = {};
  let ok2xx = 0;
  let non2xx = 0;
  let errors = 0;
  let sent = 0;
  let exhausted = false;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const url = new URL(job.url);
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const headers: Record<string, string | number> = {
        ...job.headers,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      };
      if (job.idempotencyKeys) headers['idempotency-key'] = randomUUID();
      if (job.partnerSigning)
        Object.assign(
          headers,
          signRequest({
            ...job.partnerSigning,
            method: 'POST',
            pathWithQuery: url.pathname + url.search,
            body,
          }),
        );
      const request = http.request(url, { method: 'POST', agent, headers, timeout: 10_000 }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', reject);
      request.end(body);
    });
  const loop = async () => {
    while (performance.now() < deadline) {
      const body = bodies[nextBody];
      if (body === undefined) {
        exhausted = true;
        return;
      }
      nextBody += 1;
      sent += 1;
      const begun = performance.now();
      try {
        const status = await post(body);
        statusCodes[status] = (statusCodes[status] ?? 0) + 1;
        if (status >= 200 && status < 300) {
          ok2xx += 1;
          if (record) latency.record(Math.max(1, Math.round((performance.now() - begun) * 1000)));
        } else non2xx += 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: job.connections }, loop));
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  return {
    seconds: elapsed,
    requests: ok2xx + non2xx,
    ok2xx,
    non2xx,
    errors,
    timeouts: 0,
    mismatches: 0,
    statusCodes,
    rpsMean: ok2xx / elapsed,
    rpsStddev: 0,
    latencyMs: record ? latencyOf(latency) : null,
    autocannonLatencyMs: null,
    sent,
    exhausted,
  };
}

async function run(job: LoadJob): Promise<LoadReply> {
  const phase = job.bodies ? runPostPhase : runPhase;
  try {
    const warmup = job.warmupSeconds > 0 ? await phase(job, job.warmupSeconds, false) : null;
    const measured = await phase(job, job.durationSeconds, true);
    return { ok: true, warmup, measured };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

process.once('message', (job: LoadJob) => {
  void run(job).then((reply) => process.send?.(reply, () => process.disconnect()));
});
