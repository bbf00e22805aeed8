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
} as const;
