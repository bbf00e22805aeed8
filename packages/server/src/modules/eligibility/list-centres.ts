import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../platform/context.ts';
import { organisations } from '../../db/schema/index.ts';

/** The kinds of office a citizen goes to with an application: the city and district centres. */
const CENTRE_KINDS = ['city_centre', 'district_centre'];

/**
 * The legal aid centres a citizen can visit, with their public address, phone and office hours
 * as each centre recorded them (organisation data, not personal data). The self-test names the
 * centre of the district the citizen chooses.
 */
export async function listCentres(deps: AppDeps) {
  const rows = await deps.db
    .select({
      name: organisations.name,
      kind: organisations.kind,
      regionCode: organisations.regionCode,
      address: organisations.address,
      phone: organisations.phone,
      officeHours: organisations.officeHours,
    })
    .from(organisations)
    .where(and(inArray(organisations.kind, CENTRE_KINDS), eq(organisations.active, true)))
    .orderBy(asc(organisations.regionCode), asc(organisations.name));
  return {
    items: rows.map((r) => ({
      name: r.name,
      city: r.kind === 'city_centre',
      regionCode: r.regionCode,
      address: r.address,
      phone: r.phone,
      officeHours: r.officeHours,
    })),
  };
}
