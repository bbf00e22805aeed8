import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { doorOpenApiOptions } from '../../platform/http/door-openapi.ts';

/** The one tag of the citizens' door's operations, documented at `/api/public/docs`. */
export const PUBLIC_API_TAG = 'Public portal';

const SIGN_IN = [
  'The citizens’ door of Fayuan (网上服务). Sign in with a one-time SMS code:',
  '`POST /api/public/v1/otp {phone}` sends it (202, valid 5 minutes, 5 tries; 429 OTP_RATE_LIMITED with Retry-After),',
  '`POST /api/public/v1/sessions {phone, code}` sets the `fayuan_citizen` cookie and answers `{csrfToken}`',
  '(401 OTP_INVALID for a wrong, used or expired code). Send the token as `x-csrf-token` on every POST, PATCH',
  'or DELETE. The staff cookie is not accepted here, nor the citizen cookie on the staff API.',
].join('\n');

export function publicOpenApiOptions(): FastifyDynamicSwaggerOptions {
  return doorOpenApiOptions({
    title: 'Fayuan Public Portal API',
    description: SIGN_IN,
    tag: {
      name: PUBLIC_API_TAG,
      description: 'Citizens: sign-in, applications, appointments, public information',
    },
    prefix: '/api/public/v1',
    doorErrors: [
      'CITIZEN_AUTH_REQUIRED',
      'CITIZEN_SESSION_EXPIRED',
      'CSRF_TOKEN_INVALID',
      'RATE_LIMITED',
      'INTERNAL_ERROR',
    ],
    securitySchemes: {
      citizenCookie: { type: 'apiKey', in: 'cookie', name: 'fayuan_citizen' },
      csrfToken: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
    },
    security: [{ citizenCookie: [], csrfToken: [] }],
  });
}
