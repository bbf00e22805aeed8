/** True when `error` is PostgreSQL's unique violation (23505), optionally on the named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = findPgError(error);
  return pgError?.code === '23505' && (constraint === undefined || pgError.constraint === constraint);
}

function findPgError(error: unknown): { code?: string; constraint?: string } | undefined {
  // drizzle wraps driver errors; the PostgreSQL fields sit on the cause.
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const candidate = current as { code?: unknown; constraint?: string; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code))
      return { code: candidate.code, ...(candidate.constraint ? { constraint: candidate.constraint } : {}) };
    current = candidate.cause;
  }
  return undefined;
}
