/**
 * The error codes of the citizens' door `/api/public/v1` (issue 14): sign-in by one-time SMS code
 * and the citizen's own session. Spread into the one catalogue in errors.ts.
 */
export const PORTAL_DOOR_ERRORS = {
  OTP_INVALID: [
    401,
    '验证码不正确或已过期，请重新获取验证码',
    'The code is wrong or has expired; ask for a new code',
  ],
  OTP_RATE_LIMITED: [429, '获取验证码过于频繁，请稍后再试', 'Too many codes were requested; try again later'],
  CITIZEN_AUTH_REQUIRED: [
    401,
    '请先用手机号和短信验证码登录',
    'Please sign in with your phone and an SMS code',
  ],
  CITIZEN_SESSION_EXPIRED: [
    401,
    '登录已过期，请重新获取验证码登录',
    'Your session has expired; sign in again with a new code',
  ],
  PORTAL_PLEDGE_REQUIRED: [
    422,
    '请阅读并勾选诚信承诺后再提交申请',
    'Read and tick the integrity pledge before you submit the application',
  ],
  PORTAL_PLEDGE_MISSING: [
    500,
    '诚信承诺文本未配置，请联系法律援助中心',
    'The pledge text is not configured; contact the legal aid centre',
  ],
  PORTAL_CENTRE_UNKNOWN: [
    404,
    '没有找到该法律援助中心，请重新选择',
    'No such legal aid centre; choose again',
  ],
  PORTAL_IDENTITY_MISMATCH: [
    422,
    '姓名与身份证号码不一致，请核对后重新填写',
    'The name does not match the ID number; check and try again',
  ],
  PORTAL_APPLICATION_NOT_FOUND: [404, '没有找到这份申请', 'No such application'],
  PORTAL_NOTHING_REQUESTED: [409, '目前没有需要补充的材料', 'No materials have been asked for'],
  PORTAL_OBJECTION_CLOSED: [
    409,
    '提出异议的期限已过或当前不能提出异议',
    'An objection cannot be filed now: the period is over or the decision allows none',
  ],
  APPOINTMENT_SLOT_INVALID: [400, '预约时段的结束时间应晚于开始时间', 'A slot must end after it starts'],
  APPOINTMENT_SLOT_NOT_FOUND: [
    404,
    '该预约时段不存在或已过期，请重新选择',
    'No such slot, or it has passed; choose again',
  ],
  APPOINTMENT_SLOT_FULL: [409, '该时段已约满，请选择其他时段', 'This slot is full; choose another'],
  APPOINTMENT_ALREADY_BOOKED: [409, '您已预约了这个时段', 'You have already booked this slot'],
  APPOINTMENT_NOT_FOUND: [404, '没有找到这个预约', 'No such appointment'],
  APPOINTMENT_NOT_CANCELLABLE: [
    409,
    '这个预约已取消或已办理，不能再取消',
    'This appointment is already cancelled or attended',
  ],
  PORTAL_RATING_NOT_CLOSED: [409, '案件结案后才能评价', 'A case can be rated once it is closed'],
  PORTAL_RATING_EXISTS: [409, '您已经评价过这个案件', 'You have already rated this case'],
} as const;
