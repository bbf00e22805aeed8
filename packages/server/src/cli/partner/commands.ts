import fs from 'node:fs/promises';
import { newNonce } from '../../platform/partner-signing/partner-signing.ts';
import { parseArgs, USAGE, UsageError, wholeNumber, type ParsedArgs } from './args.ts';
import { startCallbackReceiver } from './callback-receiver.ts';
import { errorOf, PartnerClient, type PartnerResponse } from './client.ts';
import { exampleNotice, NOTICE_EXAMPLES, noticeProblems, type NoticeExample } from './examples.ts';

export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  /** Ends `listen` and `events --follow` (SIGINT in the real CLI). */
  signal?: AbortSignal;
  /** Called once `listen` is accepting callbacks, with its address. */
  onListening?: (url: string) => void;
}

/** Runs one simulator command and returns its exit code (0 ok, 1 refused, 2 usage). */
export async function runPartnerCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, io.env);
    if (args.command === 'help') {
      io.out(USAGE);
      return EXIT.ok;
    }
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    io.err(`error: ${describeFailure(error)}`);
    return EXIT.refused;
  }
}

/** fetch's "fetch failed" names its cause (ECONNREFUSED, ENOTFOUND…) only inside `cause`. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail =
    typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return detail ? `${error.message} (${detail}): is Fayuan running at that address?` : error.message;
}

function clientOf(args: ParsedArgs): PartnerClient {
  if (!args.keyId) throw new UsageError('no key: give --key or FAYUAN_PARTNER_KEY');
  if (!args.secret) throw new UsageError('no secret: give --secret or FAYUAN_PARTNER_SECRET');
  return new PartnerClient({
    url: args.url,
    keyId: args.keyId,
    secret: args.secret,
    algorithm: args.algorithm,
  });
}

/** Prints a JSON answer; a refusal prints the envelope's code and message and gives exit 1. */
function report(response: PartnerResponse, io: CliIo): number {
  if (response.status >= 200 && response.status < 300) {
    if (response.status !== 204) io.out(JSON.stringify(response.body, null, 2));
    return EXIT.ok;
  }
  const error = errorOf(response.body);
  const retry = response.headers['retry-after'] ? ` (Retry-After: ${response.headers['retry-after']} s)` : '';
  io.err(
    error
      ? `${response.status} ${error.code}: ${error.message}${retry}`
      : `${response.status}: ${typeof response.body === 'string' ? response.body : 'no error envelope'}${retry}`,
  );
  return EXIT.refused;
}

async function readJsonFile(file: string | undefined, flag = '--file'): Promise<unknown> {
  if (!file) throw new UsageError(`${flag} is required`);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(`${file} is not valid JSON`);
  }
}

/** The notice body `send-notice` sends: from `--file`, or one of the examples (default death-penalty review). */
export async function noticeBodyOf(args: ParsedArgs): Promise<unknown> {
  if (args.flags.file && args.flags.example) throw new UsageError('give --file or --example, not both');
  if (args.flags.file) return readJsonFile(args.flags.file);
  const example = args.flags.example ?? 'death-penalty-review';
  if (!(NOTICE_EXAMPLES as readonly string[]).includes(example))
    throw new UsageError(`--example must be one of ${NOTICE_EXAMPLES.join(', ')}`);
  return exampleNotice(example as NoticeExample);
}

/** A documents[].url may be absolute; only its path and query are signed and sent. */
export function pathOf(target: string): string {
  if (/^https?:\/\//.test(target)) {
    const url = new URL(target);
    return url.pathname + url.search;
  }
  return target;
}

async function run(args: ParsedArgs, io: CliIo): Promise<number> {
  switch (args.command) {
    case 'whoami':
      return report(await clientOf(args).request('GET', '/whoami'), io);
    case 'send-notice': {
      const client = clientOf(args);
      const body = await noticeBodyOf(args);
      const problems = noticeProblems(body);
      if (problems.length > 0)
        throw new UsageError(`the notice is missing or has wrong fields:\n  ${problems.join('\n  ')}`);
      return report(
        await client.request('POST', '/criminal-notices', body, {
          idempotencyKey: args.flags['idempotency-key'],
        }),
        io,
      );
    }
    case 'status': {
      const [id] = args.positionals;
      if (!id) throw new UsageError('status needs the notice id');
      return report(await clientOf(args).request('GET', `/criminal-notices/${encodeURIComponent(id)}`), io);
    }
    case 'fetch': {
      const [target] = args.positionals;
      if (!target) throw new UsageError('fetch needs the letter path (a documents[].url)');
      if (!args.flags.out) throw new UsageError('fetch needs --out <file>');
      const response = await clientOf(args).request('GET', pathOf(target));
      if (response.status !== 200) return report(response, io);
      await fs.writeFile(args.flags.out, response.raw);
      io.out(`${args.flags.out}: ${response.raw.length} bytes, ${response.contentType}`);
      return EXIT.ok;
    }
    case 'events':
      return events(args, io);
    case 'listen':
      return listen(args, io);
    case 'replay-nonce': {
      const client = clientOf(args);
      const nonce = newNonce();
      const first = await client.request('GET', '/whoami', undefined, { nonce });
      io.out(`first  request, nonce ${nonce}: ${first.status}`);
      const second = await client.request('GET', '/whoami', undefined, { nonce });
      const error = errorOf(second.body);
      io.out(
        `second request, same nonce: ${second.status} ${error ? `${error.code}: ${error.message}` : ''}`.trimEnd(),
      );
      return first.status === 200 && second.status === 401 && error?.code === 'PARTNER_NONCE_REUSED'
        ? EXIT.ok
        : EXIT.refused;
    }
    case 'forward-application':
    case 'request-duty-lawyer': {
      const client = clientOf(args);
      const body = await readJsonFile(args.flags.file);
      const path =
        args.command === 'forward-application' ? '/forwarded-applications' : '/duty-lawyer-requests';
      return report(
        await client.request('POST', path, body, { idempotencyKey: args.flags['idempotency-key'] }),
        io,
      );
    }
    case 'answer-opinion': {
      const [id] = args.positionals;
      if (!id) throw new UsageError('answer-opinion needs the opinionRequestId of the event');
      const body = await readJsonFile(args.flags.file);
      return report(
        await clientOf(args).request('POST', `/opinions/${encodeURIComponent(id)}/answer`, body, {
          idempotencyKey: args.flags['idempotency-key'],
        }),
        io,
      );
    }
    case 'help':
      io.out(USAGE);
      return EXIT.ok;
  }
}

async function events(args: ParsedArgs, io: CliIo): Promise<number> {
  const client = clientOf(args);
  let after = args.flags.after;
  for (;;) {
    const response = await client.request(
      'GET',
      after ? `/events?after=${encodeURIComponent(after)}` : '/events',
    );
    if (response.status !== 200) return report(response, io);
    const page = response.body as { events?: unknown[]; nextCursor?: string | null };
    for (const event of page.events ?? []) io.out(JSON.stringify(event));
    if (page.nextCursor) after = page.nextCursor;
    if (!args.flags.follow) {
      if (after) io.err(`next: --after ${after}`);
      return EXIT.ok;
    }
    if ((page.events ?? []).length === 0 && !(await pause(2000, io.signal))) return EXIT.ok;
  }
}

/** Waits `ms`; false when the signal ended the wait. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve(true);
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

async function listen(args: ParsedArgs, io: CliIo): Promise<number> {
  if (!args.callbackSecret)
    throw new UsageError('no callback secret: give --callback-secret or FAYUAN_CALLBACK_SECRET');
  const receiver = await startCallbackReceiver({
    secret: args.callbackSecret,
    keyId: args.flags['callback-key'],
    port: wholeNumber('port', args.flags.port, 0),
    downForSeconds: wholeNumber('down-for', args.flags['down-for'], 0),
    onCallback: ({ event }) => io.out(JSON.stringify(event)),
    onRejection: (code, path) => io.err(`refused ${path}: ${code}`),
  });
  io.err(`listening on ${receiver.url} (register it as the partner's callback URL)`);
  io.onListening?.(receiver.url);
  await new Promise<void>((resolve) => {
    if (!io.signal || io.signal.aborted) {
      if (io.signal?.aborted) resolve();
      return; // no signal: runs until the process is stopped
    }
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await receiver.close();
  return EXIT.ok;
}
