import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { citizens } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { originOf } from '../../platform/http/request-context.ts';
import { cookieIsSecure } from '../../platform/http/security-headers.ts';
import { maskPhone } from '../../platform/crypto/field-cipher.ts';
import { CITIZEN_COOKIE, citizenOf, endCitizenSession } from './citizen-session.ts';
import { otpBody, otpResponse, sessionBody, sessionResponse, citizenMe } from './citizen-auth.schemas.ts';
import { requestOtp } from './request-otp.ts';
import { signInCitizen } from './sign-in-citizen.ts';
import { PUBLIC_API_TAG } from './public-openapi.ts';

const tags = [PUBLIC_API_TAG];

/** Sign-in by one-time SMS code (issue 14, pinned): `/otp`, `/sessions`, and the citizen's `/me`. */
export function citizenAuthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (r) => {
    r.post(
      '/otp',
      {
        config: { citizen: 'none', errors: ['OTP_RATE_LIMITED'] },
        schema: {
          tags,
          summary:
            'Send a 6-digit sign-in code by SMS (valid 5 minutes, 5 tries; limited per phone and per address: 429 with Retry-After)',
          body: otpBody,
          response: { 202: otpResponse },
        },
      },
      async (request, reply) => {
        const result = await requestOtp(deps, request.body.phone, originOf(request));
        if (result.kind === 'limited') {
          reply.header('retry-after', String(result.retryAfter));
          throw new AppError('OTP_RATE_LIMITED', { retryAfter: result.retryAfter });
        }
        reply.code(202);
        return { expiresAt: result.expiresAt.toISOString() };
      },
    );

    r.post(
      '/sessions',
      {
        config: { citizen: 'none', errors: ['OTP_INVALID'] },
        schema: {
          tags,
          summary: 'Sign in with the phone and the code: sets the portal cookie, answers the CSRF token',
          body: sessionBody,
          response: { 200: sessionResponse },
        },
      },
      async (request, reply) => {
        const session = await signInCitizen(
          deps,
          { ...request.body, userAgent: request.headers['user-agent'] ?? null },
          originOf(request),
        );
        reply.setCookie(CITIZEN_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: cookieIsSecure(deps.config, request),
          expires: session.expiresAt,
        });
        return { csrfToken: session.csrfToken };
      },
    );

    r.delete('/sessions/current', { schema: { tags, summary: 'Sign out' } }, async (request, reply) => {
      await endCitizenSession(deps.db, citizenOf(request).sessionTokenHash);
      reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
      return reply.code(204).send();
    });

    r.get(
      '/me',
      { schema: { tags, summary: 'The signed-in citizen', response: { 200: citizenMe } } },
      async (request) => {
        const citizen = citizenOf(request);
        const [row] = await deps.db
          .select({ phone: citizens.phoneSealed })
          .from(citizens)
          .where(eq(citizens.id, citizen.citizenId));
        const phone = row?.phone ? deps.cipher.open(row.phone) : '';
        return { citizenId: citizen.citizenId, phoneMasked: maskPhone(phone), csrfToken: citizen.csrfToken };
      },
    );
  };
}
