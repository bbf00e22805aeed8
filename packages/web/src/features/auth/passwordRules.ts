import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

export const MIN_PASSWORD_LENGTH = 10;

/** At least 10 characters with letters and digits; the server has the final word. */
export function newPasswordRules(t: TFunction, requiredKey: 'auth.newRequired' | 'users.passwordRequired'): Rule[] {
  return [
    { required: true, message: t(requiredKey) },
    { min: MIN_PASSWORD_LENGTH, message: t('auth.tooShort') },
    {
      validator: async (_rule, value: unknown) => {
        if (typeof value !== 'string' || value.length === 0) return;
        if (!/\p{L}/u.test(value) || !/[0-9]/.test(value)) throw new Error(t('auth.needsLetterAndDigit'));
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
