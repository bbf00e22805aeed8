/**
 * The error codes of fee waivers and deferrals (费用缓减免, issue 16, LAL art.53). Spread into the
 * one catalogue in errors.ts.
 */
export const FEE_WAIVER_ERRORS = {
  FEE_WAIVER_NOT_FOUND: [404, '没有找到该费用缓减免申请', 'No such fee waiver request'],
  FEE_WAIVER_CASE_NOT_FOUND: [404, '没有找到该案件', 'No such case'],
  FEE_WAIVER_CASE_NOT_AIDED: [
    422,
    '该案件当前不是正在援助或已结案的法律援助案件，不能为其申请费用缓减免',
    'The case is not one where legal aid was granted and is running or closed: no fee waiver can be asked for it',
  ],
  FEE_WAIVER_KIND_MISMATCH: [
    422,
    '申请事项与受理机构不符：人民法院可缓收、减收或免收诉讼费用，公证机构、司法鉴定机构可减收或免收公证费、鉴定费',
    'The request does not fit the body: a court defers, reduces or waives litigation fees; a notary or forensic appraiser reduces or waives its fee',
  ],
  FEE_WAIVER_STEP_NOT_OPEN: [
    409,
    '该申请当前所处状态不能进行此操作，请刷新后查看',
    'This step is not open for the request in its current state; refresh to see where it is',
  ],
  FEE_WAIVER_STALE: [
    409,
    '该申请已被他人修改，请刷新后再操作',
    'Someone else has changed this request; refresh and try again',
  ],
  FEE_WAIVER_NOT_SENT: [
    409,
    '申请函尚未发送，发送后才有文号，才能打印',
    'The letter has not been sent yet: it is numbered, and can be printed, once sent',
  ],
  FEE_WAIVER_ANSWER_INVALID: [
    422,
    '答复内容不符合要求：减免金额须为不少于零的整数分，准予减收或免收时须大于零且不超过申请金额，不予准许或缓收时为零；准予缓收须写明缓交期限（晚于答复日期）；答复日期须在发函之后、今天之前',
    'The answer is not valid: the amount saved is whole fen, above nought and no more than the fee asked about when a reduction or waiver is granted, nought on a refusal or a deferral; a deferral granted names a due date after the answer; the answer is dated between the letter and today',
  ],
  FEE_WAIVER_PERIOD_INVALID: [
    422,
    '统计期间不正确：结束日期不能早于开始日期，且期间不超过一年',
    'The period is wrong: the end cannot be before the start, and it spans a year at most',
  ],
} as const satisfies Record<string, readonly [number, string, string]>;
