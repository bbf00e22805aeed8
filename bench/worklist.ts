/**
 * worklist: latency of the reviewer worklist `GET /api/v1/applications?pageSize=20` (nearest
 * deadline first) on a city's worth of applications (BENCH_APPLICATIONS, default 1 000 000, across
 * the 16 districts, bulk-loaded by `lib/seed-applications.ts`), as a 海淀 reviewer (district scope),
 * as a city-wide supervisor, and filtered to overdue ones; against a bare indexed SELECT of the same
 * page straight through `pg`, at the same concurrency, in the same run. Before the load it prints
 * EXPLAIN ANALYZE timings of the SQL the endpoint generates (full plans with BENCH_EXPLAIN=1).
 */
import os from 'node:os';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../packages/server/src/db/schema/index.ts';
import { listApplications } from '../packages/server/src/modules/applications/applications.repository.ts';
import { worklistQuery } from '../packages/server/src/modules/applications/applications.schemas.ts';
import { scopeFor } from '../packages/server/src/platform/scope/data-scope.ts';
import type { Role } from '@fayuan/domain';
import type { Benchmark } from './lib/benchmark.ts';
import { onCleanup } from './lib/cleanup.ts';
import {
  addStaff,
  HAIDIAN_CENTRE,
  insertStaff,
  JUSTICE_BUREAU,
  startBenchDatabase,
  startFayuan,
  type BenchApp,
  type Staff,
} from './lib/fayuan.ts';
import { loadSettings, runLoad, type LoadSettings, type PhaseResult } from './lib/load.ts';
import { applicationBody, registerApplicants, seededRandom } from './lib/people-data.ts';
import {
  assertValidRun,
  contextLines,
  formatTable,
  httpFigures,
  ms,
  ratioLine,
  sqlFigures,
  type Figures,
} from './lib/report.ts';
import { centreOf, seedApplications } from './lib/seed-applications.ts';
import { runSqlLoad, type SqlPhase, type SqlStatement } from './lib/sql-load.ts';

/** The worklist's default states, as the endpoint filters by them. */
const OPEN_STATES = [...schema.WORKLIST_STATES];

function applicationCount(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.BENCH_APPLICATIONS;
  if (raw === undefined || raw === '') return 1_000_000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1000 || value > 20_000_000)
    throw new Error(`BENCH_APPLICATIONS must be a whole number from 1000 to 20000000, got "${raw}"`);
  return value;
}

interface Variant {
  label: string;
  staff: Staff;
  roles: Role[];
  organisationId: string;
  query: Record<string, string>;
  /**
   * Whether every answer must equal the first: not for `overdue`, whose total grows while the run
   * goes on (applications fall due every few seconds at this size).
   */
  sameBody: boolean;
  /** The bare SELECT of the same page: applications only, same filter on owner, same ORDER BY / LIMIT. */
  baseline: SqlStatement;
}

interface Measured {
  variant: Variant;
  subject: { warmup: PhaseResult | null; measured: PhaseResult };
  baseline: { warmup: SqlPhase | null; measured: SqlPhase };
}

async function pathOf(client: pg.Client, id: string): Promise<string> {
  const { rows } = await client.query<{ path: string }>('SELECT path FROM organisations WHERE id = $1', [id]);
  if (!rows[0]) throw new Error(`no organisation ${id}`);
  return rows[0].path;
}

/**
 * The SQL `listApplications` sends for a variant (captured through a logging Drizzle instance),
 * each statement EXPLAIN ANALYZEd on the seeded data.
 */
async function explainVariant(
  fayuan: BenchApp,
  client: pg.Client,
  variant: Variant,
  full: boolean,
): Promise<string[]> {
  const captured: { query: string; params: unknown[] }[] = [];
  const db = drizzle(fayuan.deps.pool, {
    schema,
    logger: { logQuery: (query, params) => captured.push({ query, params }) },
  });
  const path = await pathOf(client, variant.organisationId);
  await listApplications(
    db,
    scopeFor(variant.roles, path),
    worklistQuery.parse(variant.query),
    variant.staff.id,
    new Date(),
    // The variants' staff work at a district centre (the supervisor's scope is city-wide anyway).
    true,
  );
  const lines: string[] = [`  ${variant.label}: the endpoint's SQL`];
  const explain = async (label: string, text: string, values: unknown[]) => {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${text}`,
      values,
    );
    const plan = rows.map((r) => r['QUERY PLAN']);
    const time = plan.find((l) => l.startsWith('Execution Time')) ?? '';
    lines.push(
      `    ${label.padEnd(34)} ${time.replace('Execution Time: ', '')}   top: ${plan[0]?.trim().slice(0, 90)}`,
    );
    if (full) lines.push(...plan.map((l) => `        ${l}`));
  };
  for (const [i, { query, params }] of captured.entries()) {
    const what =
      i === 0
        ? 'page ids (20, in order)'
        : i === 1
          ? 'page rows with names'
          : /count\(/i.test(query)
            ? 'total (COUNT)'
            : 'clocks of the page';
    await explain(what, query, params);
  }
  await explain('baseline: bare indexed SELECT', variant.baseline.text, variant.baseline.values);
  return lines;
}

async function fetchPage(origin: string, variant: Variant): Promise<string> {
  const url = `${origin}/api/v1/applications?${new URLSearchParams(variant.query)}`;
  const response = await fetch(url, { headers: variant.staff.headers });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`${variant.label}: GET ${url} answered ${response.status}: ${body}`);
  return body;
}

async function run(log: (message: string) => void): Promise<void> {
  const settings: LoadSettings = loadSettings();
  const count = applicationCount();
  const loadBefore = os.loadavg()[0] ?? 0;
  const database = await startBenchDatabase(log);
  log(`database: ${database.description}`);
  const fayuan = await startFayuan(database.url);

  // The template: one application taken in through the API, whose stored assessment every seeded row copies.
  const window = await addStaff(fayuan, HAIDIAN_CENTRE, ['window_staff'], '窗口压测');
  const [applicant] = await registerApplicants(fayuan, HAIDIAN_CENTRE, window.id, 1);
  const created = await fetch(`${fayuan.origin}/api/v1/applications`, {
    method: 'POST',
    headers: { ...window.headers, 'content-type': 'application/json' },
    body: JSON.stringify(applicationBody(applicant!, seededRandom(3))),
  });
  if (created.status !== 201) throw new Error(`the template application answered ${created.status}`);
  const template = (await created.json()) as { id: string; number: string };

  const client = new pg.Client({ connectionString: database.url, application_name: 'fayuan-bench' });
  client.on('error', () => undefined);
  await client.connect();
  onCleanup('close the benchmark connection', () => client.end());
  const { rows: stored } = await client.query<{ assessment: string; rule_version: string }>(
    'SELECT assessment::text AS assessment, rule_version FROM applications WHERE id = $1',
    [template.id],
  );

  const staff = new Map<string, { receivedBy: string; reviewer: string }>();
  for (const region of ['01', '02', '05', '06', '07', '08', '09', 11, 12, 13, 14, 15, 16, 17, 18, 19]) {
    const centre = centreOf(`1101${region}`);
    staff.set(centre, {
      receivedBy: (await insertStaff(fayuan, centre, ['window_staff'])).id,
      reviewer: (await insertStaff(fayuan, centre, ['reviewer'])).id,
    });
  }
  const now = new Date();
  log(`seeding ${count} applications`);
  const seeded = await seedApplications({
    url: database.url,
    count,
    now,
    staff,
    assessment: stored[0]!.assessment,
    ruleVersion: stored[0]!.rule_version,
    takenNumbers: new Set([`${HAIDIAN_CENTRE}:${template.number}`]),
    log,
  });

  const reviewer = await addStaff(fayuan, HAIDIAN_CENTRE, ['reviewer'], '海淀审查');
  const supervisor = await addStaff(fayuan, JUSTICE_BUREAU, ['supervisor'], '市局监督');
  const { rows: haidianOrgs } = await client.query<{ id: string }>(
    'SELECT id FROM organisations WHERE path LIKE $1',
    [`${await pathOf(client, HAIDIAN_CENTRE)}%`],
  );
  const haidian = haidianOrgs.map((r) => r.id);
  const page = 'ORDER BY next_due_at ASC NULLS LAST, id ASC LIMIT 20';
  const variants: Variant[] = [
    {
      label: '海淀 reviewer',
      staff: reviewer,
      roles: ['reviewer'],
      organisationId: HAIDIAN_CENTRE,
      query: { pageSize: '20' },
      sameBody: true,
      baseline: {
        text: `SELECT * FROM applications WHERE owner_org_id = ANY($1::uuid[]) AND state = ANY($2::text[]) ${page}`,
        values: [haidian, OPEN_STATES],
      },
    },
    {
      label: 'city-wide supervisor',
      staff: supervisor,
      roles: ['supervisor'],
      organisationId: JUSTICE_BUREAU,
      query: { pageSize: '20' },
      sameBody: true,
      baseline: {
        text: `SELECT * FROM applications WHERE state = ANY($1::text[]) ${page}`,
        values: [OPEN_STATES],
      },
    },
    {
      label: '海淀 reviewer, overdue=true',
      staff: reviewer,
      roles: ['reviewer'],
      organisationId: HAIDIAN_CENTRE,
      query: { pageSize: '20', overdue: 'true' },
      sameBody: false,
      baseline: {
        text:
          'SELECT * FROM applications WHERE owner_org_id = ANY($1::uuid[]) AND state = ANY($2::text[]) ' +
          `AND next_due_at < $3 ${page}`,
        values: [haidian, OPEN_STATES, now],
      },
    },
  ];

  // Each page once: the endpoint's answer is the body every later response must equal, and it must
  // list the same applications as the baseline's SELECT.
  const bodies = new Map<Variant, string>();
  for (const variant of variants) {
    const body = await fetchPage(fayuan.origin, variant);
    const ids = (JSON.parse(body) as { items: { id: string }[] }).items.map((i) => i.id);
    const { rows } = await client.query<{ id: string }>(variant.baseline.text, variant.baseline.values);
    if (ids.length !== 20 || ids.join() !== rows.map((r) => r.id).join())
      throw new Error(`${variant.label}: the endpoint's page and the baseline's differ`);
    bodies.set(variant, body);
  }
  const plans: string[] = [];
  for (const variant of variants)
    plans.push(...(await explainVariant(fayuan, client, variant, process.env.BENCH_EXPLAIN === '1')));

  const phases = `${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s measured`;
  const results: Measured[] = [];
  for (const variant of variants) {
    log(`${variant.label}: bare SELECT, ${phases}`);
    const baseline = await runSqlLoad({
      url: database.url,
      connections: settings.connections,
      warmupSeconds: settings.warmupSeconds,
      durationSeconds: settings.durationSeconds,
      statement: () => variant.baseline,
      accept: (result) => result.rowCount === 20,
    });
    log(`${variant.label}: GET /api/v1/applications?${new URLSearchParams(variant.query)}, ${phases}`);
    const subject = await runLoad({
      url: `${fayuan.origin}/api/v1/applications?${new URLSearchParams(variant.query)}`,
      headers: variant.staff.headers,
      connections: settings.connections,
      warmupSeconds: settings.warmupSeconds,
      durationSeconds: settings.durationSeconds,
      ...(variant.sameBody ? { expectBody: bodies.get(variant)! } : {}),
    });
    results.push({ variant, subject, baseline });
  }

  const totals = [...bodies.values()].map((b) => (JSON.parse(b) as { total: number }).total);
  const out = [
    '',
    'worklist: GET /api/v1/applications?pageSize=20 (Fayuan) vs a bare indexed SELECT of the same page (pg)',
    ...contextLines(
      loadBefore,
      database.description,
      `${settings.connections} connections, ${phases} per target, baseline first; HTTP: autocannon in its own ` +
        'process, every body equal to the first answer (overdue: every status 200); SQL: one pg connection per loop',
    ),
    `  data      ${seeded.applications} applications (+1 taken in through the API) across 16 districts, ` +
      `${seeded.open} open, ${seeded.persons} applicants, ${seeded.clocks} clocks; seeded in ` +
      `${seeded.seconds.load.toFixed(0)} s COPY + ${seeded.seconds.indexes.toFixed(0)} s indexes + ` +
      `${seeded.seconds.check.toFixed(0)} s reference check + ${seeded.seconds.vacuum.toFixed(0)} s VACUUM ANALYZE`,
    `  totals    ${variants.map((v, i) => `${v.label} ${totals[i]}`).join(', ')}`,
    "  baseline  SELECT * FROM applications WHERE owner in the scope's organisations AND state in the open states " +
      '[AND next_due_at < now] ORDER BY next_due_at, id LIMIT 20: same page, no joins, no total',
    '',
    ...plans,
    '',
    ...formatTable(
      ['target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'errors'],
      results.flatMap(({ variant, subject, baseline }) =>
        [
          [`${variant.label}: bare SELECT`, sqlFigures(baseline.measured)] as const,
          [`${variant.label}: Fayuan`, httpFigures(subject.measured)] as const,
        ].map(([label, f]: readonly [string, Figures]) => [
          label,
          f.perSecond.toFixed(1),
          ms(f.latencyMs?.p50),
          ms(f.latencyMs?.p95),
          ms(f.latencyMs?.p99),
          String(f.count),
          String(f.errors),
        ]),
      ),
    ),
    '',
    ...results.map(({ variant, subject, baseline }) =>
      ratioLine(
        `${variant.label}: Fayuan / bare`.padEnd(42),
        httpFigures(subject.measured),
        sqlFigures(baseline.measured),
      ),
    ),
    '',
  ];
  process.stdout.write(out.join('\n') + '\n');

  assertValidRun(results);
}

export const worklist: Benchmark = {
  name: 'worklist',
  summary: 'reviewer worklist latency on 1M applications against a bare indexed SELECT',
  timeLimitSeconds: () => {
    const { warmupSeconds, durationSeconds } = loadSettings();
    // Setup and seeding (about 3 minutes for a million rows on 2 vCPUs), then 3 × 2 targets.
    return 120 + Math.ceil(applicationCount() / 4000) + 6 * (warmupSeconds + durationSeconds + 30);
  },
  run,
};
