import type { AppDeps } from '../../platform/context.ts';
import { hitWindow, retryAfterSeconds } from '../../platform/rate-limit/rate-limit-windows.ts';

export const ADDRESS_WINDOW_MS = 60_000;
export const ACCOUNT_WINDOW_MS = 15 * 60_000;

/**
 * Counts a login attempt against the client address (per minute) and the username (per 15
 * minutes), in the shared table so the limits hold across processes. An unknown username is
 * counted like a known one, so the limit tells nothing about which accounts exist. Keys are keyed
 * hashes: a password typed into the username field is never stored.
 * Returns the seconds to wait when either limit is exceeded, or null.
 */
export async function countLoginAttempt(
  deps: AppDeps,
  attempt: { ip: string | null; username: string },
): Promise<number | null> {
  const now = deps.clock.now();
  const [address, account] = await Promise.all([
    hitWindow(deps.db, keyOf(deps, 'address', attempt.ip ?? 'unknown'), now, ADDRESS_WINDOW_MS),
    hitWindow(deps.db, keyOf(deps, 'account', attempt.username.toLowerCase()), now, ACCOUNT_WINDOW_MS),
  ]);
  const waits = [
    address.hits > deps.config.loginLimitPerAddress ? address.msLeft : 0,
    account.hits > deps.config.loginLimitPerAccount ? account.msLeft : 0,
  ];
  const longest = Math.max(...waits);
  return longest > 0 ? retryAfterSeconds(longest) : null;
}

/**
 * Counts a check of the current password when a signed-in user changes it, under the same
 * per-account limit as login (its own window, keyed by the user): a stolen session cannot be used
 * to guess the password without limit. Returns the seconds to wait when the limit is exceeded.
 */
export async function countPasswordCheck(deps: AppDeps, userId: string): Promise<number | null> {
  const window = await hitWindow(
    deps.db,
    keyOf(deps, 'password-check', userId),
    deps.clock.now(),
    ACCOUNT_WINDOW_MS,
  );
  return window.hits > deps.config.loginLimitPerAccount ? retryAfterSeconds(window.msLeft) : null;
}

function keyOf(deps: AppDeps, kind: string, value: string): string {
  return `login:${kind}:${deps.cipher.lookupHash(`login-${kind}:${value}`).toString('base64url')}`;
}
