import type { PartnerSignatureAlgorithm } from '@fayuan/domain';
import { signRequest } from '../../platform/partner-signing/partner-signing.ts';

/** The partner API's mount point; paths given to `PartnerClient.request` are relative to it. */
export const PARTNER_API_PREFIX = '/api/partner/v1';

export interface PartnerCredentials {
  /** http://host:port of a running Fayuan, no trailing slash needed. */
  url: string;
  keyId: string;
  secret: string;
  algorithm?: PartnerSignatureAlgorithm;
}

export interface PartnerResponse {
  status: number;
  headers: Record<string, string>;
  /** The parsed JSON body, the text when it is not JSON, or the bytes of a PDF (`raw`). */
  body: unknown;
  raw: Buffer;
  contentType: string;
}

export interface RequestOptions {
  idempotencyKey?: string;
  /** Reuse a nonce (the `replay-nonce` demonstration); a fresh one otherwise. */
  nonce?: string;
  now?: Date;
}

/**
 * A partner's side of the door (issue 13): signs each request with the pinned scheme
 * (platform/partner-signing, never re-implemented here) and sends it with fetch. The simulator
 * CLI, the benchmark and the browser journey use this one class.
 */
export class PartnerClient {
  readonly origin: string;

  constructor(readonly credentials: PartnerCredentials) {
    this.origin = credentials.url.replace(/\/+$/, '');
  }

  /** The path actually signed and sent: the prefix is added unless the path already carries it. */
  fullPath(pathWithQuery: string): string {
    if (pathWithQuery.startsWith(PARTNER_API_PREFIX)) return pathWithQuery;
    return PARTNER_API_PREFIX + (pathWithQuery.startsWith('/') ? '' : '/') + pathWithQuery;
  }

  /** The four signature headers (plus content type and idempotency key) for one request. */
  headersFor(method: string, pathWithQuery: string, raw: string | undefined, options: RequestOptions = {}) {
    const headers: Record<string, string> = signRequest({
      keyId: this.credentials.keyId,
      secret: this.credentials.secret,
      algorithm: this.credentials.algorithm ?? 'hmac-sha256',
      method,
      pathWithQuery: this.fullPath(pathWithQuery),
      body: raw,
      now: options.now,
      nonce: options.nonce,
    });
    if (raw !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    return headers;
  }

  async request(
    method: string,
    pathWithQuery: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<PartnerResponse> {
    const raw = body === undefined ? undefined : JSON.stringify(body);
    const path = this.fullPath(pathWithQuery);
    const response = await fetch(this.origin + path, {
      method,
      headers: this.headersFor(method, pathWithQuery, raw, options),
      body: raw,
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, headers, body: decode(bytes, contentType), raw: bytes, contentType };
  }
}

function decode(bytes: Buffer, contentType: string): unknown {
  if (contentType.includes('json')) {
    try {
      return JSON.parse(bytes.toString('utf8')) as unknown;
    } catch {
      return bytes.toString('utf8');
    }
  }
  if (contentType.startsWith('text/')) return bytes.toString('utf8');
  return bytes;
}

/** The standard error envelope's code and message, when the body is one. */
export function errorOf(body: unknown): { code: string; message: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' ? { code, message: typeof message === 'string' ? message : '' } : null;
}
