/**
 * The error codes of criminal legal aid's doors (issue 13): the partner registry and the signed
 * partner API, notices and forwarded applications from the organs, and duty lawyers. Spread into
 * the one catalogue in errors.ts (stable code → HTTP status, zh-CN and en-US message).
 */
export const CRIMINAL_DOOR_ERRORS = {
  // partners (合作机构) and the partner API
  PARTNER_NAME_TAKEN: [409, '该合作机构名称已存在', 'A partner with this name already exists'],
  PARTNER_SIGNATURE_INVALID: [
    401,
    '请求签名无效：请检查密钥编号、签名头和待签名字符串',
    'The request signature is not valid: check the key id, the signature headers and the string to sign',
  ],
  PARTNER_TIMESTAMP_SKEW: [
    401,
    '请求时间戳与服务器时间相差超过 300 秒，请校准时钟',
    'The request timestamp is more than 300 seconds from the server time; check your clock',
  ],
  PARTNER_NONCE_REUSED: [
    401,
    '该随机数已在 600 秒内使用过，请为每个请求生成新的随机数',
    'This nonce was already used within 600 seconds; use a new nonce for every request',
  ],
  PARTNER_KEY_REVOKED: [
    401,
    '该密钥已吊销或已过期，或合作机构已停用',
    'This key is revoked or expired, or the partner is inactive',
  ],
  PARTNER_OPERATION_FORBIDDEN: [
    403,
    '该合作机构未获准调用此接口',
    'This partner is not allowed to call this operation',
  ],
  PARTNER_RATE_LIMITED: [
    429,
    '该合作机构的请求超过每分钟限额，请稍后再试',
    'This partner sent more requests per minute than allowed; try again later',
  ],
  PARTNER_VERSION_CONFLICT: [
    409,
    '该合作机构已被他人修改，请刷新后重试',
    'Someone else changed this partner; reload and retry',
  ],
  PARTNER_KEY_NOT_ACTIVE: [409, '该密钥已吊销或已过期', 'This key is already revoked or expired'],
  PARTNER_DELIVERY_NOT_FAILED: [
    409,
    '只有投递失败的回调可以重新发送',
    'Only a callback that failed can be sent again',
  ],
  // criminal notices and forwarded applications (partner API and the centre's inbox)
  CRIMINAL_NOTICE_DUPLICATE: [
    409,
    '该机构已发送过同一案号的通知书',
    'This institution has already sent a notice with the same case number',
  ],
  CRIMINAL_NOTICE_INSTITUTION_NOT_NOTIFYING: [
    422,
    '只有公安机关、人民检察院和人民法院可以通知辩护或代理',
    'Only police, procuratorates and courts notify the centre to appoint a defender or representative',
  ],
  FORWARDED_REQUESTED_IN_FUTURE: [
    400,
    '申请人提出申请的时间不能晚于当前时间',
    'The time the applicant asked cannot be in the future',
  ],
  // duty lawyers (值班律师)
  DUTY_NOT_A_STATION: [
    400,
    '该机构不是值班律师工作站（看守所、法院、检察院或公安执法办案中心工作站）',
    'This organisation is not a duty-lawyer station (detention centre, court, procuratorate or police case centre)',
  ],
  DUTY_HOURS_INVALID: [
    400,
    '值班时段无效：星期应为 1–7，时间为 HH:MM 且开始早于结束，同一天的同一时段只能出现一次',
    'Invalid duty hours: weekday 1–7, times as HH:MM with start before end, each part of a day once',
  ],
  DUTY_STATION_NO_HOURS: [
    409,
    '该工作站尚未设置值班时段，请先设置后再排班',
    'This station has no duty hours yet; set them before building a roster',
  ],
  DUTY_WEEK_NOT_MONDAY: [400, '排班周须从星期一开始', 'A roster week starts on a Monday'],
  DUTY_ROSTER_EXISTS: [
    409,
    '该工作站这一周的排班已经确认，如需调整请逐个换班',
    'This station’s roster for that week is already confirmed; change single slots instead',
  ],
  DUTY_HANDLER_NOT_ELIGIBLE: [
    409,
    '该律师不符合此班次的值班条件（见原因）',
    'This lawyer may not hold this duty (see the reasons)',
  ],
  DUTY_NOT_A_HANDLER: [
    403,
    '当前账号未关联法律援助人员，不能值班',
    'This account is not linked to a legal aid handler, so it cannot hold duties',
  ],
  DUTY_NOT_YOUR_SLOT: [
    403,
    '只有排在该班次的值班律师本人可以操作',
    'Only the lawyer rostered on this slot can do this',
  ],
  DUTY_NOT_SLOT_DAY: [
    409,
    '只能在值班当天签到或签退',
    'Check-in and check-out happen on the day of the duty',
  ],
  DUTY_ALREADY_CHECKED_IN: [409, '该班次已经签到', 'This slot is already checked in'],
  DUTY_NOT_CHECKED_IN: [409, '尚未签到，不能签退', 'Check in before checking out'],
  DUTY_ALREADY_CHECKED_OUT: [409, '该班次已经签退', 'This slot is already checked out'],
  DUTY_SERVICE_TYPE_UNKNOWN: [
    400,
    '服务类型不存在或在服务日期不适用',
    'Unknown service type, or not in force on the day of the service',
  ],
  DUTY_PLEA_FIELDS_REQUIRED: [
    400,
    '认罪认罚具结书签署在场须填写办案机关案号、检察官、罪名和对认罪认罚的意见',
    'Presence at a plea signing needs the organ’s case number, the prosecutor, the charges and the opinion on the plea',
  ],
  DUTY_SERVICE_ALREADY_FORWARDED: [
    409,
    '该服务记录已经转为法律援助申请',
    'This service was already turned into an aid application',
  ],
  DUTY_SWAP_OPEN: [409, '该班次已有待处理的换班申请', 'This slot already has a swap request waiting'],
  DUTY_SWAP_DECIDED: [409, '该换班申请已经处理', 'This swap request has already been answered'],
  DUTY_SLOT_PAST: [409, '已经开始或结束的班次不能调整', 'A slot that has started or ended cannot be changed'],
  DUTY_REQUEST_STATION_UNKNOWN: [
    400,
    '找不到所请求的值班律师工作站（请核对工作站编码）',
    'The duty-lawyer station asked for was not found (check the station code)',
  ],
  DUTY_REQUEST_CLOSED: [409, '该值班律师请求已经办结', 'This duty-lawyer request is already served'],
} as const satisfies Record<string, readonly [number, string, string]>;
