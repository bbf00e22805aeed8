/**
 * The error codes of quality supervision (issue 15): complaints and their periods, follow-up
 * visits, sampling, file inspections and rectification, the organs' opinions. Spread into the
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
  VISIT_PLAN_INVALID: [
    422,
    '回访计划的结案期间不正确：结束日期不能早于开始日期',
    'The plan’s closing period is wrong: the end cannot be before the start',
  ],
  VISIT_NOT_FOUND: [404, '没有找到该回访', 'No such follow-up visit'],
  VISIT_ALREADY_RECORDED: [409, '该回访已经记录，不能重复记录', 'This visit has already been recorded'],
  VISIT_ANSWERS_INVALID: [
    422,
    '回访记录不完整：接通后须回答每个是否题并选择满意度（1 到 5）',
    'The call is incomplete: a recipient reached answers every yes/no question and gives a satisfaction of 1 to 5',
  ],
  VISIT_NO_PHONE: [
    422,
    '受援人没有登记手机号码，无法发送短信回访，请改为电话回访',
    'The recipient has no mobile number on file: visit by phone instead',
  ],
  QUALITY_REVIEW_NOT_FOUND: [404, '没有找到该复核事项', 'No such review'],
  QUALITY_REVIEW_CLOSED: [409, '该复核事项已经办结', 'This review has already been closed'],
  REPORT_UNRENDERABLE: [
    422,
    '报告中有无法打印的字符（如生僻字），请改用 Excel 导出',
    'The report has characters the font cannot print; export it to Excel instead',
  ],
  SAMPLING_PLAN_NOT_FOUND: [404, '没有找到该抽查计划', 'No such sampling plan'],
  SAMPLING_PLAN_INVALID: [
    422,
    '抽查计划不正确：结案期间的结束日期不能早于开始日期，比例须在 0 到 1000‰ 之间，数量须为非负整数',
    'The sampling plan is wrong: the period cannot end before it starts, the share is 0–1000 per mille and the counts are whole numbers ≥ 0',
  ],
  SAMPLING_ALREADY_DRAWN: [
    409,
    '该抽查计划已经抽取，抽取结果不能重抽或更改',
    'This plan has already been drawn; a draw is never redone or changed',
  ],
  INSPECTION_NOT_FOUND: [404, '没有找到该卷宗检查', 'No such file inspection'],
  INSPECTION_CASE_NOT_CLOSED: [
    409,
    '只能检查已结案的案件卷宗',
    'Only the file of a closed case can be inspected',
  ],
  INSPECTION_ALREADY_OPEN: [
    409,
    '该案件已有一项正在进行的卷宗检查，请打开它继续',
    'This case already has a file inspection in progress; open it to go on',
  ],
  INSPECTION_COMPLETED: [
    409,
    '该卷宗检查已经完成，不能再修改',
    'This file inspection is completed and can no longer be changed',
  ],
  INSPECTION_STALE: [
    409,
    '该卷宗检查已被他人修改，请刷新后再操作',
    'Someone else has changed this inspection; refresh and try again',
  ],
  INSPECTION_JUDGEMENT_INVALID: [
    422,
    '评判项不正确：只能评判清单中的人工评判项，或将某项标为不适用并说明理由',
    'A judgement is wrong: judge only the checklist’s judgement items, or mark an item not applicable with the reason',
  ],
  INSPECTION_AWAITING_JUDGEMENT: [
    422,
    '还有人工评判项没有评判，请逐项评判后再完成检查',
    'Some judgement items are not yet judged; judge each before completing the inspection',
  ],
  RECTIFICATION_NOT_FOUND: [404, '没有找到该整改要求', 'No such rectification request'],
  RECTIFICATION_STEP_NOT_OPEN: [
    409,
    '该整改要求当前所处阶段不能进行此操作，请刷新后查看',
    'This step is not open for the rectification request in its current stage; refresh to see where it is',
  ],
  RECTIFICATION_DEADLINE_INVALID: [
    422,
    '整改期限不能早于今天',
    'The rectification deadline cannot be before today',
  ],
  HEARING_NOT_FOUND: [404, '没有找到该庭审安排', 'No such hearing'],
  HEARING_NOT_OBSERVABLE: [
    409,
    '只能为尚未开庭的已安排庭审安排旁听',
    'Only a hearing that is scheduled and still ahead can be observed',
  ],
  HEARING_NOT_YET_HELD: [
    409,
    '庭审尚未开始，不能记录旁听评分',
    'The hearing has not begun yet; its score sheet cannot be recorded',
  ],
  HEARING_OBSERVER_INVALID: [
    422,
    '旁听人员须为本中心有庭审旁听权限的在职人员',
    'The observer must be an active member of staff in scope who may observe hearings',
  ],
  HEARING_OBSERVATION_NOT_FOUND: [404, '没有找到该庭审旁听记录', 'No such hearing observation'],
  HEARING_OBSERVATION_EXISTS: [
    409,
    '该庭审已安排旁听，不能重复安排',
    'An observation of this hearing is already open',
  ],
  HEARING_OBSERVATION_STEP_NOT_OPEN: [
    409,
    '该庭审旁听当前所处阶段不能进行此操作，请刷新后查看',
    'This step is not open for the observation in its current stage; refresh to see where it is',
  ],
  HEARING_OBSERVATION_STALE: [
    409,
    '该庭审旁听已被他人修改，请刷新后再操作',
    'Someone else has changed this observation; refresh and try again',
  ],
  HEARING_SCORES_INVALID: [
    422,
    '评分表不完整：须对现行评分表的每一项给出 0 至满分的整数分，且只能评现行评分项',
    'The score sheet is incomplete: give each item in force a whole score from 0 to its maximum, and score only those items',
  ],
  ORGAN_OPINION_NOT_FOUND: [404, '没有找到该征询意见', 'No such request for an organ’s opinion'],
  ORGAN_OPINION_CASE_NOT_FOUND: [404, '没有找到该案件', 'No such case'],
  ORGAN_OPINION_NO_HANDLER: [
    422,
    '该案件尚未指派承办人员，不能征询办案机关意见',
    'The case has no handler yet: there is nothing to ask the organ about',
  ],
  ORGAN_OPINION_PARTNER_INVALID: [
    422,
    '所选合作机构不存在、已停用，或与办案机关类别不符',
    'The partner chosen does not exist, is inactive, or is not of the organ’s kind',
  ],
  ORGAN_OPINION_DUE_INVALID: [422, '回复期限不能早于今天', 'The reply date cannot be before today'],
  ORGAN_OPINION_STEP_NOT_OPEN: [
    409,
    '该征询意见当前所处阶段不能进行此操作，请刷新后查看',
    'This step is not open for the request in its current state; refresh to see where it is',
  ],
  ORGAN_OPINION_STALE: [
    409,
    '该征询意见已被他人修改，请刷新后再操作',
    'Someone else has changed this request; refresh and try again',
  ],
  ORGAN_OPINION_ALREADY_ANSWERED: [
    409,
    '该征询意见已经答复，且答复内容不同',
    'This request has already been answered, with a different answer',
  ],
  ORGAN_OPINION_ANSWER_INVALID: [
    422,
    '答复不完整：须对每个评价项给出 1 至 5 分，且只能评价征询函中的事项',
    'The answer is incomplete: rate each item of the request from 1 to 5, and only those items',
  ],
} as const;
