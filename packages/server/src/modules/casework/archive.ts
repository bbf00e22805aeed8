import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LifecycleActor } from '@fayuan/domain';
import type { Queryable, Tx } from '../../db/client.ts';
import { applications, caseArchives, users } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { applicationDetail } from '../applications/applications.repository.ts';
import { runEvent } from '../applications/run-event.ts';
import { centreSettingsOf } from '../applications/supplement.ts';
import { evaluationOf } from '../quality/quality.repository.ts';
import { subsidyPaymentsOf } from '../subsidies/subsidies.repository.ts';
import { scopedCase } from './case-access.ts';
import {
  activitiesOf,
  closingsOf,
  discussionsOf,
  majorFlagOf,
  terminationReportsOf,
} from './casework.repository.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with object keys sorted at every level: the same file always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as Json)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export const sha256Of = (snapshot: Json) =>
  createHash('sha256').update(canonicalJson(snapshot)).digest('hex');

function yearsAfter(at: Date, years: number): Date {
  const d = new Date(at);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

/**
 * Files the case (归档) when the lifecycle allows it (after the subsidy, or a refusal or termination
 * no objection can reopen): the whole file — the application detail with its documents and
 * timeline, the handler's activities, discussions, reports and closings, the quality evaluation
 * and the subsidies paid — is written once as a JSON snapshot with its SHA-256, kept until the end
 * of the centre's retention period. The table refuses any later change (trigger, migration 0012).
 */
export async function archiveCase(deps: AppDeps, tx: Tx, actor: Actor, id: string, origin: RequestOrigin) {
  const { app } = await scopedCase(tx, actor, id, true);
  const now = deps.clock.now();
  await runEvent(deps, tx, {
    application: app,
    event: { type: 'archive' },
    actor,
    origin,
  });
  const [archived] = await tx.select().from(applications).where(eq(applications.id, id));
  if (!archived) throw new AppError('NOT_FOUND');
  const snapshot = JSON.parse(
    JSON.stringify({
      application: await applicationDetail(tx, archived, actor.roles as LifecycleActor[], 'zh-CN', now),
      majorFlag: await majorFlagOf(tx, id),
      activities: await activitiesOf(tx, id),
      discussions: await discussionsOf(tx, id),
      terminationReports: await terminationReportsOf(tx, id),
      closings: await closingsOf(tx, id),
      evaluation: await evaluationOf(tx, id),
      subsidyPayments: await subsidyPaymentsOf(tx, id),
      archivedAt: now.toISOString(),
      archivedBy: actor.userId,
    }),
  ) as { [key: string]: Json };
  const sha256 = sha256Of(snapshot);
  const settings = await centreSettingsOf(tx, app.ownerOrgId);
  const retentionUntil = yearsAfter(now, settings.archiveRetentionYears);
  await tx.insert(caseArchives).values({
    applicationId: id,
    snapshot,
    sha256,
    archivedBy: actor.userId,
    archivedAt: now,
    retentionUntil,
  });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'case.archive',
    entityType: 'applications',
    entityId: id,
    changes: {
      sha256: { after: sha256 },
      retentionUntil: { after: retentionUntil.toISOString() },
      retentionYears: { after: settings.archiveRetentionYears },
    },
  });
}

/** The archived file with a fresh check of its hash: `intact` is false once the stored snapshot no longer matches. */
export async function archiveOf(db: Queryable, applicationId: string) {
  const [found] = await db
    .select({ row: caseArchives, by: users.displayName })
    .from(caseArchives)
    .innerJoin(users, eq(users.id, caseArchives.archivedBy))
    .where(eq(caseArchives.applicationId, applicationId));
  if (!found) throw new AppError('NOT_FOUND');
  const { row, by } = found;
  return {
    applicationId,
    sha256: row.sha256,
    intact: sha256Of(row.snapshot as Json) === row.sha256,
    archivedAt: row.archivedAt.toISOString(),
    archivedBy: { id: row.archivedBy, displayName: by },
    retentionUntil: row.retentionUntil.toISOString(),
    snapshot: row.snapshot,
  };
}
