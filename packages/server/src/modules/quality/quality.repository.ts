import { eq, inArray } from 'drizzle-orm';
import { scoreBand, type ListItemRule, type LocalDate } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { caseEvaluations, ruleRows, users } from '../../db/schema/index.ts';
import { listItemsInForce } from '../applications/application-rules.ts';
import type { EvaluationView } from './quality.schemas.ts';

/** The evaluation methods and grades in force in a jurisdiction on a day (grades without a band are left out). */
export async function evaluationRulesInForce(db: Queryable, jurisdiction: string, on: LocalDate) {
  const methods = await listItemsInForce(db, jurisdiction, 'evaluation_method', on);
  const grades = (await listItemsInForce(db, jurisdiction, 'quality_grade', on))
    .filter((g) => scoreBand(g) !== undefined)
    .sort((a, b) => (scoreBand(b)?.minScore ?? 0) - (scoreBand(a)?.minScore ?? 0));
  return { methods, grades };
}

interface ListItemData {
  code: string;
  nameZh: string;
  nameEn: string;
  params: ListItemRule['params'];
}

/** The case's evaluation with the rule versions it was made under, or null before there is one. */
export async function evaluationOf(db: Queryable, applicationId: string): Promise<EvaluationView | null> {
  const [row] = await db
    .select({ e: caseEvaluations, by: users.displayName })
    .from(caseEvaluations)
    .innerJoin(users, eq(users.id, caseEvaluations.evaluatedBy))
    .where(eq(caseEvaluations.applicationId, applicationId));
  if (!row) return null;
  const { e, by } = row;
  const rules = await db
    .select({ id: ruleRows.id, data: ruleRows.data, citation: ruleRows.citation })
    .from(ruleRows)
    .where(inArray(ruleRows.id, [...e.methodRuleIds, e.gradeRuleId]));
  const byId = new Map(rules.map((r) => [r.id, r]));
  const ref = (ruleId: string, code: string) => {
    const rule = byId.get(ruleId);
    const data = rule?.data as ListItemData | undefined;
    return {
      code,
      nameZh: data?.nameZh ?? code,
      nameEn: data?.nameEn ?? code,
      citation: rule?.citation ?? '',
      ruleId,
    };
  };
  const gradeData = byId.get(e.gradeRuleId)?.data as ListItemData | undefined;
  return {
    id: e.id,
    applicationId,
    methods: e.methods.map((code, i) => ref(e.methodRuleIds[i] ?? '', code)),
    grade: {
      ...ref(e.gradeRuleId, e.grade),
      minScore: Number(gradeData?.params.minScore ?? 0),
      maxScore: Number(gradeData?.params.maxScore ?? 0),
    },
    score: e.score,
    satisfaction: e.satisfaction,
    findings: e.findings,
    evaluatedBy: { id: e.evaluatedBy, displayName: by },
    evaluatedAt: e.evaluatedAt.toISOString(),
  };
}
