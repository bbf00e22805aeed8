/**
 * `npm run partner -- <command>`: the partner simulator (issue 13). Acts as a court or police
 * partner against a running Fayuan; the pieces live in `cli/partner/` (client, callback receiver,
 * examples) so the tests, the benchmark and the browser journey use the same code.
 */
import { runPartnerCli } from './partner/commands.ts';

const controller = new AbortController();
process.on('SIGINT', () => controller.abort());
process.on('SIGTERM', () => controller.abort());

const code = await runPartnerCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  env: process.env,
  signal: controller.signal,
});
process.exit(code);
