import type { FastifyRequest } from 'fastify';
import type { LifecycleActor } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { localeFromHeader } from '../../platform/locale.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { applicationDetail, findApplication } from './applications.repository.ts';

/**
 * An application's detail as the requesting staff member sees it (their scope, roles and language),
 * read in `db` — the transaction of the change it answers, so the answer shows that change. The
 * one answer of every route that acts on a case (applications, assignment, casework).
 */
export async function detailForRequest(
  deps: Pick<AppDeps, 'clock'>,
  db: Queryable,
  request: FastifyRequest,
  id: string,
) {
  const actor = actorOf(request);
  const app = await findApplication(db, actor.scope, id);
  if (!app) throw new AppError('NOT_FOUND');
  return applicationDetail(
    db,
    app,
    actor.roles as LifecycleActor[],
    localeFromHeader(request.headers['accept-language']),
    deps.clock.now(),
  );
}
