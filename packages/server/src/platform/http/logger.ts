import type { FastifyServerOptions } from 'fastify';
import type { LogLevel } from '../../config.ts';

/**
 * pino options: JSON lines; cookies, tokens, passwords and personal fields never printed; URLs
 * logged without their query strings (a search by phone number must not land in a log file).
 */
export function loggerOptions(level: LogLevel): FastifyServerOptions['logger'] {
  return {
    level,
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
    },
  };
}
