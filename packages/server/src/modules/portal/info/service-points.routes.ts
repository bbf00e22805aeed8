import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq, ne } from 'drizzle-orm';
import { organisationKinds, organisations } from '../../../db/schema/index.ts';
import type { AppDeps } from '../../../platform/context.ts';
import { localeFromHeader } from '../../../platform/locale.ts';
import { PUBLIC_API_TAG } from '../public-openapi.ts';

const servicePoints = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      kind: z.string(),
      kindName: z.string(),
      regionCode: z.string().nullable(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      officeHours: z.string().nullable(),
      mapUrl: z.string().nullable(),
    }),
  ),
});

/**
 * 援务公开: where legal aid is given — the centres, workstations, duty stations and contact points,
 * with their public address, phone and office hours as each recorded them (organisation data, not
 * personal data), and a map search link built from the address (no map key needed).
 */
export function servicePointRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (r) => {
    r.get(
      '/service-points',
      {
        config: { citizen: 'none' },
        schema: {
          tags: [PUBLIC_API_TAG],
          summary:
            'Where to get legal aid: centres, workstations and duty stations (address, phone, hours, map link)',
          querystring: z.strictObject({
            regionCode: z
              .string()
              .regex(/^\d{6}$/)
              .optional(),
          }),
          response: { 200: servicePoints },
        },
      },
      async (request) => {
        const english = localeFromHeader(request.headers['accept-language']) === 'en-US';
        const rows = await deps.db
          .select({
            o: organisations,
            kindZh: organisationKinds.nameZh,
            kindEn: organisationKinds.nameEn,
            sort: organisationKinds.sortOrder,
          })
          .from(organisations)
          .innerJoin(organisationKinds, eq(organisationKinds.code, organisations.kind))
          .where(
            and(
              eq(organisations.active, true),
              ne(organisations.kind, 'justice_bureau'),
              request.query.regionCode ? eq(organisations.regionCode, request.query.regionCode) : undefined,
            ),
          )
          .orderBy(asc(organisations.regionCode), asc(organisationKinds.sortOrder), asc(organisations.name));
        return {
          items: rows.map(({ o, kindZh, kindEn }) => ({
            name: o.name,
            kind: o.kind,
            kindName: english ? kindEn : kindZh,
            regionCode: o.regionCode,
            address: o.address,
            phone: o.phone,
            officeHours: o.officeHours,
            mapUrl: o.address ? `https://uri.amap.com/search?keyword=${encodeURIComponent(o.address)}` : null,
          })),
        };
      },
    );
  };
}
