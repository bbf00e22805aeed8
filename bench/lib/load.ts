import { fork } from 'node:child_process';
import { onCleanup, onExit } from './cleanup.ts';

/** The knobs every HTTP load benchmark reads from the environment. */
export interface LoadSettings {
  /** Seconds of measured load per target (BENCH_DURATION, default 10). */
  durationSeconds: number;
  /** Seconds of load before measuring, thrown away (BENCH_WARMUP, default 2). */
  warmupSeconds: number;
  /** Concurrent keep-alive connections (BENCH_CONNECTIONS, default 10). */
  connections: number;
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): LoadSettings {
  return {
    durationSeconds: whole(env, 'BENCH_DURATION', 10, 1, 600),
    warmupSeconds: whole(env, 'BENCH_WARMUP', 2, 0, 60),
    connections: whole(env, 'BENCH_CONNECTIONS', 10, 1, 1000),
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Every response body must be exactly this; others count as mismatches. */
  expectBody?: string;
  /**
   * POST these bodies instead of GET, each exactly once, in order across the warm-up and the measured
   * phase (the client stops with `exhausted` when they run out). Such a job runs on a small closed-loop
   * client (`load-client.ts`) that lets every request in flight finish at the end of a phase, so the
   * responses counted are exactly the requests the server handled.
   */
  bodies?: string[];
  /** With `bodies`: a fresh random `Idempotency-Key` header on every request, as the web client sends. */
  idempotencyKeys?: boolean;
  /**
   * With `bodies`: sign every request as a partner (issue 13's scheme, platform/partner-signing) at
   * the moment it is sent — fresh timestamp and nonce each time, the path and query of `url`.
   */
  partnerSigning?: { keyId: string; secret: string; algorithm: 'hmac-sha256' | 'hmac-sm3' };
}

export interface PhaseResult {
  seconds: number;
  requests: number;
  ok2xx: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  /** 2xx responses whose body was not the expected one. */
  mismatches: number;
  statusCodes: Record<string, number>;
  /** autocannon's mean of per-second request counts. */
  rpsMean: number;
  rpsStddev: number;
  /** 2xx latencies recorded in microseconds (measured phase only). */
  latencyMs: LatencyMs | null;
  /** autocannon's own figures, whole milliseconds (null for the POST client). */
  autocannonLatencyMs: { p50: number; p99: number } | null;
  /** With `bodies`: requests sent (bodies used) in this phase, and whether the bodies ran out. */
  sent?: number;
  exhausted?: boolean;
}

export interface LatencyMs {
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export type LoadReply =
  { ok: true; warmup: PhaseResult | null; measured: PhaseResult } | { ok: false; error: string };

/**
 * Runs autocannon against one URL in a child process (`load-client.ts`): warm-up, then the
 * measured phase. Bounded: the child is killed if it has not answered well after the phases end.
 */
export function runLoad(job: LoadJob): Promise<{ warmup: PhaseResult | null; measured: PhaseResult }> {
  const child = fork(new URL('./load-client.ts', import.meta.url), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  onCleanup(`stop the load client (pid ${child.pid})`, kill);
  onExit(kill);
  const limitMs = (job.warmupSeconds + job.durationSeconds + 30) * 1000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`the load client did not finish within ${limitMs / 1000} s`));
    }, limitMs);
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      outcome();
    };
    child.once('message', (reply: LoadReply) =>
      settle(() => (reply.ok ? resolve(reply) : reject(new Error(`load client: ${reply.error}`)))),
    );
    child.once('error', (error) => settle(() => reject(error)));
    child.once('exit', (code, signal) =>
      settle(() => reject(new Error(`the load client exited (${signal ?? code}) without a result`))),
    );
    child.send(job);
  });
}
