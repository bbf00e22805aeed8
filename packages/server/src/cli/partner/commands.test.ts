import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeSignature,
  PARTNER_HEADERS,
  parseSignatureHeader,
  signaturesEqual,
} from '../../platform/partner-signing/partner-signing.ts';
import { parseArgs, UsageError } from './args.ts';
import { EXIT, pathOf, runPartnerCli } from './commands.ts';
import { exampleNotice, noticeProblems } from './examples.ts';

/**
 * Until the partner door (branch A) is merged, the CLI is run against a stand-in on a real socket
 * that checks each request with the pinned scheme's own functions and answers as the contract
 * pins; the signed HTTP integration tests against the real door come with the merge.
 */
const KEY = 'fyp_simulator_test';
const SECRET = 'simulator-secret-0123456789';
let door: Server;
let url: string;
const seen = new Set<string>();
const received: Array<{ method: string; path: string; body: unknown; idempotencyKey?: string }> = [];

beforeAll(async () => {
  door = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const h = (name: string) => req.headers[name] as string | undefined;
      const refuse = (status: number, code: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code, message: `refused: ${code}`, requestId: 'r1' } }));
      };
      const signature = parseSignatureHeader(h(PARTNER_HEADERS.signature));
      const timestamp = h(PARTNER_HEADERS.timestamp) ?? '';
      const nonce = h(PARTNER_HEADERS.nonce) ?? '';
      if (h(PARTNER_HEADERS.key) !== KEY || !signature) return refuse(401, 'PARTNER_SIGNATURE_INVALID');
      const expected = computeSignature(signature.algorithm, SECRET, {
        method: req.method!,
        pathWithQuery: req.url!,
        timestamp,
        nonce,
        body: raw,
      });
      if (!signaturesEqual(expected, signature.hex)) return refuse(401, 'PARTNER_SIGNATURE_INVALID');
      if (seen.has(nonce)) return refuse(401, 'PARTNER_NONCE_REUSED');
      seen.add(nonce);
      const body = raw.length ? (JSON.parse(raw.toString()) as unknown) : undefined;
      received.push({ method: req.method!, path: req.url!, body, idempotencyKey: h('idempotency-key') });
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.url === '/api/partner/v1/whoami') return json(200, { partnerId: 'p1', kind: 'court' });
      if (req.method === 'POST' && req.url === '/api/partner/v1/criminal-notices')
        return json(201, {
          id: 'n1',
          receivedAt: '2026-12-04T08:00:00Z',
          assignmentDueDate: '2026-12-07',
          status: 'received',
        });
      if (req.url === '/api/partner/v1/criminal-notices/n1/documents/d1') {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        return res.end(Buffer.from('%PDF-1.7 test'));
      }
      if (req.url?.startsWith('/api/partner/v1/events'))
        return json(200, { events: [{ id: 'e1', cursor: '5', kind: 'handler_assigned' }], nextCursor: '5' });
      if (req.url === '/api/partner/v1/duty-lawyer-requests')
        return refuse(403, 'PARTNER_OPERATION_FORBIDDEN');
      if (req.method === 'POST' && req.url === '/api/partner/v1/opinions/o1/answer')
        return json(200, { id: 'o1', status: 'answered' });
      return refuse(404, 'NOT_FOUND');
    });
  });
  await new Promise<void>((resolve) => door.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(door.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => door.close(() => resolve())));

async function cli(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPartnerCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: { FAYUAN_URL: url, FAYUAN_PARTNER_KEY: KEY, FAYUAN_PARTNER_SECRET: SECRET, ...env },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('partner simulator: arguments', () => {
  it('reads flags before env, defaults the url and the algorithm', () => {
    const args = parseArgs(['status', 'n1', '--key', 'k1', '--algorithm=hmac-sm3'], {
      FAYUAN_PARTNER_KEY: 'from-env',
      FAYUAN_PARTNER_SECRET: 's',
    });
    expect(args).toMatchObject({
      command: 'status',
      positionals: ['n1'],
      keyId: 'k1',
      secret: 's',
      algorithm: 'hmac-sm3',
    });
    expect(parseArgs(['whoami'], {}).url).toBe('http://127.0.0.1:3000');
    expect(parseArgs(['events', '--follow'], {}).flags.follow).toBe(true);
  });

  it('answers exit 2 with the usage for every mistake in the call', async () => {
    for (const argv of [
      [],
      ['launch'],
      ['whoami', '--colour', 'red'],
      ['whoami', '--algorithm', 'hmac-md5'],
      ['whoami', '--url', 'ftp://x'],
      ['send-notice', '--example', 'appeal'],
      ['send-notice', '--file'],
      ['status'],
      ['fetch', '/x'],
      ['listen'],
      ['listen', '--callback-secret', 's', '--port', 'eighty'],
      ['forward-application'],
    ]) {
      const result = await cli(argv);
      expect({ argv, code: result.code }).toEqual({ argv, code: EXIT.usage });
      expect(result.err).toContain('npm run partner -- <command>');
    }
    const noKey = await runPartnerCli(['whoami'], { out: () => {}, err: () => {}, env: {} });
    expect(noKey).toBe(EXIT.usage);
    expect(() => parseArgs(['whoami', '--follow=yes'], {})).toThrow(UsageError);
    expect((await cli(['--help'])).code).toBe(EXIT.ok);
  });

  it('takes a letter url as given in documents[].url, absolute or not', () => {
    expect(pathOf('http://fayuan.example/api/partner/v1/criminal-notices/n1/documents/d1?x=1')).toBe(
      '/api/partner/v1/criminal-notices/n1/documents/d1?x=1',
    );
    expect(pathOf('/criminal-notices/n1/documents/d1')).toBe('/criminal-notices/n1/documents/d1');
  });
});

describe('partner simulator: the notice examples', () => {
  it('build bodies with every pinned notice field, a fresh case number each time', () => {
    const review = exampleNotice('death-penalty-review');
    expect(review).toMatchObject({ stage: 'death_penalty_review', ground: 'death_penalty_review' });
    expect(review.charges.length).toBeGreaterThan(0);
    expect(review.defendant).toMatchObject({ detained: true });
    expect(typeof review.defendant.name).toBe('string');
    expect(noticeProblems(review)).toEqual([]);
    const first = exampleNotice('first-instance');
    expect(first).toMatchObject({ stage: 'trial_first_instance', ground: 'life_or_death_sentence' });
    expect(noticeProblems(first)).toEqual([]);
    expect(exampleNotice('first-instance').institutionCaseNumber).not.toBe(first.institutionCaseNumber);
  });

  it('names each missing or wrong field', () => {
    expect(noticeProblems({ stage: 'appeal', ground: 'x', charges: [], defendant: { sex: 'x' } })).toEqual([
      'institutionCaseNumber: a non-empty string',
      expect.stringContaining('stage: one of'),
      expect.stringContaining('ground: one of'),
      'charges: at least one charge',
      'defendant.name: a non-empty string',
      'defendant.detained: true or false',
      'defendant.sex: one of male, female',
    ]);
    expect(noticeProblems([])).toEqual(['the notice is not a JSON object']);
  });
});

describe('partner simulator: commands over a real socket', () => {
  it('whoami and send-notice sign their requests; the 201 answer is printed; exit 0', async () => {
    expect(await cli(['whoami'])).toMatchObject({ code: EXIT.ok, out: expect.stringContaining('"court"') });
    const sent = await cli([
      'send-notice',
      '--example',
      'death-penalty-review',
      '--idempotency-key',
      'k-1',
      '--algorithm',
      'hmac-sm3',
    ]);
    expect(sent.code).toBe(EXIT.ok);
    expect(JSON.parse(sent.out)).toMatchObject({ id: 'n1', status: 'received' });
    const last = received.at(-1)!;
    expect(last).toMatchObject({
      method: 'POST',
      path: '/api/partner/v1/criminal-notices',
      idempotencyKey: 'k-1',
    });
    expect(noticeProblems(last.body)).toEqual([]);
  });

  it('send-notice --file sends the file, and refuses a file that lacks the pinned fields (exit 2)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'partner-sim-'));
    const good = path.join(dir, 'notice.json');
    const bad = path.join(dir, 'bad.json');
    await fs.writeFile(
      good,
      JSON.stringify(exampleNotice('first-instance', { institutionCaseNumber: 'F-1' })),
    );
    await fs.writeFile(bad, JSON.stringify({ stage: 'trial_first_instance' }));
    expect((await cli(['send-notice', '--file', good])).code).toBe(EXIT.ok);
    expect(received.at(-1)!.body).toMatchObject({ institutionCaseNumber: 'F-1' });
    const refused = await cli(['send-notice', '--file', bad]);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.err).toContain('defendant: an object');
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('fetch writes the letter; events prints one line per event and the next cursor', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'partner-sim-'));
    const out = path.join(dir, 'letter.pdf');
    const fetched = await cli([
      'fetch',
      `${url}/api/partner/v1/criminal-notices/n1/documents/d1`,
      '--out',
      out,
    ]);
    expect(fetched.code).toBe(EXIT.ok);
    expect((await fs.readFile(out)).subarray(0, 4).toString()).toBe('%PDF');
    await fs.rm(dir, { recursive: true, force: true });
    const events = await cli(['events', '--after', '4']);
    expect(events).toMatchObject({ code: EXIT.ok, err: 'next: --after 5' });
    expect(JSON.parse(events.out)).toMatchObject({ kind: 'handler_assigned' });
    expect(received.at(-1)!.path).toBe('/api/partner/v1/events?after=4');
  });

  it('a refusal prints the envelope code and message and exits 1; so does an unreachable server', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'partner-sim-'));
    const file = path.join(dir, 'duty.json');
    await fs.writeFile(file, '{"suspect":{"name":"x"}}');
    expect(await cli(['request-duty-lawyer', '--file', file])).toMatchObject({
      code: EXIT.refused,
      err: '403 PARTNER_OPERATION_FORBIDDEN: refused: PARTNER_OPERATION_FORBIDDEN',
    });
    expect(await cli(['whoami', '--secret', 'wrong'])).toMatchObject({
      code: EXIT.refused,
      err: expect.stringContaining('401 PARTNER_SIGNATURE_INVALID'),
    });
    expect((await cli(['status', 'missing'])).code).toBe(EXIT.refused);
    expect((await cli(['whoami', '--url', 'http://127.0.0.1:9'])).code).toBe(EXIT.refused);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('answer-opinion posts the answer to the request of the event opinion_requested', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'partner-sim-'));
    const file = path.join(dir, 'answer.json');
    const answer = { ratings: { punctuality: 4, overall: 4 }, comment: '总体较好' };
    await fs.writeFile(file, JSON.stringify(answer));
    const answered = await cli(['answer-opinion', 'o1', '--file', file, '--idempotency-key', 'ans-1']);
    expect(answered.code).toBe(EXIT.ok);
    expect(JSON.parse(answered.out)).toEqual({ id: 'o1', status: 'answered' });
    expect(received.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/partner/v1/opinions/o1/answer',
      body: answer,
      idempotencyKey: 'ans-1',
    });
    expect((await cli(['answer-opinion', '--file', file])).code).toBe(EXIT.usage);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('replay-nonce shows the second request refused with PARTNER_NONCE_REUSED', async () => {
    const replay = await cli(['replay-nonce']);
    expect(replay.code).toBe(EXIT.ok);
    expect(replay.out).toMatch(
      /^first {2}request, nonce [A-Za-z0-9_-]{16,64}: 200\nsecond request, same nonce: 401 PARTNER_NONCE_REUSED/,
    );
  });

  it('listen receives until stopped', async () => {
    const controller = new AbortController();
    let listening = '';
    const run = runPartnerCli(['listen', '--callback-secret', 'cb'], {
      out: () => {},
      err: () => {},
      env: {},
      signal: controller.signal,
      onListening: (address) => {
        listening = address;
        controller.abort();
      },
    });
    expect(await run).toBe(EXIT.ok);
    expect(listening).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
