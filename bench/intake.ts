/**
 * intake: applications taken in per second through the real `POST /api/v1/applications` (the
 * whole use case: validation, eligibility assessment, numbering, review clock, receipt row, outbox
 * message with the sealed recipient, audit chain row, the detail answer), each request for a
 * distinct applicant registered beforehand; against a bare INSERT of an equivalent applications row
 * straight through `pg`, at the same concurrency, in the same run.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import type { Benchmark } from './lib/benchmark.ts';
import { addStaff, HAIDIAN_CENTRE, startBenchDatabase, startFayuan } from './lib/fayuan.ts';
import { loadSettings, runLoad, type LoadSettings, type PhaseResult } from './lib/load.ts';
import { applicationBody, registerApplicants, seededRandom } from './lib/people-data.ts';
import {
  contextLines,
  formatTable,
  httpFigures,
  ms,
  ratioLine,
  sqlFigures,
  type Figures,
} from './lib/report.ts';
import { runSqlLoad, type SqlPhase } from './lib/sql-load.ts';

/** Applicants registered before the run: enough for this many applications per second, both phases. */
function applicantsNeeded(settings: LoadSettings, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.BENCH_INTAKE_APPLICANTS;
  if (raw) {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 10)
      throw new Error(`BENCH_INTAKE_APPLICANTS must be ≥ 10, got "${raw}"`);
    return value;
  }
  return 400 * (settings.warmupSeconds + settings.durationSeconds);
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'fayuan-bench' });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function counts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<Record<string, string>>(`
      SELECT (SELECT count(*) FROM applications) AS applications,
             (SELECT count(DISTINCT applicant_id) FROM applications) AS applicants,
             (SELECT count(DISTINCT (owner_org_id, number)) FROM applications) AS numbers,
             (SELECT count(*) FROM issued_documents WHERE kind = 'receipt') AS receipts,
             (SELECT count(*) FROM case_clocks) AS clocks,
             (SELECT count(*) FROM outbox_messages WHERE entity_type = 'applications') AS messages,
             (SELECT count(*) FROM audit_events) AS audit`);
    return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
  });
}

/**
 * The baseline's statement: every column of the applications row the API wrote first, as text
 * (PostgreSQL parses each into its column's type, as it does for the app's parameters), with a new
 * id, number and timestamps.
 */
async function bareInsert(url: string, templateId: string) {
  const columns = await withClient(url, async (client) => {
    const { rows } = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'applications' ORDER BY ordinal_position`,
    );
    return rows.map((r) => r.column_name);
  });
  const values = await withClient(url, async (client) => {
    const { rows } = await client.query<Record<string, string | null>>(
      `SELECT ${columns.map((c) => `"${c}"::text`).join(', ')} FROM applications WHERE id = $1`,
      [templateId],
    );
    if (!rows[0]) throw new Error('the first application is missing');
    return Object.values(rows[0]);
  });
  const text =
    `INSERT INTO applications (${columns.map((c) => `"${c}"`).join(', ')}) ` +
    `VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
  const fresh = new Set(['state_changed_at', 'received_at', 'created_at', 'updated_at']);
  return (sequence: number) => {
    const now = new Date().toISOString();
    return {
      text,
      values: columns.map((column, i) =>
        column === 'id'
          ? randomUUID()
          : column === 'number'
            ? `BENCH-${sequence}`
            : fresh.has(column)
              ? now
              : values[i],
      ),
    };
  };
}

interface Row {
  label: string;
  figures: Figures;
  extra: string;
}

async function run(log: (message: string) => void): Promise<void> {
  const settings = loadSettings();
  const loadBefore = os.loadavg()[0] ?? 0;
  const database = await startBenchDatabase(log);
  log(`database: ${database.description}`);
  const fayuan = await startFayuan(database.url);
  const window = await addStaff(fayuan, HAIDIAN_CENTRE, ['window_staff'], '窗口压测');
  const needed = applicantsNeeded(settings);
  log(`registering ${needed + 1} applicants at the Haidian centre`);
  const applicants = await registerApplicants(fayuan, HAIDIAN_CENTRE, window.id, needed + 1);
  const random = seededRandom(7);
  const url = `${fayuan.origin}/api/v1/applications`;

  // One application first, outside the load: proves the body is accepted, and is the baseline's row.
  const first = await fetch(url, {
    method: 'POST',
    headers: { ...window.headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(applicationBody(applicants[0] as string, random)),
  });
  const firstBody = await first.text();
  if (first.status !== 201) throw new Error(`the first application answered ${first.status}: ${firstBody}`);
  const firstId = (JSON.parse(firstBody) as { id: string }).id;
  const before = await counts(database.url);

  const bodies = applicants.slice(1).map((id) => JSON.stringify(applicationBody(id, random)));
  const phases = `${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s measured`;
  log(`fayuan: ${phases} on POST ${url}, ${bodies.length} applicants ready`);
  const cpuBefore = process.cpuUsage();
  const subject = await runLoad({
    url,
    headers: window.headers,
    connections: settings.connections,
    warmupSeconds: settings.warmupSeconds,
    durationSeconds: settings.durationSeconds,
    bodies,
    idempotencyKeys: true,
  });
  const cpu = process.cpuUsage(cpuBefore);
  const after = await counts(database.url);

  log(`bare INSERT: ${phases} through pg`);
  const baseline = await runSqlLoad({
    url: database.url,
    connections: settings.connections,
    warmupSeconds: settings.warmupSeconds,
    durationSeconds: settings.durationSeconds,
    statement: await bareInsert(database.url, firstId),
    accept: (result) => result.rowCount === 1,
  });
  const afterBaseline = await counts(database.url);

  const created = (subject.warmup?.statusCodes['201'] ?? 0) + (subject.measured.statusCodes['201'] ?? 0);
  const sent = (subject.warmup?.sent ?? 0) + subject.measured.sent!;
  const inserted = (baseline.warmup?.statements ?? 0) + baseline.measured.statements;
  const added = (key: string) => (after[key] ?? 0) - (before[key] ?? 0);
  const rows: Row[] = [
    {
      label: 'bare INSERT INTO applications (pg)',
      figures: sqlFigures(baseline.measured),
      extra: '',
    },
    {
      label: 'Fayuan POST /api/v1/applications',
      figures: httpFigures(subject.measured),
      extra: `${((cpu.user + cpu.system) / Math.max(1, created)).toFixed(0)}`,
    },
  ];
  const out = [
    '',
    'intake: applications taken in per second, POST /api/v1/applications (Fayuan) vs a bare INSERT (pg)',
    ...contextLines(
      loadBefore,
      database.description,
      `${settings.connections} connections, ${phases} per target; HTTP: closed-loop keep-alive client in its own ` +
        'process (no request cut off at a phase end), a fresh Idempotency-Key per request; SQL: one pg connection per loop',
    ),
    `  subject   the real app as a 海淀 window_staff: each request a distinct applicant (${bodies.length} registered ` +
      'beforehand, with sealed phones), 4 matters, integrity pledge, household figures varying',
    '  baseline  INSERT of every column of the first application taken in through the API (new id, number, times), ' +
      'one autocommit statement, same concurrency',
    '',
    ...formatTable(
      ['target', 'apps/s', 'p50 ms', 'p95 ms', 'p99 ms', 'rows', 'errors', 'server CPU µs/app'],
      rows.map(({ label, figures: f, extra }) => [
        label,
        f.perSecond.toFixed(1),
        ms(f.latencyMs?.p50),
        ms(f.latencyMs?.p95),
        ms(f.latencyMs?.p99),
        String(f.count),
        String(f.errors),
        extra || '-',
      ]),
    ),
    '',
    ratioLine('Fayuan / bare', httpFigures(subject.measured), sqlFigures(baseline.measured)),
    `  status codes (warm-up + measured): ${JSON.stringify(mergeCodes(subject.warmup, subject.measured))}; ` +
      `requests sent ${sent}`,
    `  per application taken in: ${per(added('receipts'), created)} receipt, ${per(added('clocks'), created)} clock, ` +
      `${per(added('messages'), created)} outbox message, ${per(added('audit'), created)} audit rows`,
    `  applications: ${added('applications')} new rows for ${created} × 201, ${added('applicants')} distinct applicants, ` +
      `${added('numbers')} distinct numbers; baseline rows ${afterBaseline.applications! - after.applications!} for ${inserted} inserts`,
    '',
  ];
  process.stdout.write(out.join('\n') + '\n');

  const problems = [
    ...httpProblems('Fayuan', subject.warmup, subject.measured),
    ...sqlProblems('bare', baseline.warmup, baseline.measured),
  ];
  if (sent !== created) problems.push(`Fayuan: ${sent} requests sent, ${created} answered 201`);
  for (const key of ['applications', 'applicants', 'numbers', 'receipts', 'messages'])
    if (added(key) !== created) problems.push(`Fayuan: ${added(key)} new ${key} for ${created} × 201`);
  if (afterBaseline.applications! - after.applications! !== inserted)
    problems.push(`bare: ${afterBaseline.applications! - after.applications!} rows for ${inserted} inserts`);
  if (problems.length > 0) throw new Error(`the run is not valid:\n  ${problems.join('\n  ')}`);
}

function per(n: number, of: number): string {
  return of === 0 ? '-' : (n / of).toFixed(2).replace(/\.00$/, '');
}

function mergeCodes(...phases: (PhaseResult | null)[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const phase of phases)
    for (const [code, n] of Object.entries(phase?.statusCodes ?? {})) merged[code] = (merged[code] ?? 0) + n;
  return merged;
}

function httpProblems(name: string, ...phases: (PhaseResult | null)[]): string[] {
  const problems: string[] = [];
  for (const [i, result] of phases.entries()) {
    if (!result) continue;
    const phase = i === 0 ? 'warm-up' : 'measured';
    const other = Object.keys(result.statusCodes).filter((code) => code !== '201');
    if (other.length > 0)
      problems.push(`${name} ${phase}: status codes ${JSON.stringify(result.statusCodes)}`);
    if (result.errors > 0) problems.push(`${name} ${phase}: ${result.errors} connection errors or timeouts`);
    if (result.exhausted)
      problems.push(`${name} ${phase}: ran out of applicants; raise BENCH_INTAKE_APPLICANTS`);
    if (result.ok2xx === 0) problems.push(`${name} ${phase}: no successful response at all`);
  }
  return problems;
}

function sqlProblems(name: string, ...phases: (SqlPhase | null)[]): string[] {
  return phases.flatMap((result, i) =>
    result && result.errors > 0
      ? [`${name} ${i === 0 ? 'warm-up' : 'measured'}: ${result.errors} errors, first: ${result.firstError}`]
      : [],
  );
}

export const intake: Benchmark = {
  name: 'intake',
  summary: 'applications taken in per second through POST /api/v1/applications against a bare INSERT',
  timeLimitSeconds: () => {
    const { warmupSeconds, durationSeconds } = loadSettings();
    return 240 + 2 * (warmupSeconds + durationSeconds + 30);
  },
  run,
};
