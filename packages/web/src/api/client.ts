import i18n from '../i18n';

/** The error envelope every API error answers with. */
interface ErrorEnvelope {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

/** An API failure: `code` is stable (switch on it), `message` is for people (already localised). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, details?: unknown, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export const API_BASE = '/api/v1';

// The CSRF token lives in memory only (never in storage); it comes back from login and GET /me.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A file sent as the raw request body with its own content type (attachments). */
  file?: Blob;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** GET /me answers with the session's CSRF token; used once when a write was refused for a stale token. */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await fetch(`${API_BASE}/me`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return false;
    const body = (await response.json()) as { csrfToken?: unknown };
    if (typeof body.csrfToken !== 'string') return false;
    csrfToken = body.csrfToken;
    return true;
  } catch {
    return false;
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(method, path, options);
  } catch (error) {
    const write = method !== 'GET' && method !== 'HEAD';
    if (
      write &&
      error instanceof ApiError &&
      error.code === 'CSRF_TOKEN_INVALID' &&
      (await refreshCsrfToken())
    ) {
      return send<T>(method, path, options);
    }
    throw error;
  }
}

async function send<T>(method: string, path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language || 'zh-CN',
  };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file) headers['Content-Type'] = options.file.type || 'application/octet-stream';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }

  return readAnswer<T>(response);
}

/** An API answer as data, or the ApiError its error envelope (or status) describes. */
export async function readAnswer<T>(response: Response): Promise<T> {
  const text = await response.text();
  let payload: unknown = undefined;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }

  if (!response.ok) {
    const requestId = response.headers.get('x-request-id') ?? undefined;
    if (isErrorEnvelope(payload)) {
      const { code, message, details } = payload.error;
      throw new ApiError(response.status, code, message, details, payload.error.requestId ?? requestId);
    }
    throw new ApiError(
      response.status,
      `HTTP_${response.status}`,
      i18n.t(response.status >= 500 ? 'errors.server' : 'errors.unexpected', { status: response.status }),
      undefined,
      requestId,
    );
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, idempotencyKey?: string) =>
    request<T>('POST', path, { body, idempotencyKey }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  /** POSTs a file as the raw body (the query names it). */
  upload: <T>(path: string, file: Blob, query?: Query) => request<T>('POST', path, { file, query }),
};

/**
 * Fetches a file the API builds on request (an Excel export) in the UI language, with the name the
 * server gives it; a refusal becomes an ApiError like any other answer.
 */
export async function download(path: string, query?: Query): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      headers: { 'Accept-Language': i18n.language || 'zh-CN' },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }
  if (!response.ok) {
    let payload: unknown;
    try {
      payload = await response.json();
    } catch {
      payload = undefined;
    }
    if (isErrorEnvelope(payload)) {
      const { code, message, details } = payload.error;
      throw new ApiError(response.status, code, message, details, payload.error.requestId);
    }
    throw new ApiError(
      response.status,
      `HTTP_${response.status}`,
      i18n.t('errors.unexpected', { status: response.status }),
    );
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  return { blob: await response.blob(), fileName: encoded ? decodeURIComponent(encoded) : 'export.xlsx' };
}

/** The address of a file the API serves (an attachment, a document's PDF), for links and downloads. */
export function apiUrl(path: string): string {
  return `${API_BASE}${path}`;
}

/** A fresh key for `Idempotency-Key`; works outside secure contexts too (plain-HTTP intranet deployments). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
