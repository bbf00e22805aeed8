import { lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { rateLimitWindows } from '../../db/schema/index.ts';
import type { Clock } from '../context.ts';

export interface WindowCount {
  /** Hits in the current window, this one included. */
  hits: number;
  /** Milliseconds until the window ends (what Retry-After says, rounded up to seconds). */
  msLeft: number;
}

/**
 * Counts one hit for `key` in the fixed window of `windowMs` that contains `now`, in one statement
 * (an upsert on the key's row), so concurrent requests in any number of processes each get their
 * own count and none is lost. A row whose window has passed starts again at 1.
 */
export async function hitWindow(
  db: Queryable,
  key: string,
  now: Date,
  windowMs: number,
): Promise<WindowCount> {
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const windowStart = new Date(start);
  const expiresAt = new Date(start + windowMs);
  const [row] = await db
    .insert(rateLimitWindows)
    .values({ key, windowStart, hits: 1, expiresAt })
    .onConflictDoUpdate({
      target: rateLimitWindows.key,
      set: {
        hits: sql`case when ${rateLimitWindows.windowStart} >= excluded.window_start then ${rateLimitWindows.hits} + 1 else 1 end`,
        windowStart: sql`greatest(${rateLimitWindows.windowStart}, excluded.window_start)`,
        expiresAt: sql`greatest(${rateLimitWindows.expiresAt}, excluded.expires_at)`,
      },
    })
    .returning({ hits: rateLimitWindows.hits, expiresAt: rateLimitWindows.expiresAt });
  if (!row) throw new Error('rate limit upsert returned no row');
  return { hits: row.hits, msLeft: Math.max(row.expiresAt.getTime() - now.getTime(), 1) };
}

/** Seconds for a Retry-After header: whole seconds, at least 1. */
export function retryAfterSeconds(msLeft: number): number {
  return Math.max(Math.ceil(msLeft / 1000), 1);
}

/** Deletes the windows that have ended (maintenance). */
export async function purgeRateLimitWindows(db: Queryable, now: Date): Promise<number> {
  const gone = await db
    .delete(rateLimitWindows)
    .where(lt(rateLimitWindows.expiresAt, now))
    .returning({ key: rateLimitWindows.key });
  return gone.length;
}

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;
interface RouteLimitOptions {
  timeWindow?: unknown;
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A `@fastify/rate-limit` store backed by `rate_limit_windows`, so a route's limit holds across
 * every process sharing the database (the plugin's default store counts per process). Each route
 * gets its own key space through `child()`.
 */
export function postgresRateLimitStore(db: Queryable, clock: Clock, prefix = 'http') {
  return class PostgresRateLimitStore {
    readonly windowMs: number;
    constructor(
      options?: object,
      readonly namespace = prefix,
    ) {
      const { timeWindow } = (options ?? {}) as RouteLimitOptions;
      this.windowMs = typeof timeWindow === 'number' ? timeWindow : 60_000;
    }

    // The plugin passes the route's window as a third argument; its type declaration omits it.
    incr(key: string, callback: IncrCallback, timeWindow?: number): void {
      hitWindow(db, `${this.namespace}:${key}`, clock.now(), timeWindow ?? this.windowMs).then(
        ({ hits, msLeft }) => callback(null, { current: hits, ttl: msLeft }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    // Called with the route's merged limit options (the type declaration says route options).
    child(options: object): PostgresRateLimitStore {
      const route = (options as RouteLimitOptions).routeInfo;
      const method = Array.isArray(route?.method) ? route.method.join(',') : (route?.method ?? '');
      return new PostgresRateLimitStore(options, `${this.namespace}:${method}:${route?.url ?? ''}`);
    }
  };
}
