import fs from 'node:fs/promises';
import path from 'node:path';
import { openApiDocument } from '../openapi-document.ts';
import { API_TYPES_FILE, generateApiTypes } from './api-types.ts';

/**
 * `npm run openapi -- <file>`: writes the OpenAPI document (JSON) without a database or a port.
 * `npm run api:types`: regenerates packages/web/src/api/schema.gen.ts from it.
 */
async function main(args: string[]): Promise<void> {
  const document = await openApiDocument();
  if (args[0] === '--types') {
    await fs.writeFile(API_TYPES_FILE, await generateApiTypes(document));
    process.stdout.write(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)}\n`);
    return;
  }
  const out = args[0] ?? 'openapi.json';
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await fs.writeFile(out, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`wrote ${out}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`openapi failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
