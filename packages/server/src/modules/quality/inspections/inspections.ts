import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ChecklistEvaluation, ChecklistJudgement } from '@fayuan/domain';
import type { Tx } from '../../../db/client.ts';
import {
  caseAssignments,
  fileInspections,
  sampledCases,
  type FileInspectionRow,
} from '../../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { ownerInScope } from '../../../platform/scope/data-scope.ts';
import { findApplication } from '../../applications/applications.repository.ts';
import { refreshQualityConcerns } from '../handler-quality.ts';
import { caseRecordOf, evaluateCase, inspectedApplication } from './inspection-evidence.ts';
import { CLOSED_STATES } from './sampling.ts';

/** A case whose file can be inspected: its closing was accepted, or aid was terminated. */
const INSPECTABLE_STATES: readonly string[] = [...CLOSED_STATES, 'terminated'];

/**
 * Starts a file inspection of a closed case in the actor's scope, by the actor: the checklist
 * date is the assignment's, the handler the accepted assignment's; a case sampled by a plan names
 * the latest plan. One inspection in progress per case.
 */
export async function startInspection(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  applicationId: string,
  origin: RequestOrigin,
): Promise<{ id: string }> {
  const app = await findApplication(tx, actor.scope, applicationId, true);
  if (!app) throw new AppError('NOT_FOUND', { field: 'applicationId' });
  if (!INSPECTABLE_STATES.includes(app.state)) throw new AppError('INSPECTION_CASE_NOT_CLOSED');
  const [assignment] = await tx
    .select({ handlerId: caseAssignments.handlerId })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.applicationId, app.id), eq(caseAssignments.status, 'accepted')));
  if (!assignment) throw new AppError('INSPECTION_CASE_NOT_CLOSED');
  const [open] = await tx
    .select({ id: fileInspections.id })
    .from(fileInspections)
    .where(and(eq(fileInspections.applicationId, app.id), eq(fileInspections.status, 'open')));
  if (open) throw new AppError('INSPECTION_ALREADY_OPEN', { inspectionId: open.id });
  const [sampled] = await tx
    .select({ planId: sampledCases.planId })
    .from(sampledCases)
    .where(eq(sampledCases.applicationId, app.id))
    .limit(1);
  const record = await caseRecordOf(tx, app);
  const id = randomUUID();
  const now = deps.clock.now();
  await tx.insert(fileInspections).values({
    id,
    applicationId: app.id,
    organisationId: app.ownerOrgId,
    planId: sampled?.planId ?? null,
    handlerId: assignment.handlerId,
    inspectorId: actor.userId,
    checklistDate: record.checklistDate,
    startedAt: now,
  });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'file_inspection.start',
    entityType: 'file_inspections',
    entityId: id,
    organisationId: app.ownerOrgId,
    changes: {
      applicationId: { after: app.id },
      planId: { after: sampled?.planId ?? null },
      checklistDate: { after: record.checklistDate },
    },
  });
  return { id };
}

/** An inspection in the actor's scope, locked for a change. */
export async function lockedInspection(tx: Tx, actor: Actor, id: string): Promise<FileInspectionRow> {
  const [row] = await tx
    .select()
    .from(fileInspections)
    .where(and(eq(fileInspections.id, id), ownerInScope(actor.scope, fileInspections.organisationId)))
    .for('update');
  if (!row) throw new AppError('INSPECTION_NOT_FOUND');
  return row;
}

/** The inspection still open at the version the caller saw. */
function assertOpen(row: FileInspectionRow, version: number | undefined) {
  if (row.status !== 'open') throw new AppError('INSPECTION_COMPLETED');
  if (version !== undefined && version !== row.version) throw new AppError('INSPECTION_STALE');
}

/** The checklist evaluated with these judgements; a judgement the checklist cannot take is refused. */
async function evaluated(
  tx: Tx,
  row: FileInspectionRow,
  judgements: Record<string, ChecklistJudgement>,
): Promise<ChecklistEvaluation> {
  const app = { id: row.applicationId, ownerOrgId: row.organisationId };
  const record = await caseRecordOf(tx, await caseOf(tx, app.id));
  const result = await evaluateCase(tx, app.ownerOrgId, record, judgements);
  if (result.ignoredJudgements.length > 0)
    throw new AppError('INSPECTION_JUDGEMENT_INVALID', { codes: result.ignoredJudgements });
  return result;
}

async function caseOf(tx: Tx, applicationId: string) {
  const app = await inspectedApplication(tx, applicationId);
  if (!app) throw new AppError('INSPECTION_NOT_FOUND');
  return app;
}

/** Keeps the reviewer's judgements (and draft findings) on an open inspection, audited. */
export async function saveJudgements(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: {
    version?: number | undefined;
    judgements: Record<string, ChecklistJudgement>;
    findings?: string | undefined;
  },
  origin: RequestOrigin,
): Promise<void> {
  const row = await lockedInspection(tx, actor, id);
  assertOpen(row, input.version);
  await evaluated(tx, row, input.judgements);
  const now = deps.clock.now();
  await tx
    .update(fileInspections)
    .set({
      judgements: input.judgements,
      ...(input.findings !== undefined ? { findings: input.findings } : {}),
      version: row.version + 1,
    })
    .where(eq(fileInspections.id, row.id));
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'file_inspection.judge',
    entityType: 'file_inspections',
    entityId: row.id,
    organisationId: row.organisationId,
    changes: { judgements: { after: JSON.stringify(input.judgements) } },
  });
}

/**
 * Completes an inspection: every judgement item judged, the findings written; the evaluated items
 * (status, evidence, timing of each), the rule ids and the three scores are frozen. The handler's
 * quality record is refreshed (an inspection counts on it).
 */
export async function completeInspection(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { version?: number | undefined; judgements: Record<string, ChecklistJudgement>; findings: string },
  origin: RequestOrigin,
): Promise<void> {
  const row = await lockedInspection(tx, actor, id);
  assertOpen(row, input.version);
  const result = await evaluated(tx, row, input.judgements);
  if (result.score.awaitingJudgement > 0) throw new AppError('INSPECTION_AWAITING_JUDGEMENT');
  const now = deps.clock.now();
  const { score } = result;
  await tx
    .update(fileInspections)
    .set({
      status: 'completed',
      judgements: input.judgements,
      findings: input.findings,
      items: result.items,
      ruleIds: result.items.map((i) => i.ruleId),
      recordScore: score.recordScore,
      judgementScore: score.judgementScore,
      totalScore: score.totalScore,
      completedAt: now,
      version: row.version + 1,
    })
    .where(eq(fileInspections.id, row.id));
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'file_inspection.complete',
    entityType: 'file_inspections',
    entityId: row.id,
    organisationId: row.organisationId,
    changes: {
      status: { before: 'open', after: 'completed' },
      recordScore: { after: score.recordScore },
      judgementScore: { after: score.judgementScore },
      totalScore: { after: score.totalScore },
      ruleIds: { after: result.items.map((i) => i.ruleId).join(',') },
    },
  });
  await refreshQualityConcerns(deps, tx, row.handlerId, origin);
}
