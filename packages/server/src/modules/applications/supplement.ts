import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { LocalDate } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { applicationMaterials, centreSettings } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { jurisdictionOf } from './application-rules.ts';
import { defaultSupplementDate } from './clocks.ts';
import { findApplication } from './applications.repository.ts';
import { ensureAllowed, runEvent } from './run-event.ts';

export async function lockedApplication(tx: Tx, actor: Actor, id: string) {
  const app = await findApplication(tx, actor.scope, id, true);
  if (!app) throw new AppError('NOT_FOUND');
  return app;
}

export async function centreSettingsOf(db: Tx, organisationId: string) {
  const [row] = await db
    .select()
    .from(centreSettings)
    .where(eq(centreSettings.organisationId, organisationId));
  return (
    row ?? {
      organisationId,
      decisionRequiresApproval: false,
      supplementDays: 15,
      acceptanceHours: 24,
      archiveRetentionYears: 30,
      hearingReminderHours: 24,
      updatedAt: new Date(0),
    }
  );
}

/**
 * The one supplement notice (LAL art.43(2)): every material still missing, plus any extra items,
 * listed at once with the date they are due; the review clock pauses until they arrive.
 */
export async function requestSupplement(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { extraItems: string[]; dueDate?: string | undefined },
  origin: RequestOrigin,
) {
  const app = await lockedApplication(tx, actor, id);
  const now = deps.clock.now();
  const missing = await tx
    .select()
    .from(applicationMaterials)
    .where(and(eq(applicationMaterials.applicationId, id), eq(applicationMaterials.status, 'missing')));
  const extras = [...new Set(input.extraItems)].filter((label) => !missing.some((m) => m.label === label));
  if (missing.length === 0 && extras.length === 0) throw new AppError('APPLICATION_NOTHING_MISSING');
  const settings = await centreSettingsOf(tx, app.ownerOrgId);
  const dueDate = (input.dueDate ??
    (await defaultSupplementDate(
      tx,
      await jurisdictionOf(tx, app.ownerOrgId),
      now,
      settings.supplementDays,
    ))) as LocalDate;
  const items = [...missing.map((m) => m.label ?? m.code), ...extras];
  const event = { type: 'request_supplement' as const, missingItems: items, dueDate };
  // Refused before anything is written: a second request while the first is pending is a state
  // conflict, not the duplicate extra row it used to insert first (a unique violation, a 500).
  ensureAllowed(deps, { application: app, event, actor });
  // Mark the items requested first: the notice issued by the transition lists exactly these.
  if (missing.length > 0)
    await tx
      .update(applicationMaterials)
      .set({ status: 'requested', requestedAt: now })
      .where(
        inArray(
          applicationMaterials.id,
          missing.map((m) => m.id),
        ),
      );
  if (extras.length > 0)
    await tx.insert(applicationMaterials).values(
      extras.map((label) => ({
        id: randomUUID(),
        applicationId: id,
        code: 'other',
        label,
        status: 'requested' as const,
        requestedAt: now,
      })),
    );
  await runEvent(deps, tx, {
    application: app,
    event,
    actor,
    origin,
    payload: { missingItems: items, dueDate },
  });
}

/**
 * Records materials handed in. Once nothing requested is outstanding, the supplement is complete:
 * the review clock resumes where it stopped (the time to supply is not counted: MOJ procedure rules
 * 2023, article to be confirmed; LAL art.43(2) has no such clause).
 */
export async function receiveMaterials(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { provided: string[]; forms?: { code: string; copies?: number; original?: boolean }[] },
  origin: RequestOrigin,
) {
  const app = await lockedApplication(tx, actor, id);
  const now = deps.clock.now();
  const rows = await tx.select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, id));
  const wanted = new Set(input.provided);
  const matched = rows.filter(
    (r) => r.status !== 'provided' && (wanted.has(r.code) || (r.label !== null && wanted.has(r.label))),
  );
  const unknown = input.provided.find((p) => !rows.some((r) => r.code === p || r.label === p));
  if (unknown !== undefined)
    throw new AppError('APPLICATION_MATERIAL_UNKNOWN', { field: 'provided', code: unknown });
  const strayForm = (input.forms ?? []).find((f) => !wanted.has(f.code));
  if (strayForm) throw new AppError('APPLICATION_MATERIAL_UNKNOWN', { field: 'forms', code: strayForm.code });
  // 份数 and 原件/复印件 of each material handed in now, for the records and the receipt.
  for (const m of matched) {
    const form = (input.forms ?? []).find((f) => f.code === m.code || f.code === m.label);
    await tx
      .update(applicationMaterials)
      .set({
        status: 'provided',
        providedAt: now,
        copies: form?.copies ?? null,
        original: form?.original ?? null,
      })
      .where(eq(applicationMaterials.id, m.id));
  }
  const outstanding = rows.filter((r) => r.status === 'requested' && !matched.includes(r));
  if (app.state === 'supplement_requested' && outstanding.length === 0) {
    await runEvent(deps, tx, {
      application: app,
      event: { type: 'supplement_received' },
      actor,
      origin,
      payload: { provided: matched.map((m) => m.label ?? m.code) },
    });
  } else {
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'application.materials_received',
      entityType: 'applications',
      entityId: id,
      changes: { provided: { after: matched.map((m) => m.label ?? m.code) } },
    });
  }
}
