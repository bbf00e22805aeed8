import type { SatisfactionLevel } from '@fayuan/domain';

// Quality evaluation (质量评估) and subsidy payment (办案补贴), mirroring
// packages/server/src/modules/quality/quality.schemas.ts and subsidies/subsidies.schemas.ts.

export type { SatisfactionLevel };

/** A rule row as used: its code, names, source and version id. */
export interface RuleRef {
  code: string;
  nameZh: string;
  nameEn: string;
  citation: string;
  ruleId: string;
}

export interface EvaluationMethodRef extends RuleRef {
  /** The recipient's satisfaction is recorded with this method (回访). */
  recordsSatisfaction: boolean;
}

export interface GradeRef extends RuleRef {
  minScore: number;
  maxScore: number;
}

export interface QualityReference {
  methods: EvaluationMethodRef[];
  /** Best grade first. */
  grades: GradeRef[];
  satisfactionLevels: SatisfactionLevel[];
}

export interface CaseEvaluation {
  id: string;
  applicationId: string;
  methods: RuleRef[];
  grade: GradeRef;
  score: number;
  satisfaction: SatisfactionLevel | null;
  findings: string;
  evaluatedBy: { id: string; displayName: string };
  evaluatedAt: string;
}

export interface EvaluationInput {
  methods: string[];
  grade: string;
  score: number;
  satisfaction?: SatisfactionLevel;
  findings: string;
}

export interface SubsidyPayment {
  id: string;
  applicationId: string;
  handler: { id: string; name: string };
  payee: { kind: 'law_firm' | 'handler'; id: string; name: string };
  amountFen: number;
  paidOn: string;
  paymentReference: string;
  recordedBy: { id: string; displayName: string };
  recordedAt: string;
  batchId: string | null;
  rateRuleId: string | null;
}

export interface SubsidyPaymentInput {
  amountFen: number;
  paidOn: string;
  paymentReference: string;
}
