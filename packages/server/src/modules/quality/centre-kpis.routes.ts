import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { beijingDateOf, formatCitation, type Locale } from '@fayuan/domain';
import { eq } from 'drizzle-orm';
import { organisations } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { localDate } from '../../platform/http/date-schemas.ts';
import { localeFromHeader } from '../../platform/locale.ts';
import { sendXlsx } from '../../platform/http/xlsx.ts';
import { sendPdf } from '../../platform/http/files.ts';
import { layoutToPdf } from '../../platform/documents/pdf/pdf.ts';
import { missingGlyphs } from '../../platform/documents/pdf/fonts.ts';
import { textsOf, type DocumentLayout } from '../../platform/documents/pdf/layout.ts';
import { AppError } from '../../platform/errors.ts';
import { centreKpis, type CentreKpis } from './centre-kpis.ts';

const tags = ['quality'];
const periodQuery = z.strictObject({ from: localDate, to: localDate });
const kpiValue = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  unit: z.string(),
  citation: z.string(),
  ruleId: z.string(),
});
const centreSchema = z.object({
  organisationId: z.string().uuid(),
  name: z.string(),
  measures: z.record(z.string(), z.number()),
  kpis: z.array(kpiValue),
});

const WORDS = {
  'zh-CN': {
    title: '法律援助中心考评指标',
    sheet: '中心考评',
    centre: '法律援助中心',
    period: (from: string, to: string) => `考评期间：${from} 至 ${to}`,
    intro:
      '各项指标按规则数据中的计算公式由业务记录自动统计（《关于完善法律援助制度的实施意见》（十二））；“—”表示本期没有可计算的数据。',
    formulas: '指标及计算依据',
    formula: (k: CentreKpis['kpis'][number]) =>
      `${k.nameZh}（${k.unit}）：${formatCitation(k.citation, 'zh-CN')}`,
    seal: '',
  },
  'en-US': {
    title: 'Legal aid centre evaluation',
    sheet: 'Centre evaluation',
    centre: 'Centre',
    period: (from: string, to: string) => `Period: ${from} to ${to}`,
    intro:
      'Each indicator is computed from the records by the formula in the rule data (Beijing opinions (十二)); “—” means nothing to compute in the period.',
    formulas: 'Indicators and their basis',
    formula: (k: CentreKpis['kpis'][number]) =>
      `${k.nameEn} (${k.unit}): ${formatCitation(k.citation, 'en-US')}`,
    seal: '',
  },
} as const;

const shown = (v: number | null) => (v === null ? '—' : String(v));
const localeOf = (request: { headers: { 'accept-language'?: string | undefined } }): Locale =>
  localeFromHeader(request.headers['accept-language']);

/** The bureau's evaluation of centres (考评, OPN (十二)): JSON, Excel and a PDF report. */
export function centreKpiRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const load = (request: Parameters<typeof actorOf>[0], from: string, to: string) => {
      if (to < from) throw new AppError('VALIDATION_FAILED', { field: 'to' });
      return centreKpis(deps.db, actorOf(request).scope, from as never, to as never);
    };

    r.get(
      '/quality/centre-kpis',
      {
        config: { access: 'quality.kpi' },
        schema: {
          tags,
          summary:
            'Each centre’s indicators for a period (考评), each with its formula’s measures and citation',
          querystring: periodQuery,
          response: { 200: z.object({ items: z.array(centreSchema) }) },
        },
      },
      async (request) => ({ items: await load(request, request.query.from, request.query.to) }),
    );

    r.get(
      '/quality/centre-kpis/export',
      {
        config: { access: 'quality.kpi' },
        schema: { tags, summary: 'The centres’ indicators as an Excel workbook', querystring: periodQuery },
      },
      async (request, reply) => {
        const { from, to } = request.query;
        const locale: Locale = localeOf(request);
        const words = WORDS[locale];
        const items = await load(request, from, to);
        const kpis = items[0]?.kpis ?? [];
        return sendXlsx(
          reply,
          `${words.sheet} ${from}—${to}.xlsx`,
          words.sheet,
          [
            { header: words.centre, width: 24, value: (c: CentreKpis) => c.name },
            ...kpis.map((k, i) => ({
              header: `${locale === 'en-US' ? k.nameEn : k.nameZh} (${k.unit})`,
              width: 16,
              value: (c: CentreKpis) => c.kpis[i]?.value ?? null,
            })),
          ],
          items,
        );
      },
    );

    r.get(
      '/quality/centre-kpis/report',
      {
        config: { access: 'quality.kpi', errors: ['REPORT_UNRENDERABLE'] },
        schema: { tags, summary: 'The centres’ indicators as a PDF report', querystring: periodQuery },
      },
      async (request, reply) => {
        const { from, to } = request.query;
        const locale: Locale = localeOf(request);
        const words = WORDS[locale];
        const items = await load(request, from, to);
        const kpis = items[0]?.kpis ?? [];
        const [org] = await deps.db
          .select({ name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, actorOf(request).organisationId));
        const today = beijingDateOf(deps.clock.now());
        const layout: DocumentLayout = {
          title: words.title,
          number: words.period(from, to),
          language: locale,
          body: [
            { type: 'paragraph', text: words.intro },
            {
              type: 'table',
              header: [
                words.centre,
                ...kpis.map((k) => `${locale === 'en-US' ? k.nameEn : k.nameZh}（${k.unit}）`),
              ],
              rows: items.map((c) => [c.name, ...c.kpis.map((k) => shown(k.value))]),
              widths: ['*', ...kpis.map(() => 'auto' as const)],
            },
            { type: 'heading', text: words.formulas },
            { type: 'list', items: kpis.map(words.formula) },
          ],
          signature: { centre: org?.name ?? '', seal: words.seal, date: today },
        };
        const missing = missingGlyphs(textsOf(layout));
        if (missing.length > 0) throw new AppError('REPORT_UNRENDERABLE', { characters: missing.join('') });
        const data = await layoutToPdf(layout, { createdAt: deps.clock.now() });
        return sendPdf(reply, { number: `${words.sheet} ${from}—${to}`, data });
      },
    );
  };
}
