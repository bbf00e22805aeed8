import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { checkPassword, PASSWORD_MAX_LENGTH, type PasswordProblem } from '@fayuan/domain';

export { PASSWORD_MAX_LENGTH };

const PROBLEM_KEYS = {
  too_short: 'auth.tooShort',
  too_long: 'auth.tooLong',
  needs_letter_and_digit: 'auth.needsLetterAndDigit',
  contains_username: 'auth.containsUsername',
} as const satisfies Record<PasswordProblem, string>;

/**
 * The domain's password policy (≥10 characters, letters and digits, not containing the username),
 * checked before the request; the server applies the same function and has the final word. The
 * server also refuses guessable passwords (zxcvbn, PASSWORD_TOO_GUESSABLE): its message says why.
 */
export function newPasswordRules(
  t: TFunction,
  requiredKey: 'auth.newRequired' | 'users.passwordRequired',
  username: () => string | undefined,
): Rule[] {
  return [
    { required: true, message: t(requiredKey) },
    {
      validator: async (_rule, value: unknown) => {
        if (typeof value !== 'string' || value.length === 0) return;
        const [problem] = checkPassword(value, username() ?? '');
        if (problem) throw new Error(t(PROBLEM_KEYS[problem]));
      },
    },
  ];
}

/** "Confirm password" must repeat the field named `field`. */
export function confirmPasswordRules(t: TFunction, field: string): Rule[] {
  return [
    { required: true, message: t('auth.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: async (_rule, value: unknown) => {
        if (!value || getFieldValue(field) === value) return;
        throw new Error(t('auth.mismatch'));
      },
    }),
  ];
}
