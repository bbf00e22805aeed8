import { useQuery } from '@tanstack/react-query';
import i18n from '../../i18n';
import { ApiError, readAnswer } from '../../api/client';

/** The citizens' door: its own cookie (`fayuan_citizen`) and its own CSRF token, kept in memory only. */
export const PUBLIC_API_BASE = '/api/public/v1';

let citizenCsrf: string | null = null;

export function setCitizenCsrf(token: string | null): void {
  citizenCsrf = token;
}

type Query = Record<string, string | number | boolean | null | undefined>;

function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return `${PUBLIC_API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send<T>(
  method: string,
  path: string,
  options: { body?: unknown; file?: Blob; query?: Query } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language || 'zh-CN',
  };
  if (method !== 'GET' && citizenCsrf) headers['x-csrf-token'] = citizenCsrf;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file) headers['Content-Type'] = options.file.type || 'application/octet-stream';
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }
  return readAnswer<T>(response);
}

/** Requests to `/api/public/v1`; failures are the same ApiError as on the staff API. */
export const portalApi = {
  get: <T>(path: string, query?: Query) => send<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => send<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, { body }),
  delete: <T>(path: string) => send<T>('DELETE', path),
  /** POSTs a file as the raw body (the query names it). */
  upload: <T>(path: string, file: Blob, query?: Query) => send<T>('POST', path, { file, query }),
};

/** The address of a file the portal serves (a decision PDF), for links. */
export function portalUrl(path: string): string {
  return `${PUBLIC_API_BASE}${path}`;
}

export interface CitizenMe {
  citizenId: string;
  phoneMasked: string;
  csrfToken: string;
}

export const CITIZEN_QUERY_KEY = ['portal', 'me'] as const;

/** The signed-in citizen, or null when nobody is (a 401 is an answer here, not an error). */
export function useCitizen() {
  return useQuery({
    queryKey: CITIZEN_QUERY_KEY,
    queryFn: async () => {
      try {
        const me = await portalApi.get<CitizenMe>('/me');
        setCitizenCsrf(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}
