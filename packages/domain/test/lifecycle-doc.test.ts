import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { lifecycleDocument } from './lifecycle-doc.ts';

it('docs/lifecycle.md matches the transition table (regenerate with scripts/generate-lifecycle-doc.ts)', () => {
  const onDisk = readFileSync(new URL('../../../docs/lifecycle.md', import.meta.url), 'utf8');
  expect(onDisk).toBe(lifecycleDocument());
});
