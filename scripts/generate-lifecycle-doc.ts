// Writes docs/lifecycle.md from the transition table in packages/domain/src/lifecycle, so the
// diagram can never drift from the code (packages/domain/test/lifecycle-doc.test.ts checks it).
import { writeFileSync } from 'node:fs';
import { lifecycleDocument } from '../packages/domain/test/lifecycle-doc.ts';

writeFileSync(new URL('../docs/lifecycle.md', import.meta.url), lifecycleDocument());
process.stdout.write('wrote docs/lifecycle.md\n');
