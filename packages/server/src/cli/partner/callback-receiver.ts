import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  computeSignature,
  NONCE_PATTERN,
  PARTNER_HEADERS,
  parseSignatureHeader,
  signaturesEqual,
  TIMESTAMP_PATTERN,
} from '../../platform/partner-signing/partner-signing.ts';

/** The scheme's windows (issue 13, pinned): ±300 s of clock skew; a nonce is remembered for 600 s. */
export const MAX_SKEW_SECONDS = 300;
export const NONCE_MEMORY_SECONDS = 600;

/** A callback as Fayuan sends it (branch D's outbox): one event per POST. */
export interface CallbackEvent {
  id: string;
  cursor: string;
  kind: string;
  occurredAt: string;
  data: unknown;
}

export interface ReceivedCallback {
  event: CallbackEvent;
  keyId: string;
  path: string;
  receivedAt: Date;
}

export type RejectionCode =
  'PARTNER_SIGNATURE_INVALID' | 'PARTNER_TIMESTAMP_SKEW' | 'PARTNER_NONCE_REUSED' | 'PARTNER_KEY_REVOKED';

export interface CallbackReceiverOptions {
  /**
   * Fayuan's outbound secret for this partner (shown once on the 合作机构 page with the key); a
   * function when it is known only after the receiver's address was registered.
   */
  secret: string | (() => string);
  /** Fayuan's outbound key id (`fyo_…`); when given, a callback signed with another key is refused. */
  keyId?: string;
  /** 0 (the default) takes a free port. */
  port?: number;
  host?: string;
  /** Answer 503 to every callback for this many seconds after starting (to show Fayuan's retries). */
  downForSeconds?: number;
  now?: () => Date;
  onCallback?: (callback: ReceivedCallback) => void;
  onRejection?: (code: RejectionCode | 'SERVICE_UNAVAILABLE' | 'BAD_REQUEST', path: string) => void;
}

export interface CallbackReceiver {
  /** http://host:port: register `${url}/…` as the partner's callback URL. */
  url: string;
  port: number;
  /** Every accepted callback, oldest first. */
  received: ReceivedCallback[];
  /** Polls until a received callback satisfies `match` (or throws after `timeoutMs`). */
  waitFor: (match: (callback: ReceivedCallback) => boolean, timeoutMs?: number) => Promise<ReceivedCallback>;
  close: () => Promise<void>;
}

const MESSAGES: Record<RejectionCode | 'SERVICE_UNAVAILABLE' | 'BAD_REQUEST', string> = {
  PARTNER_SIGNATURE_INVALID: 'The signature does not match the request',
  PARTNER_TIMESTAMP_SKEW: 'The timestamp is more than 300 s away from this clock',
  PARTNER_NONCE_REUSED: 'This nonce was already used in the last 600 s',
  PARTNER_KEY_REVOKED: 'The callback was signed with another key',
  SERVICE_UNAVAILABLE: 'The receiver is down (--down-for)',
  BAD_REQUEST: 'The body is not a callback event',
};

/**
 * A partner's endpoint for Fayuan's callbacks: verifies each signed POST exactly as the scheme
 * says — the signature over METHOD, the path with its query as received, the timestamp, the nonce
 * and the raw body's digest; then the timestamp within ±300 s; then the nonce unseen for 600 s —
 * and answers 204, or 401 with the standard error envelope. The nonce is remembered only once the
 * signature holds, so a forger cannot burn nonces.
 */
export async function startCallbackReceiver(options: CallbackReceiverOptions): Promise<CallbackReceiver> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().getTime();
  const seen = new Map<string, number>();
  const received: ReceivedCallback[] = [];

  function reject(res: ServerResponse, status: number, code: keyof typeof MESSAGES, path: string) {
    options.onRejection?.(code, path);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: { code, message: MESSAGES[code] } }));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = req.url ?? '/';
    if (req.method !== 'POST') return reject(res, 401, 'PARTNER_SIGNATURE_INVALID', path);
    const at = now();
    if (options.downForSeconds && at.getTime() - startedAt < options.downForSeconds * 1000)
      return reject(res, 503, 'SERVICE_UNAVAILABLE', path);

    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? undefined : value;
    };
    const keyId = header(PARTNER_HEADERS.key);
    const timestamp = header(PARTNER_HEADERS.timestamp);
    const nonce = header(PARTNER_HEADERS.nonce);
    const signature = parseSignatureHeader(header(PARTNER_HEADERS.signature));
    if (!keyId || !timestamp || !nonce || !signature)
      return reject(res, 401, 'PARTNER_SIGNATURE_INVALID', path);
    if (!TIMESTAMP_PATTERN.test(timestamp) || !NONCE_PATTERN.test(nonce))
      return reject(res, 401, 'PARTNER_SIGNATURE_INVALID', path);
    if (options.keyId && keyId !== options.keyId) return reject(res, 401, 'PARTNER_KEY_REVOKED', path);

    const secret = typeof options.secret === 'function' ? options.secret() : options.secret;
    const expected = computeSignature(signature.algorithm, secret, {
      method: req.method,
      pathWithQuery: path,
      timestamp,
      nonce,
      body: raw,
    });
    if (!signaturesEqual(expected, signature.hex)) return reject(res, 401, 'PARTNER_SIGNATURE_INVALID', path);

    const nowSeconds = Math.floor(at.getTime() / 1000);
    if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SKEW_SECONDS)
      return reject(res, 401, 'PARTNER_TIMESTAMP_SKEW', path);

    for (const [seenNonce, until] of seen) if (until <= at.getTime()) seen.delete(seenNonce);
    const nonceKey = `${keyId}\n${nonce}`;
    if (seen.has(nonceKey)) return reject(res, 401, 'PARTNER_NONCE_REUSED', path);
    seen.set(nonceKey, at.getTime() + NONCE_MEMORY_SECONDS * 1000);

    let event: CallbackEvent;
    try {
      event = parseEvent(raw.toString('utf8'));
    } catch {
      return reject(res, 400, 'BAD_REQUEST', path);
    }
    const callback = { event, keyId, path, receivedAt: at };
    received.push(callback);
    options.onCallback?.(callback);
    res.writeHead(204);
    res.end();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';

  async function waitFor(match: (callback: ReceivedCallback) => boolean, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = received.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching callback within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    received,
    waitFor,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > 1_000_000) throw new Error('callback body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function parseEvent(text: string): CallbackEvent {
  const value = JSON.parse(text) as Partial<CallbackEvent> | null;
  if (!value || typeof value !== 'object' || typeof value.kind !== 'string')
    throw new Error('not a callback event');
  return {
    id: String(value.id ?? ''),
    cursor: String(value.cursor ?? ''),
    kind: value.kind,
    occurredAt: String(value.occurredAt ?? ''),
    data: value.data ?? null,
  };
}
