import type { Locale } from '@fayuan/domain';
import { CRIMINAL_DOOR_ERRORS } from './error-codes-criminal.ts';
import { PORTAL_DOOR_ERRORS } from './error-codes-portal.ts';
import { QUALITY_ERRORS } from './error-codes-quality.ts';
import { FEE_WAIVER_ERRORS } from './error-codes-fee-waivers.ts';
import { FUNDING_ERRORS } from './error-codes-funding.ts';
import { SUBSIDY_ERRORS } from './error-codes-subsidies.ts';

/**
 * Every error a client can see: a stable code, an HTTP status, and its message in both locales.
 * Areas add their codes here (grouped by area) so the catalogue stays one list for translators.
 */
const CATALOGUE = {
  // platform
  VALIDATION_FAILED: [400, '请求内容不符合要求', 'The request is not valid'],
  VALIDATION_BAD_TEXT: [
    400,
    '请求中含有无效字符（空字符或不成对的代理字符），请删除后重试',
    'The request contains invalid characters (a NUL byte or an unpaired surrogate); remove them and retry',
  ],
  VALUE_NOT_STORABLE: [
    400,
    '某项数值超出允许的范围或格式，无法保存',
    'A value is out of range or in a form that cannot be stored',
  ],
  REFERENCE_CONFLICT: [
    409,
    '所引用的记录不存在，或该记录仍被其他数据引用',
    'A referenced record does not exist, or the record is still referred to',
  ],
  INVALID_JSON: [400, '请求体不是有效的 JSON', 'The request body is not valid JSON'],
  UNSUPPORTED_MEDIA_TYPE: [415, '不支持的请求内容类型', 'Unsupported content type'],
  PAYLOAD_TOO_LARGE: [413, '请求内容过大', 'The request body is too large'],
  NOT_FOUND: [404, '未找到请求的资源', 'The requested resource was not found'],
  ROUTE_NOT_FOUND: [404, '接口不存在', 'No such endpoint'],
  METHOD_NOT_ALLOWED: [405, '不支持此请求方法', 'Method not allowed'],
  CONFLICT: [409, '数据已被修改或与现有记录冲突', 'The data conflicts with an existing record'],
  RATE_LIMITED: [429, '请求过于频繁，请稍后再试', 'Too many requests; try again later'],
  INTERNAL_ERROR: [500, '服务器内部错误，请稍后再试', 'Internal server error; please try again later'],
  SERVICE_UNAVAILABLE: [503, '服务暂不可用', 'Service unavailable'],
  IDEMPOTENCY_KEY_REUSED: [
    422,
    '该幂等键已用于另一不同请求',
    'This Idempotency-Key was already used for a different request',
  ],
  METRICS_FORBIDDEN: [
    403,
    '不允许从此地址读取运行指标',
    'Metrics are not available from this address without the token',
  ],
  IDEMPOTENCY_KEY_INVALID: [400, '幂等键格式无效', 'The Idempotency-Key header is not valid'],
  // auth
  AUTH_REQUIRED: [401, '请先登录', 'Please log in'],
  AUTH_INVALID_CREDENTIALS: [401, '用户名或密码错误', 'Wrong username or password'],
  AUTH_ACCOUNT_DISABLED: [403, '账号已停用', 'This account is disabled'],
  AUTH_SESSION_EXPIRED: [401, '登录已过期，请重新登录', 'Your session has expired; please log in again'],
  CSRF_TOKEN_INVALID: [
    403,
    '安全令牌无效，请刷新页面后重试',
    'Missing or invalid CSRF token; reload and retry',
  ],
  FORBIDDEN: [403, '没有执行此操作的权限', 'You do not have permission to do this'],
  PASSWORD_CHANGE_REQUIRED: [403, '请先修改初始密码', 'Change your initial password first'],
  PASSWORD_POLICY: [
    400,
    '密码不符合要求：至少 10 位，须同时包含字母和数字，且不能包含用户名',
    'Password too weak: at least 10 characters with letters and digits, not containing the username',
  ],
  PASSWORD_TOO_GUESSABLE: [
    400,
    '密码太容易被猜到，请换一个更长、更不常见的密码（例如几个不相关的词加数字）。',
    'This password is too easy to guess; choose a longer, less common one (for example a few unrelated words and a number).',
  ],
  PASSWORD_CURRENT_WRONG: [400, '当前密码不正确', 'The current password is wrong'],
  PASSWORD_REUSED: [400, '新密码不能与当前密码相同', 'The new password must differ from the current one'],
  // people and organisations
  USERNAME_TAKEN: [409, '用户名已存在', 'This username is already taken'],
  ORGANISATION_CODE_TAKEN: [409, '机构编码已存在', 'This organisation code is already taken'],
  ORGANISATION_KIND_UNKNOWN: [400, '机构类型不存在或已停用', 'Unknown or inactive organisation kind'],
  ORGANISATION_KIND_TAKEN: [409, '机构类型编码已存在', 'This organisation kind code already exists'],
  ORGANISATION_HAS_ACTIVE_CHILDREN: [
    409,
    '该机构下仍有启用的下级机构，不能停用',
    'This organisation still has active sub-organisations',
  ],
  ORGANISATION_MOVE_INVALID: [
    409,
    '不能把机构移到其自身或下级机构之下，也不能移动本机构或根机构',
    'An organisation cannot move under itself or its descendants, nor can your own or a root organisation move',
  ],
  ORGANISATION_OUT_OF_SCOPE: [
    403,
    '只能在本机构及下级机构范围内操作',
    'You can only act within your own organisation and its sub-organisations',
  ],
  ROLE_NOT_GRANTABLE: [403, '不能授予超出自身权限范围的角色', 'You cannot grant a role above your own'],
  CANNOT_DISABLE_SELF: [409, '不能停用自己的账号', 'You cannot disable your own account'],
  USER_NOT_LOCKED: [409, '该账号未被锁定，无需解锁', 'This account is not locked'],
  // rules
  JURISDICTION_UNKNOWN: [400, '未知的行政区划（规则适用地区）', 'Unknown jurisdiction'],
  RULE_TABLE_UNKNOWN: [404, '规则表不存在', 'No such rule table'],
  RULE_SPAN_INVALID: [400, '失效日期不能早于生效日期', 'The end date cannot be before the start date'],
  RULE_VERSION_NOT_LATER: [
    409,
    '新版本的生效日期必须晚于该规则现有最新版本的生效日期',
    'A new version must take effect after the latest existing version of this rule',
  ],
  CALENDAR_DAY_OUTSIDE_YEAR: [400, '日期不在所录入的年份内', 'A date lies outside the year being entered'],
  CALENDAR_DAY_DUPLICATE: [400, '同一日期重复录入', 'The same date is listed twice'],
  CALENDAR_YEAR_EXISTS: [
    409,
    '该年度的节假日安排已录入；如需更正请选择替换',
    'This year is already on file; choose replace to correct it',
  ],
  PERIOD_UNKNOWN: [400, '未知的期限类型', 'Unknown period kind'],
  FACT_UNKNOWN: [
    400,
    '所填事实不是该日期有效的规则事实项（规则清单“申请事实”）',
    'A fact is not one of the facts in force on that date (rule list "fact")',
  ],
  PERIOD_NOT_IN_FORCE: [
    422,
    '该日期没有有效的期限规则，无法计算期限',
    'No period rule is in force on that date, so the deadline cannot be counted',
  ],
  // people
  ID_NUMBER_INVALID: [
    400,
    '身份证号码无效（位数、校验位、地区码或出生日期有误）',
    'The identity number is not valid (length, check character, region or birth date)',
  ],
  ID_NUMBER_MISMATCH: [
    400,
    '出生日期或性别与身份证号码不符',
    'The birth date or sex does not match the identity number',
  ],
  PHONE_INVALID: [400, '电话号码格式无效', 'The phone number is not valid'],
  PERSON_DUPLICATE: [
    409,
    '该证件号码已登记，同一证件号码只能对应一人',
    'A person with this identity number is already on file',
  ],
  PERSON_DUPLICATE_ELSEWHERE: [
    409,
    '该人员无法在此登记，已通知监管人员处理',
    'This person cannot be registered here; a supervisor has been notified',
  ],
  // documents
  DOCUMENT_PATTERN_INVALID: [
    400,
    '文书编号格式无效：须包含 {seq}，只能使用 {year}、{seq}、{seq:位数}、{org}',
    'Invalid numbering pattern: it needs {seq} and may use only {year}, {seq}, {seq:N} and {org}',
  ],
  // consultations
  CONSULTATION_TOPIC_UNKNOWN: [
    400,
    '咨询事项不在现行援助事项目录中',
    'The topic is not a matter in the catalogue in force',
  ],
  CONSULTATION_REFERRAL_REQUIRED: [
    400,
    '转介的咨询须注明转介去向',
    'A referred consultation must say where it was referred to',
  ],
  CONSULTATION_NOT_OWNER: [
    403,
    '只有首问负责人或中心主任可以移交该咨询',
    'Only the first-inquiry owner or a director may hand this consultation over',
  ],
  CONSULTATION_HANDOVER_TARGET_INVALID: [
    400,
    '接收人须为本机构范围内有咨询办理权限、且不是当前负责人的在职同事',
    'The colleague must be an active user in scope who may manage consultations and is not the current owner',
  ],
  APPLICATION_STATE_CONFLICT: [
    409,
    '申请当前所处的阶段不允许此操作',
    'This action is not possible at the stage the application is in',
  ],
  APPLICATION_ROLE_FORBIDDEN: [
    403,
    '您的角色不能在此阶段执行此操作',
    'Your role may not take this action at this stage',
  ],
  APPLICATION_GUARD_FAILED: [
    422,
    '不满足此操作的法定条件，详见原因与依据',
    'The legal conditions for this action are not met; see the reason and its basis',
  ],
  APPLICATION_MATTER_UNKNOWN: [
    400,
    '申请事项不在现行法律援助事项目录中',
    'The matter is not in the catalogue in force',
  ],
  APPLICATION_MATERIAL_UNKNOWN: [400, '未知的申请材料代码', 'Unknown material code'],
  APPLICATION_NOTHING_MISSING: [
    409,
    '申请材料齐全，无需补充',
    'Nothing is missing, so no supplement notice is needed',
  ],
  APPLICATION_FORWARDING_REQUIRED: [
    400,
    '转交的申请须填写转交机关及其收到申请的时间',
    'A forwarded application needs the forwarding body and when it received the application',
  ],
  APPLICATION_HOUSEHOLD_REQUIRED: [
    400,
    '以经济困难为依据时须填写家庭人口和收入',
    'Household size and income are needed when hardship rests on them',
  ],
  APPLICATION_CONSULTATION_INVALID: [
    400,
    '关联的咨询不存在或不在本机构范围内',
    'The linked consultation does not exist or is out of scope',
  ],
  APPLICATION_NO_PENDING_DECISION: [409, '没有待审批的决定', 'There is no decision awaiting approval'],
  APPLICATION_DECISION_PENDING: [
    409,
    '已有决定在等待中心主任审批',
    'A decision is already waiting for the director’s approval',
  ],
  APPLICATION_REASON_NOT_IN_FORCE: [
    422,
    '该不予法律援助理由已停止适用，不能据此作出决定（如未按要求补充材料的，视为撤回申请，而不是不予法律援助：法律援助法第四十三条第二款）',
    'This refusal reason is no longer in force and cannot ground a decision (e.g. an application whose materials are not supplied is deemed withdrawn, not refused: LAL art.43(2))',
  ],
  APPLICATION_REASON_UNKNOWN: [
    400,
    '决定理由须为现行规则中的代码，并附正确的法律依据',
    'Each reason must be a code in force with its correct legal basis',
  ],
  APPLICATION_NO_CENTRE: [
    400,
    '未找到负责审查此申请的法律援助中心',
    'No legal aid centre above this organisation can decide the application',
  ],
  ATTACHMENT_TYPE_NOT_ALLOWED: [
    415,
    '不支持的附件类型（可上传 PDF、图片、Word、Excel）',
    'File type not allowed (PDF, images, Word or Excel)',
  ],
  ATTACHMENT_CONTENT_MISMATCH: [
    415,
    '附件内容与声明的文件类型不符',
    'The file’s content does not match its declared type',
  ],
  ATTACHMENT_TOO_LARGE: [413, '附件超过大小限制', 'The file is larger than allowed'],
  ATTACHMENT_EMPTY: [400, '附件内容为空', 'The file is empty'],
  DOCUMENT_NOT_RENDERABLE: [
    409,
    '此类文书的版式尚未提供，暂不能生成 PDF',
    'This kind of document has no PDF layout yet',
  ],
  ASSIGNMENT_NO_ELIGIBLE_HANDLER: [
    409,
    '没有符合条件且尚有承办能力的法律援助人员',
    'No handler meets the requirements and has room for another case',
  ],
  ASSIGNMENT_HANDLER_INELIGIBLE: [
    422,
    '该法律援助人员不符合本案的指派条件，详见原因与依据',
    'This handler may not take the case; see the reasons and their basis',
  ],
  CONSULTATION_CALLER_UNNAMED: [
    409,
    '来电人未留姓名，请先登记申请人',
    'The caller left no name; register the applicant first',
  ],
  ASSIGNMENT_PLAN_PAIRING_INELIGIBLE: [
    422,
    '方案中有一项配对不符合指派条件，详见该案件的原因与依据；整个方案未指派',
    'A pairing of the plan may not be made (see the case’s reasons and their basis); nothing was assigned',
  ],
  ASSIGNMENT_PLAN_CASE_REPEATED: [
    400,
    '同一案件在方案中出现了不止一次',
    'A case appears more than once in the plan',
  ],
  ASSIGNMENT_REASON_REQUIRED: [
    400,
    '未选择推荐人选时，请说明指派理由',
    'Give a reason when choosing someone other than the best candidate',
  ],
  OBJECTION_NOT_PENDING: [409, '该异议已处理', 'This objection has already been decided'],
  OBJECTION_FILED_IN_FUTURE: [
    400,
    '异议收到时间不能晚于当前时间',
    'An objection cannot be received in the future',
  ],
  // delivery (送达)
  DELIVERY_DOCUMENT_UNKNOWN: [422, '该申请没有这份文书', 'This application has no such document'],
  DELIVERY_DATE_IN_FUTURE: [400, '送达日期不能晚于今天', 'The delivery date cannot be in the future'],
  DELIVERY_BEFORE_DOCUMENT: [
    400,
    '送达日期不能早于文书作出之日',
    'The delivery date cannot be before the document was issued',
  ],
  DELIVERY_PROOF_REQUIRED: [
    400,
    '请上传送达回证等送达凭证，短信送达可填写短信送达回执编号',
    'Attach the proof of delivery (a signed receipt), or for an SMS give its delivery report reference',
  ],
  DELIVERY_PROOF_UNKNOWN: [
    422,
    '送达凭证不是该申请的附件',
    'The proof of delivery is not an attachment of this application',
  ],
  DELIVERY_ALREADY_RECORDED: [
    409,
    '该文书的送达已经记录',
    'The delivery of this document is already recorded',
  ],
  // casework (承办)
  CASEWORK_ACTIVITY_IN_FUTURE: [400, '记录的时间不能晚于当前时间', 'A record cannot be dated in the future'],
  CASEWORK_ACTIVITY_NOT_SCHEDULABLE: [
    400,
    '该类承办记录只能在发生后记录，不能预先安排',
    'This kind of record is written after the fact and cannot be scheduled',
  ],
  CASEWORK_SCHEDULE_IN_PAST: [400, '安排的时间应晚于当前时间', 'A scheduled activity must be in the future'],
  CASEWORK_ACTIVITY_NOT_SCHEDULED: [
    409,
    '该记录不是待进行的安排，不能再标记是否进行',
    'This record is not a pending scheduled activity',
  ],
  CASEWORK_ACTIVITY_NOT_YET_DUE: [
    409,
    '安排的时间尚未到达，不能标记为已进行',
    'A scheduled activity cannot be marked held before its time',
  ],
  CASEWORK_AGREEMENT_PERIOD_CONFLICT: [
    409,
    '签订委托协议期限不在计算中，或未因受援人原因中止',
    'The agreement period is not running, or not paused by a recipient delay',
  ],
  CASEWORK_NOT_MAJOR: [
    409,
    '只有标记为重大疑难的案件才记录集体讨论',
    'Collective discussions are recorded for cases marked major or difficult',
  ],
  CASEWORK_ATTACHMENT_INVALID: [
    400,
    '结案材料须为本案卷中已上传的附件',
    'Closing attachments must be files already on this case',
  ],
  CASEWORK_NO_PENDING_CLOSING: [409, '没有待审查的结案材料', 'There is no closing waiting for review'],
  // quality evaluation (质量评估)
  QUALITY_METHOD_UNKNOWN: [
    400,
    '评估方式不在现行的质量评估方式清单中',
    'An evaluation method is not on the list in force',
  ],
  QUALITY_GRADE_UNKNOWN: [400, '评估等次不在现行的质量等次清单中', 'The grade is not on the list in force'],
  QUALITY_SCORE_OUTSIDE_GRADE: [
    422,
    '评估分数不在所选等次的分数区间内',
    'The score lies outside the band of the chosen grade',
  ],
  QUALITY_SATISFACTION_REQUIRED: [
    400,
    '回访受援人的，须记录受援人的满意度',
    'Record the recipient’s satisfaction when a follow-up visit was made',
  ],
  QUALITY_SATISFACTION_WITHOUT_VISIT: [
    400,
    '未回访受援人的，不记录满意度',
    'Satisfaction is recorded only with a follow-up visit to the recipient',
  ],
  // subsidies (办案补贴)
  SUBSIDY_PAID_ON_IN_FUTURE: [400, '发放日期不能晚于今天', 'The payment date cannot be in the future'],
  SUBSIDY_NO_HANDLER: [
    409,
    '本案没有接受指派的承办人员，无法确定补贴领取人',
    'No handler accepted this case, so there is nobody to pay',
  ],
  CASEWORK_CLOSING_MATERIALS_MISSING: [
    422,
    '结案材料不齐全，请先上传所列的全部必交材料',
    'Closing materials are missing: upload every required material listed first',
  ],
  CASEWORK_CLOSING_MATERIAL_UNKNOWN: [
    400,
    '该材料不是本案现行结案材料清单中的一项',
    'This is not a closing material listed for this case',
  ],
  // knowledge base
  KNOWLEDGE_MATTER_UNKNOWN: [
    400,
    '标签不是该地区现行援助事项目录中的事项',
    'A tag is not a matter in the catalogue in force for the jurisdiction',
  ],
  KNOWLEDGE_VERSION_CONFLICT: [
    409,
    '该文章已被他人修改，请刷新后再编辑',
    'Someone else changed this article; reload it and edit again',
  ],
  KNOWLEDGE_ARTICLE_NOT_DRAFT: [
    409,
    '只能删除草稿；已发布的文章请改为归档',
    'Only a draft can be deleted; archive a published article instead',
  ],
  // handlers, teams and law firms
  HANDLER_LICENCE_TAKEN: [409, '该执业证号已登记', 'A handler with this licence number is already on file'],
  HANDLER_LICENCE_REQUIRED: [
    400,
    '律师和基层法律服务工作者须填写执业证号',
    'Lawyers and grassroots legal workers need a licence number',
  ],
  HANDLER_SUBKIND_INVALID: [
    400,
    '志愿者须注明类别（学生或社会工作者），其他人员不填',
    'A volunteer needs a subkind (student or social worker); other kinds have none',
  ],
  HANDLER_DATES_INVALID: [
    400,
    '日期有误：执业日期不能晚于今天，刑事执业起始日不能早于执业起始日，状态变更日期须在当前状态起始日与今天之间',
    'Invalid dates: practice cannot start in the future, criminal practice not before practice, and a status change must fall between the current status date and today',
  ],
  HANDLER_CONCERN_UNKNOWN: [
    422,
    '所选质量关注事项不是该承办人员当前未解除的关注事项',
    'A quality concern named is not one of this handler’s open concerns',
  ],
  HANDLER_USER_INVALID: [
    400,
    '登录账号须为本机构范围内具有承办人员角色的账号',
    'The login account must be a handler account in scope',
  ],
  HANDLER_USER_TAKEN: [
    409,
    '该登录账号已关联其他法律援助人员',
    'This account already belongs to another handler',
  ],
  EXPORT_TOO_LARGE: [
    422,
    '筛选结果超过 5000 条，请缩小筛选范围后再导出',
    'More than 5,000 rows match; narrow the filters before exporting',
  ],
  HANDLER_LOGIN_EXISTS: [
    409,
    '该法律援助人员已关联登录账号，请先解除关联',
    'This handler already has a login; unlink it first',
  ],
  HANDLER_SPECIALTY_UNKNOWN: [
    400,
    '擅长领域须为现行援助事项或案件类型',
    'A specialty must be a matter in the catalogue in force or a case type',
  ],
  HANDLER_DISTRICT_UNKNOWN: [400, '服务区域须为法律援助中心', 'A district served must be a legal aid centre'],
  HANDLER_VERSION_CONFLICT: [
    409,
    '该人员信息已被他人修改，请刷新后再编辑',
    'Someone else changed this handler; reload and edit again',
  ],
  HANDLER_STATUS_CONFLICT: [
    409,
    '该人员当前状态不允许此操作',
    'This status change is not possible from the handler’s current status',
  ],
  TEAM_CODE_TAKEN: [409, '本机构已有该编码的团队', 'This organisation already has a team with this code'],
  TEAM_MEMBER_EXISTS: [409, '该人员已在团队中', 'The handler is already a member of this team'],
  TEAM_MEMBER_INELIGIBLE: [
    422,
    '该人员不符合团队的加入条件（须为已准入或申请中的人员，并满足执业年限要求）',
    'The handler does not meet the team’s entry conditions (admitted or applying, and enough years of practice)',
  ],
  LAW_FIRM_LICENCE_TAKEN: [
    409,
    '该执业许可证号的律师事务所已登记',
    'A law firm with this licence number is already on file',
  ],
  ...CRIMINAL_DOOR_ERRORS,
  ...PORTAL_DOOR_ERRORS,
  ...QUALITY_ERRORS,
  ...FEE_WAIVER_ERRORS,
  ...FUNDING_ERRORS,
  ...SUBSIDY_ERRORS,
} as const satisfies Record<string, readonly [number, string, string]>;

export type ErrorCode = keyof typeof CATALOGUE;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  /** Words appended to the catalogue message, in both locales (e.g. a password checker's feedback). */
  readonly hint: Readonly<Record<Locale, string>> | undefined;

  constructor(code: ErrorCode, details?: unknown, hint?: Readonly<Record<Locale, string>>) {
    super(code);
    this.code = code;
    this.status = CATALOGUE[code][0];
    this.details = details;
    this.hint = hint;
  }
}

export function errorMessage(
  code: ErrorCode,
  locale: Locale,
  hint?: Readonly<Record<Locale, string>>,
): string {
  const entry = CATALOGUE[code];
  const message = locale === 'en-US' ? entry[2] : entry[1];
  const extra = hint?.[locale];
  if (!extra) return message;
  return locale === 'en-US' ? `${message} ${extra}` : `${message}${extra}`;
}

export function statusOf(code: ErrorCode): number {
  return CATALOGUE[code][0];
}

export const ERROR_CODES = Object.keys(CATALOGUE) as ErrorCode[];
