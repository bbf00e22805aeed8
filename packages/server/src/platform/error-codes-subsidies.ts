/**
 * The error codes of subsidy calculation, review and payment batches (issue 16, LAL art.52).
 * Spread into the one catalogue in errors.ts.
 */
export const SUBSIDY_ERRORS = {
  SUBSIDY_CALCULATION_NOT_FOUND: [404, '没有找到该补贴核算', 'No such subsidy calculation'],
  SUBSIDY_CALCULATION_STALE: [
    409,
    '该补贴核算已被他人修改，请刷新后再操作',
    'Someone else has changed this subsidy calculation; refresh and try again',
  ],
  SUBSIDY_STEP_NOT_OPEN: [
    409,
    '该补贴当前所处状态不能进行此操作，请刷新后查看',
    'This step is not open for the subsidy in its current state; refresh to see where it is',
  ],
  SUBSIDY_CASE_NOT_EVALUATED: [
    409,
    '案件尚未完成质量评估，补贴在结案审查和质量评估之后核定',
    'The case has not been evaluated yet: a subsidy is approved after the closing review and the evaluation',
  ],
  SUBSIDY_RATE_NOT_SET: [
    409,
    '补贴标准中有金额尚待中心设定，请在规则管理中设定后重新计算：',
    'Some figures of the subsidy standard are still to be set by the centre; set them under Rules and recalculate:',
  ],
  SUBSIDY_ADJUSTMENT_REASON_REQUIRED: [400, '调整补贴金额须说明理由', 'An adjustment needs its reason'],
  SUBSIDY_TOTAL_NOT_POSITIVE: [
    422,
    '调整后的补贴金额必须大于零',
    'The subsidy after the adjustment must be more than zero',
  ],
  SUBSIDY_SECOND_APPROVER_SAME: [
    409,
    '超过限额的调整须由另一人复核，审核人不能复核自己的调整',
    'An adjustment above the limit needs a second person: the reviewer cannot approve their own adjustment',
  ],
  SUBSIDY_POLICY_MISSING: [
    409,
    '没有生效的补贴核定规则，请在规则管理中设定',
    'No subsidy policy is in force; set one under Rules',
  ],
  SUBSIDY_IN_BATCH: [
    409,
    '该案件的补贴已核定或已列入发放批次，不能手工登记发放',
    'This subsidy is approved or in a payment batch: it cannot be recorded by hand',
  ],
  SUBSIDY_BATCH_NOT_FOUND: [404, '没有找到该发放批次', 'No such payment batch'],
  SUBSIDY_BATCH_STALE: [
    409,
    '该发放批次已被他人修改，请刷新后再操作',
    'Someone else has changed this payment batch; refresh and try again',
  ],
  SUBSIDY_BATCH_STEP_NOT_OPEN: [
    409,
    '该发放批次当前所处状态不能进行此操作，请刷新后查看',
    'This step is not open for the batch in its current state; refresh to see where it is',
  ],
  SUBSIDY_BATCH_EMPTY: [
    422,
    '所选期间和收款人没有已核定待发放的补贴',
    'No approved subsidy awaits payment for that period and payee',
  ],
  SUBSIDY_BATCH_PERIOD_INVALID: [
    400,
    '期间的开始日期不能晚于结束日期',
    'The period must not start after it ends',
  ],
  SUBSIDY_BATCH_APPROVER_SAME: [
    409,
    '发放批次须由编制人以外的负责人审批',
    'A batch is approved by someone other than the person who made it',
  ],
  SUBSIDY_ACCOUNT_MISSING: [
    422,
    '以下收款人尚未登记银行账户：',
    'These payees have no bank account on file:',
  ],
  SUBSIDY_ACCOUNT_INVALID: [400, '银行账号应为 8 至 32 位数字', 'A bank account number is 8 to 32 digits'],
  SUBSIDY_PAYEE_NOT_FOUND: [404, '没有找到该收款人', 'No such payee'],
  SUBSIDY_RETURN_INVALID: [422, '银行回单文件无法读取：', 'The bank return file cannot be read:'],
  SUBSIDY_LAYOUT_INVALID: [
    400,
    '银行文件格式须至少有一列，且列名不能重复',
    'A bank file layout needs at least one column and no header twice',
  ],
} as const;
