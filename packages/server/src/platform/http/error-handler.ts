import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorMessage, type ErrorCode } from '../errors.ts';
import { localeFromHeader } from '../locale.ts';
import type { Locale } from '@fayuan/domain';

/** The one error envelope: `{error: {code, message, details?, requestId}}`, message in the caller's language. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  status: number,
  details?: unknown,
  hint?: Readonly<Record<Locale, string>>,
) {
  const locale = localeFromHeader(request.headers['accept-language']);
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({
      error: {
        code,
        message: errorMessage(code, locale, hint),
        ...(details === undefined ? {} : { details }),
        requestId: request.id,
      },
    });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    try {
      return handle(error, request, reply);
    } catch (handlerError) {
      request.log.error({ err: handlerError }, 'error handler failed');
      return sendError(request, reply, 'INTERNAL_ERROR', 500);
    }
  });
}

function handle(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError)
    return sendError(request, reply, error.code, error.status, error.details, error.hint);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
      code: v.keyword,
      message: v.message,
    }));
    return sendError(request, reply, 'VALIDATION_FAILED', 400, { issues });
  }
  if (error.validation) {
    return sendError(request, reply, 'VALIDATION_FAILED', 400, {
      issues: error.validation.map((v) => ({
        path: `${error.validationContext ?? ''}${v.instancePath}`,
        message: v.message,
      })),
    });
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return sendError(request, reply, mapped, error.statusCode ?? 400);
  if (error.statusCode === 429) return sendError(request, reply, 'RATE_LIMITED', 429);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    request.log.info({ err: { code: error.code, message: error.message } }, 'client error');
    return sendError(request, reply, 'VALIDATION_FAILED', 400);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(request, reply, 'INTERNAL_ERROR', 500);
}
