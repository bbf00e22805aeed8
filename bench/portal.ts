/**
 * portal: throughput and latency of a signed-in citizen's `GET /api/public/v1/applications/{id}`
 * (the citizens' door's guard and portal session lookup, the citizen's own application with its
 * timeline, countdown, materials and documents, and the audit row of the read), against a bare route
 * on the same door in the same app and run (`GET /api/public/v1/bench-bare`, open to anyone, answering
 * a copy of the same JSON and doing nothing else). The ratio says what following one's case costs.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idNumberCheckCharacter } from '../packages/domain/src/index.ts';
import { dispatchOutbox } from '../packages/server/src/platform/outbox/outbox.ts';
import { messageAdaptersFrom, simulatorJournal } from '../packages/server/src/platform/outbox/adapters.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { startBenchDatabase, startFayuan } from './lib/fayuan.ts';
import { loadSettings, runLoad, type PhaseResult } from './lib/load.ts';

let bareBody: unknown = {};
const bareRoute: () => FastifyPluginAsyncZod = () => async (r) => {
  r.get('/bench-bare', { config: { citizen: 'none' }, schema: { hide: true } }, async () => bareBody);
};

async function signInCitizen(
  origin: string,
  deps: Parameters<typeof dispatchOutbox>[0] & { config: { dataDir: string } },
  phone: string,
) {
  const asked = await fetch(`${origin}/api/public/v1/otp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone }),
  });
  if (asked.status !== 202) throw new Error(`OTP answered ${asked.status}: ${await asked.text()}`);
  await dispatchOutbox(deps, messageAdaptersFrom(deps.config));
  const journal = await readFile(simulatorJournal(deps.config.dataDir, 'sms'), 'utf8');
  const last = JSON.parse(journal.trim().split('\n').at(-1) ?? '{}') as { body?: string };
  const code = /(\d{6})/.exec(last.body ?? '')?.[1];
  if (!code) throw new Error('no code in the simulator journal');
  const session = await fetch(`${origin}/api/public/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, code }),
  });
  if (session.status !== 200) throw new Error(`sign-in answered ${session.status}`);
  const cookie = session.headers
    .getSetCookie()
    .find((c) => c.startsWith('fayuan_citizen='))!
    .split(';')[0]!;
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

function row(label: string, m: PhaseResult): string {
  return `  ${label.padEnd(44)} ${m.rpsMean.toFixed(0).padStart(8)} req/s  p50 ${(m.latencyMs?.p50 ?? NaN).toFixed(2).padStart(7)} ms  p99 ${(m.latencyMs?.p99 ?? NaN).toFixed(2).padStart(7)} ms  non-2xx ${m.non2xx}  errors ${m.errors + m.mismatches}`;
}

async function run(log: (message: string) => void): Promise<void> {
  const settings = loadSettings();
  const database = await startBenchDatabase(log);
  const fayuan = await startFayuan(database.url, { extraPublicRoutes: [bareRoute] });
  const citizen = await signInCitizen(fayuan.origin, fayuan.deps, '13800138000');
  const first17 = '11010819850312003';
  const created = await fetch(`${fayuan.origin}/api/public/v1/applications`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: citizen.cookie,
      'x-csrf-token': citizen.csrfToken,
    },
    body: JSON.stringify({
      organisationCode: '110108',
      matter: 'labour_remuneration',
      description: '公司拖欠工资三万元，想请律师帮忙追讨。',
      applicant: { name: '李明', idNumber: first17 + idNumberCheckCharacter(first17) },
      household: { members: 3, monthlyIncomeFen: 600_000 },
      pledge: true,
    }),
  });
  if (created.status !== 201) throw new Error(`apply answered ${created.status}: ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const url = `${fayuan.origin}/api/public/v1/applications/${id}`;
  const body = await (await fetch(url, { headers: { cookie: citizen.cookie } })).text();
  bareBody = JSON.parse(body);
  const bareUrl = `${fayuan.origin}/api/public/v1/bench-bare`;
  const common = {
    headers: { cookie: citizen.cookie },
    connections: settings.connections,
    warmupSeconds: settings.warmupSeconds,
    durationSeconds: settings.durationSeconds,
  };
  log(`bare route: ${bareUrl}`);
  const bare = await runLoad({ ...common, url: bareUrl, expectBody: body });
  log(`own application: ${url}`);
  const subject = await runLoad({ ...common, url, expectBody: body });
  const cpus = os.cpus();
  process.stdout.write(
    [
      '',
      "portal: a signed-in citizen reads their application vs a bare route on the citizens' door",
      `  date      ${new Date().toISOString()}`,
      `  machine   ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}`,
      `  database  ${database.description}`,
      `  client    autocannon, ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s measured each`,
      `  baseline  GET /api/public/v1/bench-bare: the same app and door, no session, a fixed copy of the ${Buffer.byteLength(body)}-byte answer`,
      '',
      row('bare     GET /api/public/v1/bench-bare', bare.measured),
      row('portal   GET /api/public/v1/applications/{id}', subject.measured),
      `  portal / bare: ${((subject.measured.rpsMean / bare.measured.rpsMean) * 100).toFixed(1)}% of the baseline's rate`,
      '',
    ].join('\n'),
  );
  for (const [name, result] of [
    ['bare', bare.measured],
    ['portal', subject.measured],
  ] as const)
    if (result.non2xx > 0 || result.errors > 0 || result.mismatches > 0 || result.ok2xx === 0)
      throw new Error(`${name}: the run is not valid (${JSON.stringify(result.statusCodes)})`);
}

export const portal: Benchmark = {
  name: 'portal',
  summary: "a citizen's GET /api/public/v1/applications/{id} against a bare route on the same door",
  timeLimitSeconds: () => {
    const { warmupSeconds, durationSeconds } = loadSettings();
    return 180 + 2 * (warmupSeconds + durationSeconds + 30);
  },
  run,
};
