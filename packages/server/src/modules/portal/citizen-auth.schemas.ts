import { z } from 'zod';

/** A mainland mobile number, with or without +86 / 0086, spaces or dashes; kept as 11 digits. */
export const phone = z
  .string()
  .max(30)
  .transform((raw) => raw.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, 'a mainland mobile number of 11 digits'));

export const otpBody = z.strictObject({ phone });
export const otpResponse = z.object({ expiresAt: z.string().meta({ description: 'When the code expires' }) });

export const sessionBody = z.strictObject({ phone, code: z.string().regex(/^\d{6}$/, '6 digits') });
export const sessionResponse = z.object({ csrfToken: z.string() });

export const citizenMe = z.object({
  citizenId: z.string().uuid(),
  phoneMasked: z.string().meta({ description: 'e.g. 138****1234' }),
  csrfToken: z.string(),
});
