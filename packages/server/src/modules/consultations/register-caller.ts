import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { consultations, persons } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { ownerInScope } from '../../platform/scope/data-scope.ts';
import { createPerson } from '../people/create-person.ts';
import { findConsultation } from './consultations.repository.ts';

/**
 * The caller of a consultation as a person, so converting the call into an application carries
 * the caller's name and phone (the phone stays sealed on the server, never shown in the browser):
 * the person already linked; else the person in scope with the same name and phone; else a new
 * person registered from them. The consultation is linked to that person (audited).
 */
export async function registerCaller(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  origin: RequestOrigin,
): Promise<{ personId: string; created: boolean }> {
  const found = await findConsultation(tx, actor.scope, id, true);
  if (!found) throw new AppError('NOT_FOUND');
  const c = found.consultation;
  if (c.personId) return { personId: c.personId, created: false };
  const name = c.callerName?.trim();
  if (!name) throw new AppError('CONSULTATION_CALLER_UNNAMED');
  const [known] = c.callerPhoneHash
    ? await tx
        .select({ id: persons.id })
        .from(persons)
        .where(
          and(
            eq(persons.phoneHash, c.callerPhoneHash),
            eq(persons.name, name),
            ownerInScope(actor.scope, persons.ownerOrgId),
          ),
        )
        .limit(1)
    : [];
  const phone = c.callerPhoneSealed ? deps.cipher.open(c.callerPhoneSealed) : undefined;
  const personId =
    known?.id ??
    (
      await createPerson(
        deps,
        tx,
        actor,
        {
          name,
          documentType: 'resident_id',
          ...(phone ? { phone } : {}),
          categories: [],
          householdMembers: [],
        },
        origin,
      )
    ).id;
  await tx
    .update(consultations)
    .set({ personId, updatedAt: deps.clock.now() })
    .where(eq(consultations.id, c.id));
  await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
    action: 'consultation.update',
    entityType: 'consultations',
    entityId: c.id,
    changes: { personId: { before: null, after: personId } },
  });
  return { personId, created: !known };
}
