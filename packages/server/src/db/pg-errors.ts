/** True when `error` is PostgreSQL's unique violation (23505), optionally on the named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = pgErrorOf(error);
  return pgError?.code === '23505' && (constraint === undefined || pgError.constraint === constraint);
}

/**
 * The fields of a PostgreSQL error that never carry a row's values: its SQLSTATE, and the names of
 * the constraint, table and column. The message, `detail` and drizzle's wrapper message (the SQL
 * with its parameters) can hold personal data, so they are left out.
 */
export interface PgErrorFacts {
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
}

export function pgErrorOf(error: unknown): PgErrorFacts | undefined {
  // drizzle wraps driver errors; the PostgreSQL fields sit on the cause.
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const candidate = current as {
      code?: unknown;
      constraint?: unknown;
      table?: unknown;
      column?: unknown;
      cause?: unknown;
    };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code))
      return {
        code: candidate.code,
        ...(typeof candidate.constraint === 'string' ? { constraint: candidate.constraint } : {}),
        ...(typeof candidate.table === 'string' ? { table: candidate.table } : {}),
        ...(typeof candidate.column === 'string' ? { column: candidate.column } : {}),
      };
    current = candidate.cause;
  }
  return undefined;
}
