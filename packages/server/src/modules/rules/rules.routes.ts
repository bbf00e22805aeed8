import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../platform/context.ts';
import { calendarDays, jurisdictions } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { jurisdictionCode } from '../eligibility/eligibility.schemas.ts';
import { localDate } from '../../platform/http/date-schemas.ts';
import { RULE_TABLE_NAMES, RULE_TABLES, type RuleTableName } from './rule-tables.ts';
import { jurisdictionChain, loadCalendar, loadList, rulesOf } from './rules.repository.ts';
import { statutoryHolidays, type LocalDate } from '@fayuan/domain';
import { addRuleVersion, presentRule } from './add-rule-version.ts';
import { addCalendarYear } from './add-calendar-year.ts';

const tags = ['rules'];

const ruleSchema = z.object({
  id: z.string(),
  ruleTable: z.string(),
  jurisdiction: z.string(),
  key: z.string(),
  data: z.record(z.string(), z.unknown()),
  citation: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

const tableParams = z.strictObject({
  table: z.enum(RULE_TABLE_NAMES as [RuleTableName, ...RuleTableName[]]),
});

const newVersionBody = z.strictObject({
  jurisdiction: jurisdictionCode,
  effectiveFrom: localDate,
  effectiveTo: localDate.nullable().optional(),
  citation: z.string().trim().min(2).max(300),
  note: z.string().trim().max(1000).optional(),
  data: z.record(z.string(), z.unknown()),
});

const calendarDaySchema = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'adjusted_workday']),
  nameZh: z.string(),
  nameEn: z.string(),
  source: z.string(),
});

const calendarYearBody = z.strictObject({
  jurisdiction: jurisdictionCode.default('000000'),
  year: z.number().int().min(2000).max(2100),
  source: z.string().trim().min(2).max(300),
  replace: z.boolean().optional(),
  days: z
    .array(
      z.strictObject({
        date: localDate,
        kind: z.enum(['holiday', 'adjusted_workday']),
        nameZh: z.string().trim().min(1).max(40),
        nameEn: z.string().trim().min(1).max(80),
      }),
    )
    .max(120),
});

export function ruleRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/jurisdictions',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Jurisdictions whose rules Fayuan holds',
          response: {
            200: z.array(
              z.object({
                code: z.string(),
                nameZh: z.string(),
                nameEn: z.string(),
                parentCode: z.string().nullable(),
              }),
            ),
          },
        },
      },
      () =>
        deps.db
          .select({
            code: jurisdictions.code,
            nameZh: jurisdictions.nameZh,
            nameEn: jurisdictions.nameEn,
            parentCode: jurisdictions.parentCode,
          })
          .from(jurisdictions)
          .orderBy(asc(jurisdictions.code)),
    );

    r.get(
      '/rules',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The rule tables and the JSON schema of their rows',
          response: {
            200: z.array(
              z.object({
                table: z.string(),
                labelZh: z.string(),
                labelEn: z.string(),
                dataSchema: z.unknown(),
              }),
            ),
          },
        },
      },
      () =>
        RULE_TABLE_NAMES.map((table) => ({
          table,
          labelZh: RULE_TABLES[table].labelZh,
          labelEn: RULE_TABLES[table].labelEn,
          dataSchema: z.toJSONSchema(RULE_TABLES[table].data, { io: 'input' }),
        })),
    );

    r.get(
      '/rules/:table',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Every version of the rows of a rule table for a jurisdiction (with the rows it inherits)',
          params: tableParams,
          querystring: z.strictObject({
            jurisdiction: jurisdictionCode.default('110000'),
            at: localDate.optional(),
          }),
          response: { 200: z.array(ruleSchema) },
        },
      },
      async (request) => {
        const chain = await jurisdictionChain(deps.db, request.query.jurisdiction);
        if (chain.length === 0) throw new AppError('JURISDICTION_UNKNOWN');
        const at = request.query.at;
        const rows = await rulesOf(deps.db, request.params.table, chain);
        return rows
          .filter(
            (row) => !at || (row.effectiveFrom <= at && (row.effectiveTo === null || at <= row.effectiveTo)),
          )
          .map((row) => presentRule(row as Parameters<typeof presentRule>[0]));
      },
    );

    r.post(
      '/rules/:table',
      {
        config: { access: 'rules.manage', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'Add a version of a rule from a date (the version before it closes the day before)',
          params: tableParams,
          body: newVersionBody,
          response: { 201: ruleSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          addRuleVersion(
            deps,
            tx,
            actorOf(request),
            request.params.table,
            request.body as never,
            originOf(request),
          ),
        ),
    );

    r.get(
      '/calendar',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Holidays and adjusted working days of a year',
          querystring: z.strictObject({
            year: z.coerce.number().int().min(2000).max(2100),
            jurisdiction: jurisdictionCode.default('000000'),
          }),
          response: { 200: z.array(calendarDaySchema) },
        },
      },
      async (request) =>
        deps.db
          .select({
            date: calendarDays.date,
            kind: calendarDays.kind,
            nameZh: calendarDays.nameZh,
            nameEn: calendarDays.nameEn,
            source: calendarDays.source,
          })
          .from(calendarDays)
          .where(
            and(
              eq(calendarDays.jurisdiction, request.query.jurisdiction),
              sql`extract(year from ${calendarDays.date}) = ${request.query.year}`,
            ),
          )
          .orderBy(asc(calendarDays.date)),
    );

    r.get(
      '/calendar/basis',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: "What a year's rest days rest on: the State Council notice, or the statutory baseline",
          description:
            'basis `notice`: the year is on file. `statutory`: no notice yet; dates count the statutory holidays listed (全国年节及纪念日放假办法 art.2) and weekends and are provisional. `weekends`: neither.',
          querystring: z.strictObject({
            year: z.coerce.number().int().min(2000).max(2100),
            jurisdiction: jurisdictionCode.default('000000'),
          }),
          response: {
            200: z.object({
              year: z.number().int(),
              basis: z.enum(['notice', 'statutory', 'weekends']),
              provisional: z.boolean(),
              statutoryHolidays: z.array(
                z.object({
                  date: z.string(),
                  nameZh: z.string(),
                  nameEn: z.string(),
                  ruleId: z.string(),
                  citation: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const { year, jurisdiction } = request.query;
        const chain = await jurisdictionChain(deps.db, jurisdiction);
        const rules = await loadList(deps.db, chain, 'statutory_holiday');
        const calendar = await loadCalendar(
          deps.db,
          chain,
          `${year}-01-01` as LocalDate,
          `${year}-12-31` as LocalDate,
        );
        const basis = calendar.basis(year);
        const citationOf = new Map(rules.map((r) => [r.id, r.citation]));
        return {
          year,
          basis,
          provisional: basis === 'statutory',
          statutoryHolidays: statutoryHolidays(year, rules).map((h) => ({
            ...h,
            citation: citationOf.get(h.ruleId) ?? '',
          })),
        };
      },
    );

    r.post(
      '/calendar/years',
      {
        config: { access: 'rules.manage', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'Record a year of holidays and adjusted working days as announced',
          body: calendarYearBody,
          response: {
            201: z.object({
              jurisdiction: z.string(),
              year: z.number(),
              days: z.number(),
              /** Running clocks whose due time moved on the entered days (recomputed in the same transaction). */
              recomputedClocks: z.number().int(),
            }),
          },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          addCalendarYear(deps, tx, actorOf(request), request.body as never, originOf(request)),
        ),
    );
  };
}
