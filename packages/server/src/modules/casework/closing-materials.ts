import { and, asc, eq, isNotNull } from 'drizzle-orm';
import {
  beijingDateOf,
  closingMaterialsFor,
  closingRuleVersion,
  missingClosingMaterials,
  type ClosingMaterial,
} from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { attachments, users, type ApplicationRow, type ClosingMaterialEntry } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { jurisdictionOf, listItemsInForce } from '../applications/application-rules.ts';
import type { AttachmentView, ClosingMaterialView } from './casework.schemas.ts';

/**
 * The closing materials of a case (rule list `closing_material`, LAL art.50) as they stand: which
 * rows are in force for the centre's jurisdiction on `at`, which are required for this case type
 * (fewer once aid was terminated), and which attachments on the file are each.
 */
export interface ClosingMaterialsCheck {
  ruleVersion: string;
  terminated: boolean;
  materials: ClosingMaterialEntry[];
  missing: ClosingMaterial[];
}

export async function closingMaterialsOf(
  db: Queryable,
  app: ApplicationRow,
  at: Date,
): Promise<ClosingMaterialsCheck> {
  const terminated = app.state === 'terminated';
  const rules = await listItemsInForce(
    db,
    await jurisdictionOf(db, app.ownerOrgId),
    'closing_material',
    beijingDateOf(at),
  );
  const listed = closingMaterialsFor(rules, { caseType: app.caseType, terminated });
  const files = await db
    .select({ id: attachments.id, code: attachments.materialCode })
    .from(attachments)
    .where(and(eq(attachments.applicationId, app.id), isNotNull(attachments.materialCode)))
    .orderBy(asc(attachments.uploadedAt));
  const materials = listed.map((m) => ({
    ...m,
    attachmentIds: files.filter((f) => f.code === m.code).map((f) => f.id),
  }));
  const onFile = new Set(materials.filter((m) => m.attachmentIds.length > 0).map((m) => m.code));
  return {
    ruleVersion: closingRuleVersion(listed),
    terminated,
    materials,
    missing: missingClosingMaterials(listed, onFile),
  };
}

/**
 * Refuses a closing that lacks a required material: every missing one at once, each with its
 * citation, so the handler uploads them in one go (LAL art.50; the MOJ procedure rules).
 */
export function assertMaterialsComplete(check: ClosingMaterialsCheck): void {
  if (check.missing.length === 0) return;
  throw new AppError('CASEWORK_CLOSING_MATERIALS_MISSING', {
    ruleVersion: check.ruleVersion,
    missing: check.missing.map((m) => ({
      code: m.code,
      nameZh: m.nameZh,
      nameEn: m.nameEn,
      citation: m.citation,
    })),
  });
}

/** The material a handler names on upload must be one the case's closing lists. */
export function assertListedMaterial(check: ClosingMaterialsCheck, code: string): void {
  if (!check.materials.some((m) => m.code === code))
    throw new AppError('CASEWORK_CLOSING_MATERIAL_UNKNOWN', {
      field: 'material',
      material: code,
      listed: check.materials.map((m) => m.code),
    });
}

/** Attachments of a case by id, as the casework answers show them (who uploaded, when, checksum). */
export async function attachmentViews(
  db: Queryable,
  applicationId: string,
): Promise<Map<string, AttachmentView>> {
  const rows = await db
    .select({ a: attachments, by: users.displayName })
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploadedBy))
    .where(eq(attachments.applicationId, applicationId))
    .orderBy(asc(attachments.uploadedAt));
  return new Map(
    rows.map(({ a, by }) => [
      a.id,
      {
        id: a.id,
        materialCode: a.materialCode,
        fileName: a.fileName,
        contentType: a.contentType,
        sizeBytes: a.sizeBytes,
        sha256: a.sha256,
        uploadedBy: { id: a.uploadedBy, displayName: by },
        uploadedAt: a.uploadedAt.toISOString(),
      },
    ]),
  );
}

/** Stored or current material entries with their attachments resolved (a removed id is left out). */
export function presentMaterials(
  entries: readonly ClosingMaterialEntry[],
  files: ReadonlyMap<string, AttachmentView>,
): ClosingMaterialView[] {
  return entries.map(({ attachmentIds, ...m }) => ({
    ...m,
    attachments: attachmentIds.flatMap((id) => {
      const file = files.get(id);
      return file ? [file] : [];
    }),
  }));
}
