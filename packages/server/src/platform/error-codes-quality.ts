/**
 * The error codes of quality supervision (issue 15): complaints and their periods. Spread into the
 * one catalogue in errors.ts.
 */
export const QUALITY_ERRORS = {
  COMPLAINT_NOT_FOUND: [404, '没有找到该投诉', 'No such complaint'],
  COMPLAINT_STEP_NOT_OPEN: [
    409,
    '该投诉当前所处阶段不能进行此操作，请刷新后查看',
    'This step is not open for the complaint in its current stage; refresh to see where it is',
  ],
  COMPLAINT_STALE: [
    409,
    '该投诉已被他人处理，请刷新后再操作',
    'Someone else has acted on this complaint; refresh and try again',
  ],
  COMPLAINT_REASON_UNKNOWN: [
    422,
    '不予受理的理由不在现行规则中，请从列表中选择',
    'The reason for not accepting is not in the rules in force; choose one from the list',
  ],
  COMPLAINT_OUTCOME_UNKNOWN: [
    422,
    '处理结果不在现行规则中，请从列表中选择',
    'The outcome is not in the rules in force; choose one from the list',
  ],
  COMPLAINT_HANDLER_UNKNOWN: [
    422,
    '被投诉的承办人员不存在或不属于本中心',
    'The handler complained about does not exist or is not one of the centre’s',
  ],
  COMPLAINT_PHONE_INVALID: [422, '请填写正确的手机号码', 'Enter a valid mobile number'],
  COMPLAINT_EXTENSION_INVALID: [
    422,
    '延长后的期限须晚于原期限，且须写明延长理由',
    'The extended date must be later than the current one, and the reason must be given',
  ],
  COMPLAINT_NOT_APPEALABLE: [
    409,
    '只有已答复的投诉才能申请复查',
    'Only a complaint that has been answered can be referred for review',
  ],
} as const;
