import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PARTNER_KINDS, PARTNER_OPERATIONS } from '@fayuan/domain';
import type { AppDeps } from '../../platform/context.ts';
import { partnerOf } from './partner-actor.ts';

const whoamiSchema = z.object({
  partnerId: z.string().uuid(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  operations: z.array(z.enum(PARTNER_OPERATIONS)),
  keyId: z.string(),
  /** The server's clock (ISO 8601): a partner whose signature fails on time compares against it. */
  serverTime: z.string(),
});

/** `GET /whoami`: the partner a signed request came from — how a partner checks its signing. */
export function whoamiPartnerRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/whoami',
      {
        config: { partnerOperation: 'any' },
        schema: {
          tags: ['Partner API'],
          summary: 'The partner this signed request came from (check your signing with it)',
          response: { 200: whoamiSchema },
        },
      },
      (request) => {
        const partner = partnerOf(request);
        return {
          partnerId: partner.partnerId,
          name: partner.name,
          kind: partner.kind,
          operations: partner.operations,
          keyId: partner.keyId,
          serverTime: deps.clock.now().toISOString(),
        };
      },
    );
  };
}
