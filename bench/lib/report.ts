/** Printing helpers shared by the benchmarks' reports. */
import { createRequire } from 'node:module';
import os from 'node:os';
import type { LatencyMs, PhaseResult } from './load.ts';
import type { SqlPhase } from './sql-load.ts';

/** Right-aligned columns except the first, under a header and a rule. */
export function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    '  ' +
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function ms(value: number | undefined): string {
  return value === undefined ? '-' : value.toFixed(2);
}

/** The header lines every report starts with: date, machine, load, client settings. */
export function contextLines(loadBefore: number, database: string, client: string): string[] {
  const require = createRequire(import.meta.url);
  const autocannon = (require('autocannon/package.json') as { version: string }).version;
  const cpus = os.cpus();
  return [
    `  date      ${new Date().toISOString()}`,
    `  machine   ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${os.type()} ${os.release()}, Node ${process.version}, autocannon ${autocannon}`,
    `  load      1-minute load average ${loadBefore.toFixed(2)} before, ${(os.loadavg()[0] ?? 0).toFixed(2)} after`,
    `  database  ${database}`,
    `  client    ${client}`,
  ];
}

/** One report row's figures from an HTTP phase or a SQL phase. */
export interface Figures {
  perSecond: number;
  count: number;
  errors: number;
  latencyMs: LatencyMs | null;
}

export function httpFigures(phase: PhaseResult): Figures {
  return {
    perSecond: phase.rpsMean,
    count: phase.ok2xx,
    errors: phase.errors + phase.mismatches + phase.non2xx,
    latencyMs: phase.latencyMs,
  };
}

export function sqlFigures(phase: SqlPhase): Figures {
  return {
    perSecond: phase.perSecond,
    count: phase.statements,
    errors: phase.errors,
    latencyMs: phase.latencyMs,
  };
}

/** `subject / baseline` for rate and latency percentiles, as one line. */
export function ratioLine(label: string, subject: Figures, baseline: Figures): string {
  const rate = subject.perSecond / baseline.perSecond;
  const times = (p: 'p50' | 'p95' | 'p99') =>
    ((subject.latencyMs?.[p] ?? NaN) / (baseline.latencyMs?.[p] ?? NaN)).toFixed(1);
  return (
    `  ${label}  rate ${rate.toFixed(3)} (${(rate * 100).toFixed(1)}% of the baseline's)   ` +
    `latency p50 ${times('p50')}x  p95 ${times('p95')}x  p99 ${times('p99')}x`
  );
}

/** One target's measurement: the route through HTTP and the bare SELECT, each warm-up and measured. */
export interface MeasuredPair {
  variant: { label: string };
  subject: { warmup: PhaseResult | null; measured: PhaseResult };
  baseline: { warmup: SqlPhase | null; measured: SqlPhase };
}

/**
 * Throws unless every answer of the run was a 2xx with the expected body and no bare SELECT
 * failed: a run with errors measures something else. A warm-up may end before its first answer
 * when one takes seconds; the measured phase may not.
 */
export function assertValidRun(results: readonly MeasuredPair[]): void {
  const problems: string[] = [];
  for (const { variant, subject, baseline } of results) {
    for (const [phase, result] of [
      ['warm-up', subject.warmup],
      ['measured', subject.measured],
    ] as const) {
      if (!result) continue;
      const none = phase === 'measured' && result.ok2xx === 0;
      if (result.non2xx > 0 || result.errors > 0 || result.mismatches > 0 || none)
        problems.push(
          `${variant.label} ${phase}: ${result.ok2xx} × 2xx, ${result.non2xx} non-2xx ${JSON.stringify(result.statusCodes)}, ` +
            `${result.errors} errors, ${result.mismatches} unexpected bodies`,
        );
    }
    for (const result of [baseline.warmup, baseline.measured])
      if (result && result.errors > 0)
        problems.push(`${variant.label} bare SELECT: ${result.errors} errors, first: ${result.firstError}`);
  }
  if (problems.length > 0) throw new Error(`the run is not valid:\n  ${problems.join('\n  ')}`);
}
