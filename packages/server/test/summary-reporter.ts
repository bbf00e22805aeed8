import type { Reporter, TestModule } from 'vitest/node';

/** Prints the plain closing line `tests: N passed, N failed` that CI reads in any language. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of modules)
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
    const failedModules = modules.filter((m) => m.state() === 'failed' && m.children.size === 0).length;
    process.stdout.write(
      `\ntests: ${passed} passed, ${failed + failedModules} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
}
