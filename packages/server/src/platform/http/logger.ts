import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { LogLevel } from '../../config.ts';
import { pgErrorOf } from '../../db/pg-errors.ts';
import { AppError } from '../errors.ts';

/**
 * An error as the log may hold it. A database error carries the row's values in PostgreSQL's
 * message and `detail` ("Key (id_hash)=… already exists", "invalid input syntax: …"), and drizzle
 * wraps it in an error whose message and stack quote the SQL with every parameter (names,
 * addresses, household members). Such an error is logged by names only: the SQLSTATE, constraint,
 * table and column. Any other error keeps its message and stack, which our code writes without
 * personal data. The request id is on every line of the request's logger already.
 */
export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
}

export function safeError(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '', stack: '' };
  const code = (error as { code?: unknown }).code;
  const pgError = pgErrorOf(error);
  if (pgError || isDatabaseWrapper(error))
    return {
      type: error.name,
      // The frames only: the first lines of a stack repeat the message.
      message: pgError ? `database error ${pgError.code}` : 'database error',
      stack: (error.stack ?? '')
        .split('\n')
        .filter((line) => /^\s+at /.test(line))
        .join('\n'),
      ...(pgError
        ? {
            pgCode: pgError.code,
            constraint: pgError.constraint,
            table: pgError.table,
            column: pgError.column,
          }
        : {}),
    };
  if (error instanceof AppError)
    return { type: error.name, message: error.code, stack: '', code: error.code, status: error.status };
  return {
    type: error.name,
    message: error.message,
    stack: error.stack ?? '',
    ...(typeof code === 'string' ? { code } : {}),
  };
}

/** drizzle's wrapper ("Failed query: <sql> params: <values>") or a driver error without a SQLSTATE. */
function isDatabaseWrapper(error: Error): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    if (current.name === 'DrizzleQueryError' || current.message.startsWith('Failed query:')) return true;
    if ('query' in current || 'parameters' in current || 'detail' in current) return true;
    current = current.cause;
  }
  return false;
}

/**
 * pino options: JSON lines; cookies, tokens, passwords and personal fields never printed; URLs
 * logged without their query strings (a search by phone number must not land in a log file);
 * errors through `safeError`. `stream` replaces stdout (tests read the log from it).
 */
export function loggerOptions(level: LogLevel, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.phone',
        '*.idNumber',
        '*.identityNumber',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      err: safeError,
      error: safeError,
    },
  };
}
