import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LOCALES } from '@fayuan/domain';
import { RENDERABLE_KINDS, renderDocument } from '../platform/documents/pdf/index.ts';
import { SAMPLES } from '../platform/documents/pdf/samples.ts';

/**
 * `npm run doc:sample -w @fayuan/server [-- <folder>]`: writes each kind's sample document, in
 * every locale, to a folder (default: fayuan-documents in the temp folder) for a person to look at.
 */
async function main(): Promise<void> {
  const folder = process.argv[2] ?? path.join(os.tmpdir(), 'fayuan-documents');
  await mkdir(folder, { recursive: true });
  for (const locale of LOCALES) {
    for (const kind of RENDERABLE_KINDS) {
      const file = path.join(folder, `${kind}.${locale}.pdf`);
      await writeFile(file, await renderDocument(kind, SAMPLES[kind], locale));
      process.stdout.write(`${file}\n`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`doc:sample failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
