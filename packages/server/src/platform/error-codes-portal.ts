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
} as const;
