import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  OPINION_ORGAN_KINDS,
  opinionItems,
  type ListItemRule,
  type LocalDate,
  type OpinionOrganKind,
  type OrganOpinionStatus,
} from '@fayuan/domain';
import type { Queryable } from '../../../db/client.ts';
import {
  applications,
  criminalNotices,
  handlers,
  organisations,
  organOpinionRequests,
  partners,
  ruleRows,
} from '../../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { ownerInScope, type DataScope } from '../../../platform/scope/data-scope.ts';
import { jurisdictionOf, listItemsInForce } from '../../applications/application-rules.ts';
import { carryingHandlerOf } from '../handler-quality.ts';

/** The items a request asked, by their rule row ids (the versions in force when it was made). */
export async function itemsOfRequest(db: Queryable, ruleIds: readonly string[]): Promise<ListItemRule[]> {
  if (ruleIds.length === 0) return [];
  const rows = await db
    .select()
    .from(ruleRows)
    .where(inArray(ruleRows.id, [...ruleIds]));
  return opinionItems(
    rows.map((r) => {
      const data = r.data as Pick<ListItemRule, 'list' | 'code' | 'nameZh' | 'nameEn' | 'params'>;
      return {
        id: r.id,
        jurisdiction: r.jurisdiction,
        list: data.list,
        code: data.code,
        nameZh: data.nameZh,
        nameEn: data.nameEn,
        params: data.params ?? {},
        citation: r.citation,
        effectiveFrom: r.effectiveFrom as ListItemRule['effectiveFrom'],
        effectiveTo: (r.effectiveTo ?? null) as ListItemRule['effectiveTo'],
      };
    }),
  );
}

const listColumns = {
  r: organOpinionRequests,
  number: applications.number,
  handlerName: handlers.name,
};

/** The requests of the actor's centres: those waiting for an answer first, newest first. */
export async function opinionRequestsInScope(db: Queryable, scope: DataScope, status?: OrganOpinionStatus) {
  const rows = await db
    .select(listColumns)
    .from(organOpinionRequests)
    .innerJoin(applications, eq(applications.id, organOpinionRequests.applicationId))
    .leftJoin(handlers, eq(handlers.id, organOpinionRequests.handlerId))
    .where(
      and(
        ownerInScope(scope, organOpinionRequests.organisationId),
        status ? eq(organOpinionRequests.status, status) : undefined,
      ),
    )
    .orderBy(
      sql`${organOpinionRequests.status} IN ('sent', 'printed') DESC`,
      desc(organOpinionRequests.createdAt),
    )
    .limit(500);
  return rows.map(({ r, number, handlerName }) => ({
    id: r.id,
    applicationId: r.applicationId,
    applicationNumber: number,
    handlerName,
    organKind: r.organKind,
    organName: r.organName,
    channel: r.channel,
    status: r.status,
    dueOn: r.dueOn,
    poorItems: r.poorItems ?? [],
    sentAt: r.sentAt?.toISOString() ?? null,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    version: r.version,
  }));
}

/** One request with its items and answer. Audited (a read of a case's quality record). */
export async function opinionRequestDetail(deps: AppDeps, actor: Actor, id: string, origin: RequestOrigin) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ ...listColumns, partnerName: partners.name })
      .from(organOpinionRequests)
      .innerJoin(applications, eq(applications.id, organOpinionRequests.applicationId))
      .leftJoin(handlers, eq(handlers.id, organOpinionRequests.handlerId))
      .leftJoin(partners, eq(partners.id, organOpinionRequests.partnerId))
      .where(
        and(eq(organOpinionRequests.id, id), ownerInScope(actor.scope, organOpinionRequests.organisationId)),
      );
    if (!row) throw new AppError('ORGAN_OPINION_NOT_FOUND');
    await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
      action: 'organ_opinion_requests.read',
      entityType: 'organ_opinion_requests',
      entityId: id,
      organisationId: row.r.organisationId,
    });
    const items = await itemsOfRequest(tx, row.r.questionRuleIds);
    return {
      id: row.r.id,
      applicationId: row.r.applicationId,
      applicationNumber: row.number,
      handlerName: row.handlerName,
      organKind: row.r.organKind,
      organName: row.r.organName,
      partner: row.r.partnerId ? { id: row.r.partnerId, name: row.partnerName ?? '' } : null,
      channel: row.r.channel,
      status: row.r.status,
      dueOn: row.r.dueOn,
      items: items.map((i) => ({
        code: i.code,
        nameZh: i.nameZh,
        nameEn: i.nameEn,
        overall: i.params.overall === true,
        citation: i.citation,
      })),
      answer: row.r.answer,
      answerVia: row.r.answerVia,
      poorItems: row.r.poorItems ?? [],
      sentAt: row.r.sentAt?.toISOString() ?? null,
      answeredAt: row.r.answeredAt?.toISOString() ?? null,
      cancelReason: row.r.cancelReason,
      createdAt: row.r.createdAt.toISOString(),
      version: row.r.version,
    };
  });
}

/** The active partners that are courts, procuratorates or police: the organs a request can go to by API. */
export async function organPartners(db: Queryable) {
  return db
    .select({ id: partners.id, name: partners.name, kind: partners.kind })
    .from(partners)
    .where(and(eq(partners.active, true), inArray(partners.kind, [...OPINION_ORGAN_KINDS])))
    .orderBy(asc(partners.name))
    .limit(500);
}

/**
 * A case in the actor's scope found by its number, with the organ a request would go to: the one
 * that sent the notice (通知辩护/代理, and its partner when it sent it by API), else the court or
 * authority recorded on the application (a court when the kind is not known); staff may change it.
 */
export async function caseForOpinion(db: Queryable, scope: DataScope, number: string, today: LocalDate) {
  const [app] = await db
    .select({
      id: applications.id,
      number: applications.number,
      partnerId: applications.partnerId,
      courtOrAuthority: applications.courtOrAuthority,
      ownerOrgId: applications.ownerOrgId,
      ownerName: organisations.name,
      noticeKind: criminalNotices.institutionKind,
      noticeName: criminalNotices.institutionName,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.ownerOrgId))
    .leftJoin(criminalNotices, eq(criminalNotices.applicationId, applications.id))
    .where(and(eq(applications.number, number.trim()), ownerInScope(scope, applications.ownerOrgId)))
    .limit(1);
  if (!app) throw new AppError('ORGAN_OPINION_CASE_NOT_FOUND');
  const handlerId = await carryingHandlerOf(db, app.id);
  const [handler] = handlerId
    ? await db.select({ name: handlers.name }).from(handlers).where(eq(handlers.id, handlerId))
    : [];
  const candidates = await organPartners(db);
  let suggested: { organKind: OpinionOrganKind; organName: string; partnerId: string | null } | null = null;
  const named = (kind: OpinionOrganKind, name: string) =>
    candidates.find((p) => p.kind === kind && p.name === name)?.id ?? null;
  if (app.noticeKind && app.noticeName) {
    const sender = candidates.find((p) => p.id === app.partnerId && p.kind === app.noticeKind);
    suggested = {
      organKind: app.noticeKind,
      organName: app.noticeName,
      partnerId: sender?.id ?? named(app.noticeKind, app.noticeName),
    };
  } else if (app.courtOrAuthority) {
    suggested = {
      organKind: 'court',
      organName: app.courtOrAuthority,
      partnerId: named('court', app.courtOrAuthority),
    };
  }
  const items = opinionItems(
    await listItemsInForce(db, await jurisdictionOf(db, app.ownerOrgId), 'organ_opinion_item', today),
  );
  return {
    applicationId: app.id,
    applicationNumber: app.number,
    centreName: app.ownerName,
    handlerName: handler?.name ?? null,
    suggested,
    partners: candidates,
    items: items.map((i) => ({ code: i.code, nameZh: i.nameZh, nameEn: i.nameEn })),
  };
}
