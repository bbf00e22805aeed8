import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from '../api';

/**
 * `Idempotency-Key` per request body: resubmitting the same body (double click, retry after a timeout)
 * reuses the key, so the server creates nothing twice; a corrected body gets a fresh key, because the
 * server refuses a key reused with another body (IDEMPOTENCY_KEY_REUSED).
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return useCallback((body: unknown) => {
    const serialised = JSON.stringify(body);
    if (last.current?.body !== serialised) last.current = { body: serialised, key: newIdempotencyKey() };
    return last.current.key;
  }, []);
}
