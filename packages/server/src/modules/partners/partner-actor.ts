import type { PartnerKind, PartnerOperation } from '@fayuan/domain';
import type { Actor } from '../../platform/context.ts';

/**
 * The partner behind a verified request to `/api/partner/v1`: who signed it (the key) and what it
 * may do. `actor` is its service account as a staff-shaped Actor (role `partner_client`, scope of
 * the partner's organisation), so the shared use cases, audit rows and timelines take it unchanged:
 * a use case never knows which door called it (architecture.md).
 */
export interface PartnerActor {
  partnerId: string;
  keyId: string;
  kind: PartnerKind;
  name: string;
  organisationId: string;
  operations: PartnerOperation[];
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A partner route: the operation the partner must be allowed (else 403 PARTNER_OPERATION_FORBIDDEN). */
    partnerOperation?: PartnerOperation | 'any';
  }
  interface FastifyRequest {
    /** Set by the partner API's signature check; null outside `/api/partner/v1`. */
    partner: PartnerActor | null;
  }
}

/** The partner of a route under `/api/partner/v1`; the signature check has already run. */
export function partnerOf(request: { partner: PartnerActor | null }): PartnerActor {
  if (!request.partner) throw new Error('partnerOf() on a request without a verified partner');
  return request.partner;
}
