/**
 * me-vs-bare: throughput and latency of an authenticated `GET /api/v1/me` on the real Fayuan app
 * (every hook, the session lookup in PostgreSQL, the profile query, Zod serialisation), against a
 * bare Fastify app in the same process answering `GET /bare` with the same JSON and doing nothing
 * else. Same machine, same client, same settings, one after the other; the ratio says what the
 * stack costs on top of Fastify + Node on this machine.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import Fastify from 'fastify';
import { ADMIN_USERNAME } from '../packages/server/src/bootstrap.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { onCleanup } from './lib/cleanup.ts';
import { listenLocal, logIn, startBenchDatabase, startFayuan } from './lib/fayuan.ts';
import { loadSettings, runLoad, type LoadJob, type PhaseResult } from './lib/load.ts';

interface Target {
  label: string;
  url: string;
  bodyBytes: number;
  warmup: PhaseResult | null;
  measured: PhaseResult;
  /** CPU time of this process (both servers and the pool; the client is another process) per request. */
  serverCpuMicros: number;
}

/** Runs the load and measures the CPU this process spent serving it (warm-up included). */
async function loadWithCpu(job: LoadJob): Promise<Omit<Target, 'label' | 'url' | 'bodyBytes'>> {
  const before = process.cpuUsage();
  const result = await runLoad(job);
  const used = process.cpuUsage(before);
  const requests = (result.warmup?.requests ?? 0) + result.measured.requests;
  return { ...result, serverCpuMicros: (used.user + used.system) / Math.max(1, requests) };
}

async function fetchText(url: string, cookie: string): Promise<string> {
  const response = await fetch(url, { headers: { cookie } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${text}`);
  return text;
}

async function run(log: (message: string) => void): Promise<void> {
  const settings = loadSettings();
  const loadBefore = os.loadavg()[0] ?? 0;
  const database = await startBenchDatabase(log);
  log(`database: ${database.description}`);
  const fayuan = await startFayuan(database.url);
  const cookie = await logIn(fayuan.origin, ADMIN_USERNAME, fayuan.adminPassword);
  const meUrl = `${fayuan.origin}/api/v1/me`;
  const meBody = await fetchText(meUrl, cookie);

  // The baseline: a bare Fastify app serving a copy of the /me body, no plugins, hooks, auth or database.
  const bare = Fastify({ logger: false });
  const payload: unknown = JSON.parse(meBody);
  bare.get('/bare', async () => payload);
  onCleanup('close the bare app', () => bare.close());
  const bareUrl = `${await listenLocal(bare)}/bare`;
  const bareBody = await fetchText(bareUrl, cookie);

  // The same requests (cookie included) go to both; each response must be exactly the body seen above.
  const common = {
    headers: { cookie },
    connections: settings.connections,
    warmupSeconds: settings.warmupSeconds,
    durationSeconds: settings.durationSeconds,
  };
  const phases = `${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s measured`;
  log(`bare: ${phases} on ${bareUrl}`);
  const bareRun = await loadWithCpu({ ...common, url: bareUrl, expectBody: bareBody });
  log(`fayuan: ${phases} on ${meUrl}`);
  const fayuanRun = await loadWithCpu({ ...common, url: meUrl, expectBody: meBody });

  const baseline: Target = {
    label: 'bare    GET /bare',
    url: bareUrl,
    bodyBytes: Buffer.byteLength(bareBody),
    ...bareRun,
  };
  const subject: Target = {
    label: 'Fayuan  GET /api/v1/me',
    url: meUrl,
    bodyBytes: Buffer.byteLength(meBody),
    ...fayuanRun,
  };

  const loadAfter = os.loadavg()[0] ?? 0;
  const require = createRequire(import.meta.url);
  const autocannonVersion = (require('autocannon/package.json') as { version: string }).version;
  const cpus = os.cpus();
  const out: string[] = [
    '',
    'me-vs-bare: authenticated GET /api/v1/me (Fayuan) vs GET /bare (bare Fastify)',
    `  date      ${new Date().toISOString()}`,
    `  machine   ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${os.type()} ${os.release()}, Node ${process.version}`,
    `  load      1-minute load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after ` +
      `(the client, the server and PostgreSQL alone keep about ${cpus.length} CPUs busy; more means other work competed)`,
    `  database  ${database.description}`,
    `  client    autocannon ${autocannonVersion} in its own process, ${settings.connections} keep-alive connections, ` +
      `no pipelining, ${phases} per target, same request headers (session cookie) to both`,
    `  baseline  bare Fastify ${bare.version} app in this process (no plugins, hooks, auth or database): ` +
      `GET ${bareUrl} returns a fixed ${baseline.bodyBytes}-byte JSON object, a copy of the /me body`,
    `  subject   the real Fayuan app (buildApp, logger off): GET ${meUrl} with the admin's session cookie`,
    '',
    ...table([baseline, subject]),
    '',
    ...ratios(baseline, subject),
    '',
  ];
  process.stdout.write(out.join('\n') + '\n');

  const problems = [...problemsOf('Fayuan', subject), ...problemsOf('bare', baseline)];
  if (problems.length > 0) throw new Error(`the run is not valid:\n  ${problems.join('\n  ')}`);
}

function table(targets: Target[]): string[] {
  const header = [
    'target',
    'req/s mean',
    'p50 ms',
    'p99 ms',
    'requests',
    'non-2xx',
    'errors',
    'body B',
    'server CPU µs/req',
  ];
  const rows = targets.map(({ label, bodyBytes, measured: m, serverCpuMicros }) => [
    label,
    m.rpsMean.toFixed(0),
    fixed(m.latencyMs?.p50),
    fixed(m.latencyMs?.p99),
    String(m.requests),
    String(m.non2xx),
    String(m.errors + m.mismatches),
    String(bodyBytes),
    serverCpuMicros.toFixed(0),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    '  ' +
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function ratios(bareTarget: Target, fayuanTarget: Target): string[] {
  const bare = bareTarget.measured;
  const fayuan = fayuanTarget.measured;
  const cpu = fayuanTarget.serverCpuMicros / bareTarget.serverCpuMicros;
  const rps = fayuan.rpsMean / bare.rpsMean;
  const p99 = (fayuan.latencyMs?.p99 ?? NaN) / (bare.latencyMs?.p99 ?? NaN);
  const p50 = (fayuan.latencyMs?.p50 ?? NaN) / (bare.latencyMs?.p50 ?? NaN);
  return [
    `  Fayuan / bare   req/s ${rps.toFixed(3)}  (Fayuan sustains ${(rps * 100).toFixed(1)}% of the baseline's rate)`,
    `                  p99   ${p99.toFixed(2)}x   p50 ${p50.toFixed(2)}x   server CPU per request ${cpu.toFixed(1)}x`,
    '  errors = connection errors + timeouts + bodies differing from the expected one; latency from 2xx responses, µs resolution;',
    '  server CPU = user + system CPU of this process (servers, pool; not the client, not PostgreSQL) / requests incl. warm-up',
  ];
}

function fixed(value: number | undefined): string {
  return value === undefined ? '-' : value.toFixed(2);
}

function problemsOf(name: string, target: Target): string[] {
  const problems: string[] = [];
  for (const [phase, result] of [
    ['warm-up', target.warmup],
    ['measured', target.measured],
  ] as const) {
    if (!result) continue;
    if (result.non2xx > 0)
      problems.push(
        `${name} ${phase}: ${result.non2xx} non-2xx responses (status codes ${JSON.stringify(result.statusCodes)})`,
      );
    if (result.errors > 0) problems.push(`${name} ${phase}: ${result.errors} connection errors or timeouts`);
    if (result.mismatches > 0)
      problems.push(`${name} ${phase}: ${result.mismatches} unexpected response bodies`);
    if (result.ok2xx === 0) problems.push(`${name} ${phase}: no successful response at all`);
  }
  return problems;
}

export const meVsBare: Benchmark = {
  name: 'me-vs-bare',
  summary: 'authenticated GET /api/v1/me against a bare Fastify JSON route',
  timeLimitSeconds: () => {
    const { warmupSeconds, durationSeconds } = loadSettings();
    return 180 + 2 * (warmupSeconds + durationSeconds + 30);
  },
  run,
};
