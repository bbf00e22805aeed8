import type { LocalDate } from '@fayuan/domain';
import type { Queryable } from '../../../db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { listItemsInForce } from '../../applications/application-rules.ts';

/** Beijing's rules apply to the portal's centres (all of them in Beijing). */
const PORTAL_JURISDICTION = '110000';

/**
 * The applicant's integrity pledge (诚信承诺, LAL art.41) shown above the tick box of the online
 * application: rule data (list `applicant_pledge`), so a centre changes its wording by a dated row,
 * and the application keeps the version and text the applicant ticked.
 */
export async function pledgeInForce(db: Queryable, on: LocalDate | string) {
  const [row] = await listItemsInForce(db, PORTAL_JURISDICTION, 'applicant_pledge', on as LocalDate);
  if (!row) throw new AppError('PORTAL_PLEDGE_MISSING');
  return {
    version: row.id,
    text: String(row.params.textZh ?? row.nameZh),
    textEn: String(row.params.textEn ?? row.nameEn),
    citation: row.citation,
  };
}
