/**
 * The error codes of the centre's money (issue 16, "Budget and other money"): budget lines,
 * donations and their use, purchase-of-service contracts and their payments. Spread into the one
 * catalogue in errors.ts.
 */
export const FUNDING_ERRORS = {
  BUDGET_LINE_NOT_FOUND: [404, '没有找到该预算项目', 'No such budget line'],
  BUDGET_LINE_STALE: [
    409,
    '该预算项目已被他人修改，请刷新后再操作',
    'Someone else has changed this budget line; refresh and try again',
  ],
  BUDGET_LINE_UNUSABLE: [
    422,
    '所选预算项目不存在、不属于本中心或不是该年度的项目',
    'The budget line chosen does not exist, is not the centre’s, or is not of that year',
  ],
  BUDGET_LINE_BELOW_SPENT: [
    422,
    '预算金额不能低于该项目已支出的金额',
    'The allocation cannot be less than what was already spent from the line',
  ],
  DONATION_NOT_FOUND: [404, '没有找到该捐赠记录', 'No such donation'],
  DONATION_OVERUSED: [
    422,
    '使用金额超过该笔捐赠的剩余金额，捐赠的使用不能超过捐赠金额',
    'The amount is more than what is left of the donation; a donation cannot be used for more than was given',
  ],
  DONATION_CASE_NOT_FOUND: [
    422,
    '没有找到该受理编号的案件，或案件不属于本中心',
    'No case with this number in the centre’s records',
  ],
  CONTRACT_NOT_FOUND: [404, '没有找到该购买服务合同', 'No such purchase-of-service contract'],
  CONTRACT_STALE: [
    409,
    '该合同已被他人修改，请刷新后再操作',
    'Someone else has changed this contract; refresh and try again',
  ],
  CONTRACT_PROVIDER_INVALID: [
    422,
    '承接方须为已登记的律师事务所，或填写社会组织名称',
    'The provider must be a law firm on the register, or a social organisation named',
  ],
  CONTRACT_PERIOD_INVALID: [
    422,
    '合同期限的结束日期不能早于开始日期',
    'The contract cannot end before it starts',
  ],
  CONTRACT_DATE_OUTSIDE_PERIOD: [422, '该日期不在合同期限内', 'The date is outside the contract’s period'],
  CONTRACT_OVERPAID: [
    422,
    '付款金额超过合同未付金额，合同付款合计不能超过合同金额',
    'The payment is more than what is left unpaid; payments cannot add up to more than the contract amount',
  ],
  CONTRACT_AMOUNT_BELOW_PAID: [
    422,
    '合同金额不能低于已付款合计',
    'The contract amount cannot be less than what was already paid',
  ],
} as const;
