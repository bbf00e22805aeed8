#!/usr/bin/env node
/* global process, Buffer */
// `npm test`: the browser journeys and the other tests in two vitest runs side by side.
//
// On the 2-core machines the suite runs on, one vitest run gives every project a single worker
// (vitest's default is cores − 1), and the e2e project — one worker, files one after another,
// not isolated — takes that worker's whole group: the server and domain files waited for the
// journeys to end (docs/benchmarks.md, "Test suite time"). Two runs let them share the machine.
// Each run has its own global setup (its own template database, or its own embedded server).
//
// With arguments (`npm test -- e2e/rules.test.ts`) it is one plain `vitest run` with them.
import { spawn } from 'node:child_process';

const vitest = ['node_modules/vitest/vitest.mjs', 'run'];
const args = process.argv.slice(2);

/** Runs vitest; `live` output is streamed as it comes (and kept), the other kept for later. */
function run(extra, { live }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...vitest, ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    const chunks = [];
    const keep = (stream) => (c) => {
      chunks.push(c);
      if (live) stream.write(c);
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString('utf8') }),
    );
  });
}

if (args.length > 0) {
  const { code } = await run(args, { live: true });
  process.exit(code);
}

// The journeys stream as they run; the other run's report follows when both are done.
const [journeys, others] = await Promise.all([
  run(['--project', 'e2e'], { live: true }),
  run(['--project', 'domain', '--project', 'server'], { live: false }),
]);
process.stdout.write('\n──── domain and server tests ────\n');
process.stdout.write(others.output);

// Each run prints `tests: N passed, N failed` (summary-reporter.ts); the last line is both together.
const counts = (text) => {
  const m = /tests: (\d+) passed, (\d+) failed/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : [0, 1];
};
const [e2ePassed, e2eFailed] = counts(journeys.output);
const [otherPassed, otherFailed] = counts(others.output);
const code = journeys.code || others.code;
const failed = e2eFailed + otherFailed + (code !== 0 && e2eFailed + otherFailed === 0 ? 1 : 0);
process.stdout.write(`\ntests: ${e2ePassed + otherPassed} passed, ${failed} failed\n`);
process.exit(code);
