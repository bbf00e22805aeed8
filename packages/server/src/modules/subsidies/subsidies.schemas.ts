import { z } from 'zod';
import { BANK_FILE_FIELDS, COST_KINDS } from '@fayuan/domain';
import { BATCH_STATUSES, CALCULATION_STATUSES, PAYEE_KINDS } from '../../db/schema/index.ts';
import { localDate } from '../../platform/http/date-schemas.ts';

/** A subsidy paid on a case (LAL art.52): the amount as paid, in fen; nothing is computed yet. */
export const paymentBody = z.strictObject({
  amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  paidOn: localDate,
  paymentReference: z.string().trim().min(1).max(100),
});
export type PaymentInput = z.infer<typeof paymentBody>;

export const paymentSchema = z.object({
  id: z.string().uuid(),
  applicationId: z.string().uuid(),
  handler: z.object({ id: z.string().uuid(), name: z.string() }),
  payee: z.object({
    kind: z.enum(PAYEE_KINDS),
    /** The law firm's id, or the handler's. */
    id: z.string().uuid(),
    name: z.string(),
  }),
  amountFen: z.number().int(),
  paidOn: z.string(),
  paymentReference: z.string(),
  recordedBy: z.object({ id: z.string().uuid(), displayName: z.string() }),
  recordedAt: z.string(),
  /** Reserved for the subsidy area's payment batches and rate table; null for now. */
  batchId: z.string().uuid().nullable(),
  rateRuleId: z.string().nullable(),
});
export type PaymentView = z.infer<typeof paymentSchema>;

const version = z.number().int().min(1);
const fenDelta = z.number().int().min(-100_000_000).max(100_000_000);

/** What finance states at review, and the costs claimed with receipts (subsidies/calculate.ts). */
export const reviewFactsBody = z.strictObject({
  version,
  declared: z
    .strictObject({
      extraStages: z.number().int().min(0).max(10),
      extraParties: z.number().int().min(0).max(100),
      remoteTravel: z.boolean(),
      complex: z.boolean(),
    })
    .optional(),
  costs: z
    .array(
      z.strictObject({
        kind: z.enum(COST_KINDS),
        claimedFen: z.number().int().positive().max(100_000_000),
        note: z.string().trim().max(200).default(''),
      }),
    )
    .max(50)
    .optional(),
});
export type ReviewFactsInput = z.infer<typeof reviewFactsBody>;

export const approveBody = z.strictObject({
  version,
  /** Added to the computed amount (negative takes off); needs its reason. */
  adjustmentFen: fenDelta.optional(),
  adjustmentReason: z.string().trim().max(500).optional(),
});
export type ApproveInput = z.infer<typeof approveBody>;

export const secondApprovalBody = z.strictObject({
  version,
  approve: z.boolean(),
  reason: z.string().trim().max(500).optional(),
});
export type SecondApprovalInput = z.infer<typeof secondApprovalBody>;

export const versionBody = z.strictObject({ version });

const item = z.object({
  kind: z.enum(['base', 'supplement', 'cost', 'quality_band']),
  code: z.string(),
  ruleId: z.string(),
  citation: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  evidence: z.enum(['standard', 'record', 'declared', 'claim', 'evaluation']),
  quantity: z.number(),
  /** Null while the centre has not set the figure (待中心设定). */
  amountFen: z.number().int().nullable(),
  explanationZh: z.string(),
  explanationEn: z.string(),
});

const person = z.object({ id: z.string().uuid(), displayName: z.string() }).nullable();

export const calculationSchema = z.object({
  id: z.string().uuid(),
  applicationId: z.string().uuid(),
  applicationNumber: z.string(),
  caseType: z.string(),
  caseState: z.string(),
  handler: z.object({ id: z.string().uuid(), name: z.string() }),
  payee: z.object({ kind: z.enum(PAYEE_KINDS), id: z.string().uuid(), name: z.string() }),
  status: z.enum(CALCULATION_STATUSES),
  basisDate: z.string(),
  dateBasis: z.enum(['assignment', 'closing']),
  items: z.array(item),
  problems: z.array(
    z.object({ code: z.literal('NO_BASE_RATE'), caseType: z.string(), stage: z.string().nullable() }),
  ),
  complete: z.boolean(),
  declared: z.object({
    extraStages: z.number().int(),
    extraParties: z.number().int(),
    remoteTravel: z.boolean(),
    complex: z.boolean(),
  }),
  costs: z.array(z.object({ kind: z.enum(COST_KINDS), claimedFen: z.number().int(), note: z.string() })),
  computedFen: z.number().int(),
  adjustmentFen: z.number().int(),
  adjustmentReason: z.string().nullable(),
  totalFen: z.number().int(),
  /** An adjustment larger than this needs a second approver (the policy in force today). */
  secondApprovalAboveFen: z.number().int().nullable(),
  ruleIds: z.array(z.string()),
  ruleVersion: z.string(),
  policyRuleId: z.string(),
  calculatedAt: z.string(),
  reviewedBy: person,
  reviewedAt: z.string().nullable(),
  secondApprovedBy: person,
  batch: z.object({ id: z.string().uuid(), number: z.string() }).nullable(),
  paidOn: z.string().nullable(),
  version: z.number().int(),
});
export type CalculationView = z.infer<typeof calculationSchema>;

export const calculationListQuery = z.strictObject({
  status: z.enum(CALCULATION_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const calculationPage = z.object({
  items: z.array(
    calculationSchema.omit({ items: true, problems: true, costs: true, declared: true, ruleIds: true }),
  ),
  total: z.number().int(),
});

export const newBatchBody = z.strictObject({
  periodFrom: localDate,
  periodTo: localDate,
  payee: z
    .strictObject({
      kind: z.enum(['all', 'law_firm', 'handler']),
      firmId: z.string().uuid().optional(),
      handlerId: z.string().uuid().optional(),
    })
    .default({ kind: 'all' }),
});
export type NewBatchInput = z.infer<typeof newBatchBody>;

export const batchSummarySchema = z.object({
  id: z.string().uuid(),
  number: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.enum(BATCH_STATUSES),
  totalFen: z.number().int(),
  lineCount: z.number().int(),
  subsidyCount: z.number().int(),
  createdBy: z.object({ id: z.string().uuid(), displayName: z.string() }),
  createdAt: z.string(),
  approvedBy: person,
  approvedAt: z.string().nullable(),
  exportedAt: z.string().nullable(),
  settledAt: z.string().nullable(),
  version: z.number().int(),
});

export const batchDetailSchema = batchSummarySchema.extend({
  lines: z.array(
    z.object({
      id: z.string().uuid(),
      seq: z.number().int(),
      reference: z.string(),
      payeeKind: z.enum(PAYEE_KINDS),
      payeeName: z.string(),
      accountName: z.string().nullable(),
      bankName: z.string().nullable(),
      /** The last four digits only; the whole number is in the bank file. */
      accountTail: z.string().nullable(),
      amountFen: z.number().int(),
      status: z.enum(['open', 'paid', 'failed']),
      bankSerial: z.string().nullable(),
      paidOn: z.string().nullable(),
      failureMessage: z.string().nullable(),
      subsidies: z.array(
        z.object({
          calculationId: z.string().uuid(),
          applicationId: z.string().uuid(),
          applicationNumber: z.string(),
          amountFen: z.number().int(),
          status: z.enum(['open', 'paid', 'failed', 'removed']),
        }),
      ),
    }),
  ),
});
export type BatchDetail = z.infer<typeof batchDetailSchema>;

export const returnReportSchema = z.object({
  paid: z.number().int(),
  failed: z.number().int(),
  unknownReferences: z.array(z.string()),
  alreadySettled: z.array(z.string()),
  settled: z.boolean(),
});

export const payeeAccountSchema = z.object({
  payeeKind: z.enum(PAYEE_KINDS),
  /** The law firm's id, or the handler's. */
  payeeId: z.string().uuid(),
  payeeName: z.string(),
  /** Approved subsidies awaiting a batch for this payee. */
  awaiting: z.number().int(),
  account: z
    .object({
      accountName: z.string(),
      bankName: z.string(),
      accountTail: z.string(),
      version: z.number().int(),
    })
    .nullable(),
});

export const payeeAccountBody = z.strictObject({
  payeeKind: z.enum(PAYEE_KINDS),
  payeeId: z.string().uuid(),
  accountName: z.string().trim().min(1).max(100),
  bankName: z.string().trim().min(1).max(100),
  accountNumber: z.string().trim().max(40),
  version: z.number().int().min(1).optional(),
});
export type PayeeAccountInput = z.infer<typeof payeeAccountBody>;

export const bankLayoutSchema = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  columns: z
    .array(z.strictObject({ header: z.string().trim().min(1).max(40), field: z.enum(BANK_FILE_FIELDS) }))
    .min(1)
    .max(20),
  returnColumns: z.strictObject({
    reference: z.string().trim().min(1).max(40),
    status: z.string().trim().min(1).max(40),
    bankSerial: z.string().trim().min(1).max(40),
    date: z.string().trim().min(1).max(40),
    message: z.string().trim().min(1).max(40),
  }),
  successValues: z.array(z.string().trim().min(1).max(40)).min(1).max(10),
});

export const bankLayoutView = z.object({
  layout: bankLayoutSchema,
  version: z.number().int(),
  saved: z.boolean(),
});
export const bankLayoutBody = z.strictObject({ layout: bankLayoutSchema, version: z.number().int().min(0) });

/** A handler's subsidies as they see them on 我的案件. */
export const mySubsidySchema = z.object({
  applicationId: z.string().uuid(),
  applicationNumber: z.string(),
  status: z.enum(CALCULATION_STATUSES),
  totalFen: z.number().int(),
  complete: z.boolean(),
  payeeName: z.string(),
  batchNumber: z.string().nullable(),
  paidOn: z.string().nullable(),
});
