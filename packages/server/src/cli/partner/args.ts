import { PARTNER_SIGNATURE_ALGORITHMS, type PartnerSignatureAlgorithm } from '@fayuan/domain';
import { isSignatureAlgorithm } from '../../platform/partner-signing/partner-signing.ts';

export const COMMANDS = [
  'whoami',
  'send-notice',
  'status',
  'fetch',
  'events',
  'listen',
  'replay-nonce',
  'forward-application',
  'request-duty-lawyer',
  'answer-opinion',
  'help',
] as const;
export type Command = (typeof COMMANDS)[number];

/** Flags that take a value; `--follow` and `--help` take none. */
const VALUE_FLAGS = [
  'url',
  'key',
  'secret',
  'algorithm',
  'callback-secret',
  'callback-key',
  'file',
  'example',
  'idempotency-key',
  'out',
  'after',
  'port',
  'down-for',
] as const;
const BOOLEAN_FLAGS = ['follow', 'help'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
type BooleanFlag = (typeof BOOLEAN_FLAGS)[number];

export interface ParsedArgs {
  command: Command;
  positionals: string[];
  flags: Partial<Record<ValueFlag, string>> & Partial<Record<BooleanFlag, true>>;
  url: string;
  keyId: string | undefined;
  secret: string | undefined;
  algorithm: PartnerSignatureAlgorithm;
  callbackSecret: string | undefined;
}

/** A mistake in how the CLI was called: exit code 2 with the usage text. */
export class UsageError extends Error {}

export const DEFAULT_URL = 'http://127.0.0.1:3000';

export const USAGE = `npm run partner -- <command> [flags]

Acts as a court or police partner against a running Fayuan (partner API /api/partner/v1).

Commands
  whoami                                  the partner the key belongs to
  send-notice [--file notice.json | --example death-penalty-review|first-instance]
              [--idempotency-key K]       POST /criminal-notices, prints the 201 answer
  status <noticeId>                       GET /criminal-notices/{id}
  fetch <path> --out file.pdf             signed GET of a letter (a documents[].url)
  events [--after cursor] [--follow]      GET /events, one JSON line per event
  listen [--port N] [--callback-key fyo_…] [--down-for seconds]
                                          receives Fayuan's callbacks, verifies them (204 or 401)
  replay-nonce                            sends whoami twice with one nonce: 401 PARTNER_NONCE_REUSED
  forward-application --file body.json    POST /forwarded-applications
  request-duty-lawyer --file body.json    POST /duty-lawyer-requests
  answer-opinion <opinionRequestId> --file answer.json [--idempotency-key K]
                                          POST /opinions/{id}/answer (event opinion_requested)

Flags (or environment)
  --url              FAYUAN_URL              default ${DEFAULT_URL}
  --key              FAYUAN_PARTNER_KEY      the partner's key id
  --secret           FAYUAN_PARTNER_SECRET   its secret (shown once on the 合作机构 page)
  --algorithm        hmac-sha256 (default) or hmac-sm3
  --callback-secret  FAYUAN_CALLBACK_SECRET  Fayuan's outbound secret, for listen

Exit codes: 0 done, 1 refused (the error's code and message are printed), 2 usage.`;

export function parseArgs(argv: readonly string[], env: Record<string, string | undefined>): ParsedArgs {
  const positionals: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if ((BOOLEAN_FLAGS as readonly string[]).includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags[name as BooleanFlag] = true;
    } else if ((VALUE_FLAGS as readonly string[]).includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new UsageError(`--${name} needs a value`);
      flags[name as ValueFlag] = value;
    } else {
      throw new UsageError(`unknown flag --${name}`);
    }
  }
  const [first, ...rest] = positionals;
  const command = flags.help && first === undefined ? 'help' : first;
  if (command === undefined) throw new UsageError('no command given');
  if (!(COMMANDS as readonly string[]).includes(command))
    throw new UsageError(`unknown command "${command}"`);
  const algorithm = flags.algorithm ?? 'hmac-sha256';
  if (!isSignatureAlgorithm(algorithm))
    throw new UsageError(`--algorithm must be one of ${PARTNER_SIGNATURE_ALGORITHMS.join(', ')}`);
  const url = flags.url ?? env.FAYUAN_URL ?? DEFAULT_URL;
  if (!/^https?:\/\/[^/]+/.test(url)) throw new UsageError(`--url must be an http(s) address, not "${url}"`);
  return {
    command: command as Command,
    positionals: rest,
    flags,
    url,
    keyId: flags.key ?? env.FAYUAN_PARTNER_KEY,
    secret: flags.secret ?? env.FAYUAN_PARTNER_SECRET,
    algorithm,
    callbackSecret: flags['callback-secret'] ?? env.FAYUAN_CALLBACK_SECRET,
  };
}

/** A whole non-negative number of a flag (`--port`, `--down-for`). */
export function wholeNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,6}$/.test(value)) throw new UsageError(`--${flag} must be a whole number`);
  return Number(value);
}
