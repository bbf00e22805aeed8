import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Locale } from '@fayuan/domain';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { auditExport } from '../../platform/audit/audit-read.ts';
import { localeFromHeader } from '../../platform/locale.ts';
import { EXPORT_LIMIT, sendXlsx, type ExportColumn } from '../../platform/http/xlsx.ts';
import { jurisdictionOf } from '../applications/application-rules.ts';
import { CENTRE_KINDS_FOR_WORKLIST, listApplications } from '../applications/applications.repository.ts';
import { worklistQuery, type ApplicationSummary } from '../applications/applications.schemas.ts';
import { listPersons, canUnmask, presentPerson } from '../people/people.repository.ts';
import { personListQuery } from '../people/people.schemas.ts';
import { listConsultations, presentConsultation } from '../consultations/consultations.repository.ts';
import { consultationListQuery } from '../consultations/consultations.schemas.ts';
import { listHandlers } from '../handlers/handlers.repository.ts';
import { handlerListQuery } from '../handlers/handlers.schemas.ts';
import { rulesOf, jurisdictionChain } from '../rules/rules.repository.ts';
import {
  CASE_CHANNEL_WORDS,
  CONSULTATION_CHANNEL_WORDS,
  CONSULTATION_OUTCOME_WORDS,
  HANDLER_KIND_WORDS,
  HANDLER_STATUS_WORDS,
  STATE_WORDS,
  say,
  wordsOf,
} from '../../platform/code-words.ts';

const tags = ['exports'];
/** Every list page's page and size are ignored: an export carries the whole filtered list. */
const whole = { page: 1, pageSize: EXPORT_LIMIT + 1 };
const xlsx = { produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] };

const BEIJING_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
/** `2026-11-02 09:30`, Beijing time. */
const beijingTime = (iso: string | null | undefined) => (iso ? BEIJING_TIME.format(new Date(iso)) : null);

function refuseIfTooLarge(total: number) {
  if (total > EXPORT_LIMIT) throw new AppError('EXPORT_TOO_LARGE', { total, limit: EXPORT_LIMIT });
}

/** The file name: the list's name and the Beijing date and time of the export. */
function fileName(deps: AppDeps, name: string) {
  return `${name}-${beijingTime(deps.clock.now().toISOString())!.replace(/[: ]/g, '')}.xlsx`;
}

/** Matter names (the `matter` rule table, every version: a closed matter keeps its name). */
async function matterNames(deps: AppDeps, organisationId: string, locale: Locale) {
  const chain = await jurisdictionChain(deps.db, await jurisdictionOf(deps.db, organisationId));
  const names = new Map<string, string>();
  for (const row of await rulesOf(deps.db, 'matter', chain)) {
    const data = row.data as { nameZh?: string; nameEn?: string };
    const name = locale === 'en-US' ? data.nameEn : data.nameZh;
    if (name && !names.has(row.key)) names.set(row.key, name);
  }
  return (code: string) => names.get(code) ?? say(locale, '其他', 'Other');
}

const localeOf = (request: FastifyRequest) => localeFromHeader(request.headers['accept-language']);

/**
 * Excel exports (.xlsx) of the staff lists, each under the same filters and data scope as its list,
 * in the request language (Chinese column headers and words for every coded value), audited as a
 * read of every row carried (`<list>.export`). At most EXPORT_LIMIT rows (EXPORT_TOO_LARGE past it).
 */
export function exportRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/applications/export',
      {
        config: { access: 'application.read', errors: ['EXPORT_TOO_LARGE'] },
        schema: {
          tags,
          summary: 'The worklist under its filters as .xlsx (audited: applications.export)',
          querystring: worklistQuery,
          ...xlsx,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const locale = localeOf(request);
        const { items, total } = await listApplications(
          deps.db,
          actor.scope,
          { ...request.query, ...whole },
          actor.userId,
          deps.clock.now(),
          CENTRE_KINDS_FOR_WORKLIST.has(actor.organisation.kind),
        );
        refuseIfTooLarge(total);
        const matter = await matterNames(deps, actor.organisation.id, locale);
        const columns: ExportColumn<ApplicationSummary>[] = [
          { header: say(locale, '申请编号', 'Number'), width: 30, value: (a) => a.number },
          { header: say(locale, '申请人', 'Applicant'), width: 12, value: (a) => a.applicant.name },
          { header: say(locale, '援助事项', 'Matter'), width: 24, value: (a) => matter(a.matter) },
          {
            header: say(locale, '渠道', 'Channel'),
            width: 12,
            value: (a) => wordsOf(CASE_CHANNEL_WORDS, a.channel, locale),
          },
          {
            header: say(locale, '状态', 'State'),
            width: 14,
            value: (a) => wordsOf(STATE_WORDS, a.state, locale),
          },
          { header: say(locale, '所属中心', 'Centre'), width: 20, value: (a) => a.owner.name },
          {
            header: say(locale, '审查人员', 'Reviewer'),
            width: 12,
            value: (a) => a.reviewer?.displayName ?? null,
          },
          {
            header: say(locale, '期限', 'Due'),
            width: 18,
            value: (a) => (a.currentClock?.status === 'stopped' ? null : beijingTime(a.currentClock?.dueAt)),
          },
          { header: say(locale, '受理时间', 'Received'), width: 18, value: (a) => beijingTime(a.receivedAt) },
        ];
        await auditExport(
          deps,
          originOf(request),
          'applications',
          items.map((a) => a.id),
          request.query,
        );
        return sendXlsx(
          reply,
          fileName(deps, say(locale, '审查工作台', 'worklist')),
          say(locale, '申请', 'Applications'),
          columns,
          items,
        );
      },
    );

    r.get(
      '/persons/export',
      {
        config: { access: 'person.read', errors: ['EXPORT_TOO_LARGE'] },
        schema: {
          tags,
          summary: 'Persons under the list’s filters as .xlsx, numbers masked (audited: persons.export)',
          querystring: personListQuery,
          ...xlsx,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const locale = localeOf(request);
        const { rows, total } = await listPersons(
          deps.db,
          actor.scope,
          deps.cipher,
          { ...request.query, ...whole },
          canUnmask(actor),
        );
        refuseIfTooLarge(total);
        // Numbers stay masked in a file that leaves the system (unmasking is per view, audited).
        const people = rows.map((row) => presentPerson(row, deps.cipher, false));
        type P = (typeof people)[number];
        const columns: ExportColumn<P>[] = [
          { header: say(locale, '姓名', 'Name'), width: 12, value: (p) => p.name },
          {
            header: say(locale, '性别', 'Sex'),
            width: 6,
            value: (p) =>
              p.sex === null
                ? null
                : p.sex === 'male'
                  ? say(locale, '男', 'Male')
                  : say(locale, '女', 'Female'),
          },
          {
            header: say(locale, '出生日期', 'Born'),
            width: 12,
            value: (p) => p.birthDate ?? (p.birthYear === null ? null : String(p.birthYear)),
          },
          { header: say(locale, '证件号码', 'ID number'), width: 22, value: (p) => p.idNumberMasked },
          { header: say(locale, '联系电话', 'Phone'), width: 16, value: (p) => p.phoneMasked },
          { header: say(locale, '所属机构', 'Organisation'), width: 20, value: (p) => p.ownerOrgName },
          {
            header: say(locale, '登记时间', 'Registered'),
            width: 18,
            value: (p) => beijingTime(p.createdAt),
          },
        ];
        await auditExport(
          deps,
          originOf(request),
          'persons',
          people.map((p) => p.id),
          request.query,
        );
        return sendXlsx(
          reply,
          fileName(deps, say(locale, '当事人', 'persons')),
          say(locale, '当事人', 'Persons'),
          columns,
          people,
        );
      },
    );

    r.get(
      '/consultations/export',
      {
        config: { access: 'consultation.read', errors: ['EXPORT_TOO_LARGE'] },
        schema: {
          tags,
          summary:
            'Consultations under the list’s filters as .xlsx, phones masked (audited: consultations.export)',
          querystring: consultationListQuery,
          ...xlsx,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const locale = localeOf(request);
        // The caller-phone lookup stays on the list screen; an export takes the other filters.
        if (request.query.callerPhone !== undefined)
          throw new AppError('VALIDATION_FAILED', { field: 'callerPhone' });
        const { mine, callerPhone: _phone, ...query } = request.query;
        const { rows, total } = await listConsultations(deps.db, actor.scope, {
          ...query,
          ...whole,
          ...(mine ? { ownerUserId: actor.userId } : {}),
        });
        refuseIfTooLarge(total);
        const items = rows.map((row) => presentConsultation(row, deps.cipher));
        const matter = await matterNames(deps, actor.organisation.id, locale);
        type C = (typeof items)[number];
        const columns: ExportColumn<C>[] = [
          { header: say(locale, '咨询时间', 'Asked at'), width: 18, value: (c) => beijingTime(c.startedAt) },
          {
            header: say(locale, '咨询渠道', 'Channel'),
            width: 12,
            value: (c) => wordsOf(CONSULTATION_CHANNEL_WORDS, c.channel, locale),
          },
          {
            header: say(locale, '咨询人', 'Caller'),
            width: 12,
            value: (c) => c.person?.name ?? c.callerName,
          },
          { header: say(locale, '联系电话', 'Phone'), width: 16, value: (c) => c.callerPhoneMasked },
          { header: say(locale, '咨询事项', 'Topic'), width: 24, value: (c) => matter(c.topicMatter) },
          { header: say(locale, '咨询问题', 'Question'), width: 40, value: (c) => c.question },
          {
            header: say(locale, '处理结果', 'Outcome'),
            width: 10,
            value: (c) => wordsOf(CONSULTATION_OUTCOME_WORDS, c.outcome, locale),
          },
          { header: say(locale, '首问负责人', 'Owner'), width: 12, value: (c) => c.owner.displayName },
        ];
        await auditExport(
          deps,
          originOf(request),
          'consultations',
          items.map((c) => c.id),
          request.query,
        );
        return sendXlsx(
          reply,
          fileName(deps, say(locale, '咨询记录', 'consultations')),
          say(locale, '咨询', 'Consultations'),
          columns,
          items,
        );
      },
    );

    r.get(
      '/handlers/export',
      {
        config: { access: 'handler.read', errors: ['EXPORT_TOO_LARGE'] },
        schema: {
          tags,
          summary: 'Handlers under the list’s filters as .xlsx, without phones (audited: handlers.export)',
          querystring: handlerListQuery,
          ...xlsx,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const locale = localeOf(request);
        const { rows, total } = await listHandlers(deps.db, actor.scope, { ...request.query, ...whole });
        refuseIfTooLarge(total);
        type H = (typeof rows)[number];
        const columns: ExportColumn<H>[] = [
          { header: say(locale, '姓名', 'Name'), width: 12, value: (h) => h.handler.name },
          {
            header: say(locale, '人员类别', 'Kind'),
            width: 20,
            value: (h) => wordsOf(HANDLER_KIND_WORDS, h.handler.kind, locale),
          },
          { header: say(locale, '律师事务所', 'Law firm'), width: 24, value: (h) => h.firm?.name ?? null },
          { header: say(locale, '执业证号', 'Licence'), width: 22, value: (h) => h.handler.licenceNumber },
          {
            header: say(locale, '状态', 'Status'),
            width: 8,
            value: (h) => wordsOf(HANDLER_STATUS_WORDS, h.handler.status, locale),
          },
          { header: say(locale, '承办上限', 'Capacity'), width: 10, value: (h) => h.handler.capacity },
          { header: say(locale, '所属机构', 'Organisation'), width: 20, value: (h) => h.organisationName },
        ];
        await auditExport(
          deps,
          originOf(request),
          'handlers',
          rows.map((h) => h.handler.id),
          request.query,
        );
        return sendXlsx(
          reply,
          fileName(deps, say(locale, '法律援助人员', 'handlers')),
          say(locale, '法律援助人员', 'Handlers'),
          columns,
          rows,
        );
      },
    );
  };
}
