/**
 * partner-notices: signed criminal notices taken in per second through the real partner door,
 * `POST /api/partner/v1/criminal-notices` (issue 13) — signature check, nonce store, request log,
 * rate limit, the notice use case — against the same route on a second app over the same database
 * built with `partnerSignatures: 'skip-for-benchmark'` (the partner taken from `X-Fayuan-Key`
 * alone, no timestamp, nonce or signature check). Same client, same signed requests to both, one
 * run; plus the cost of signing and verifying alone, in a loop, for both algorithms.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { PartnerSignatureAlgorithm } from '@fayuan/domain';
import { buildApp, type BuildOptions } from '../packages/server/src/app.ts';
import { exampleNotice } from '../packages/server/src/cli/partner/examples.ts';
import { partnerKeys, partners, users } from '../packages/server/src/db/schema/index.ts';
import {
  computeSignature,
  parseSignatureHeader,
  signaturesEqual,
  signRequest,
} from '../packages/server/src/platform/partner-signing/partner-signing.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { onCleanup } from './lib/cleanup.ts';
import { HAIDIAN_CENTRE, listenLocal, startBenchDatabase, startFayuan, type BenchApp } from './lib/fayuan.ts';
import { loadSettings, runLoad, type PhaseResult } from './lib/load.ts';
import { contextLines, formatTable, httpFigures, ms, ratioLine } from './lib/report.ts';

const PATH = '/api/partner/v1/criminal-notices';
const ALGORITHM: PartnerSignatureAlgorithm = 'hmac-sha256';

/** A court partner of 海淀 with one inbound key, inserted as the registry would (rate limit out of the way). */
async function insertPartner(bench: BenchApp): Promise<{ keyId: string; secret: string }> {
  const userId = randomUUID();
  const partnerId = randomUUID();
  const keyId = `fyp_bench_${randomBytes(6).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  await bench.deps.db.transaction(async (tx) => {
    await tx.insert(users).values({
      id: userId,
      username: `partner-${partnerId.slice(0, 8)}`,
      displayName: '压测法院（合作机构）',
      organisationId: HAIDIAN_CENTRE,
      roles: ['partner_client'],
      passwordHash: '!',
    });
    await tx.insert(partners).values({
      id: partnerId,
      kind: 'court',
      name: `压测法院 ${partnerId.slice(0, 8)}`,
      organisationId: HAIDIAN_CENTRE,
      userId,
      operations: ['criminal_notices'],
      // The benchmark measures the door, not its throttle: a limit no run reaches.
      rateLimitPerMinute: 100_000_000,
    });
    await tx.insert(partnerKeys).values({
      id: randomUUID(),
      partnerId,
      keyId,
      direction: 'inbound',
      secretSealed: bench.deps.cipher.seal(secret).sealed,
    });
  });
  return { keyId, secret };
}

/** How many distinct notices one target may need: generous, each is POSTed at most once. */
function bodiesNeeded(seconds: number): number {
  return Math.min(400_000, Math.max(5_000, seconds * 1_500));
}

function noticeBodies(count: number, label: string): string[] {
  const base = exampleNotice('first-instance');
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({ ...base, institutionCaseNumber: `（2026）压测${label}刑初字第${i + 1}号` }),
  );
}

/** µs per sign (client side) and per verify (recompute + constant-time compare), for one body. */
function signingCost(algorithm: PartnerSignatureAlgorithm, body: string, rounds: number) {
  const secret = randomBytes(32).toString('base64url');
  let headers: Record<string, string> = {};
  let begun = performance.now();
  for (let i = 0; i < rounds; i++)
    headers = signRequest({ keyId: 'k', secret, algorithm, method: 'POST', pathWithQuery: PATH, body });
  const sign = ((performance.now() - begun) * 1000) / rounds;
  const given = parseSignatureHeader(headers['X-Fayuan-Signature']);
  if (!given) throw new Error('signRequest made an unparsable header');
  let ok = 0;
  begun = performance.now();
  for (let i = 0; i < rounds; i++) {
    const expected = computeSignature(algorithm, secret, {
      method: 'POST',
      pathWithQuery: PATH,
      timestamp: headers['X-Fayuan-Timestamp']!,
      nonce: headers['X-Fayuan-Nonce']!,
      body,
    });
    if (signaturesEqual(expected, given.hex)) ok += 1;
  }
  const verify = ((performance.now() - begun) * 1000) / rounds;
  if (ok !== rounds) throw new Error(`${algorithm}: ${rounds - ok} of ${rounds} verifications failed`);
  return { sign, verify };
}

/** A run with any answer but 201, any error, or no answer at all measures something else. */
function problemsOf(label: string, phases: { warmup: PhaseResult | null; measured: PhaseResult }): string[] {
  const problems: string[] = [];
  for (const [phase, result] of [
    ['warm-up', phases.warmup],
    ['measured', phases.measured],
  ] as const) {
    if (!result) continue;
    const other = Object.keys(result.statusCodes).filter((status) => status !== '201');
    if (
      other.length > 0 ||
      result.errors > 0 ||
      result.non2xx > 0 ||
      (phase === 'measured' && result.ok2xx === 0)
    )
      problems.push(
        `${label} ${phase}: ${result.ok2xx} × 2xx, status codes ${JSON.stringify(result.statusCodes)}, ${result.errors} errors`,
      );
    if (phase === 'measured' && result.exhausted)
      problems.push(`${label}: ran out of notice bodies; raise bodiesNeeded`);
  }
  return problems;
}

async function run(log: (message: string) => void): Promise<void> {
  const settings = loadSettings();
  const loadBefore = os.loadavg()[0] ?? 0;
  const database = await startBenchDatabase(log);
  log(`database: ${database.description}`);
  // The door as deployed (signatures verified: the default) and the same app without the check.
  const verified = await startFayuan(database.url);
  // `partnerSignatures` is branch A's option of buildApp (issue 13); never settable from config or env.
  const bareOptions: BuildOptions = { logger: false, partnerSignatures: 'skip-for-benchmark' };
  const unchecked = await buildApp(verified.deps, bareOptions);
  onCleanup('close the unchecked app', () => unchecked.close());
  const uncheckedOrigin = await listenLocal(unchecked);
  const credentials = await insertPartner(verified);
  const signing = { ...credentials, algorithm: ALGORITHM };

  // One notice first, outside the load: proves the body and the signature are accepted.
  const probeBody = noticeBodies(1, '探测')[0]!;
  const probe = await fetch(verified.origin + PATH, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signRequest({ ...signing, method: 'POST', pathWithQuery: PATH, body: probeBody }),
    },
    body: probeBody,
  });
  if (probe.status !== 201)
    throw new Error(`the probe notice answered ${probe.status}: ${await probe.text()}`);

  const needed = bodiesNeeded(settings.warmupSeconds + settings.durationSeconds);
  const phases = `${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s measured`;
  const common = {
    headers: {},
    connections: settings.connections,
    warmupSeconds: settings.warmupSeconds,
    durationSeconds: settings.durationSeconds,
    idempotencyKeys: true,
    partnerSigning: signing,
  };
  log(`verified: ${phases} on POST ${verified.origin}${PATH}`);
  const subject = await runLoad({
    ...common,
    url: verified.origin + PATH,
    bodies: noticeBodies(needed, '验签'),
  });
  log(`unchecked: ${phases} on POST ${uncheckedOrigin}${PATH}`);
  const baseline = await runLoad({
    ...common,
    url: uncheckedOrigin + PATH,
    bodies: noticeBodies(needed, '免签'),
  });

  const rounds = 20_000;
  log(`sign + verify alone: ${rounds} rounds per algorithm`);
  const costs = (['hmac-sha256', 'hmac-sm3'] as const).map((algorithm) => ({
    algorithm,
    ...signingCost(algorithm, probeBody, rounds),
  }));

  const row = (label: string, phase: PhaseResult) => {
    const f = httpFigures(phase);
    return [
      label,
      f.perSecond.toFixed(0),
      ms(f.latencyMs?.p50),
      ms(f.latencyMs?.p95),
      ms(f.latencyMs?.p99),
      String(f.count),
      String(f.errors),
    ];
  };
  const out = [
    '',
    'partner-notices: signed POST /api/partner/v1/criminal-notices, signature checked vs not checked',
    ...contextLines(
      loadBefore,
      database.description,
      `closed-loop POST client in its own process, ${settings.connections} keep-alive connections, ${phases} per target, ` +
        `each request a distinct notice (new case number, new defendant), signed at send time (${ALGORITHM}, fresh nonce), fresh Idempotency-Key`,
    ),
    '  subject   the real app (buildApp, default partnerSignatures: verify): key lookup, timestamp, nonce, HMAC, request log, rate limit, notice',
    "  baseline  a second app over the same database with partnerSignatures: 'skip-for-benchmark' (partner from X-Fayuan-Key only)",
    '',
    ...formatTable(
      ['target', 'notices/s', 'p50 ms', 'p95 ms', 'p99 ms', 'notices', 'errors'],
      [row('signed, verified  ', subject.measured), row('signed, unchecked ', baseline.measured)],
    ),
    '',
    ratioLine('verified / unchecked', httpFigures(subject.measured), httpFigures(baseline.measured)),
    '',
    '  the check alone (this process, one notice body of ' + Buffer.byteLength(probeBody) + ' bytes):',
    ...formatTable(
      ['algorithm', 'sign µs', 'verify µs'],
      costs.map((c) => [c.algorithm, c.sign.toFixed(1), c.verify.toFixed(1)]),
    ),
    '',
  ];
  process.stdout.write(out.join('\n') + '\n');
  const problems = [...problemsOf('verified', subject), ...problemsOf('unchecked', baseline)];
  if (problems.length > 0) throw new Error(`the run is not valid:\n  ${problems.join('\n  ')}`);
}

export const partnerNotices: Benchmark = {
  name: 'partner-notices',
  summary:
    'signed criminal notices per second through the partner door against the same route without the check',
  timeLimitSeconds: () => {
    const { warmupSeconds, durationSeconds } = loadSettings();
    return 240 + 2 * (warmupSeconds + durationSeconds + 30);
  },
  run,
};
