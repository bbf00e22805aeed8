import { z } from 'zod';
import { LOCALES, PERMISSIONS, ROLES, PASSWORD_MAX_LENGTH } from '@fayuan/domain';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const updatePreferencesBody = z.strictObject({ locale: z.enum(LOCALES) });

export const meSchema = z
  .object({
    id: z.string().uuid(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    permissions: z.array(z.enum(PERMISSIONS)),
    organisation: z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      path: z.string(),
    }),
    mustChangePassword: z.boolean(),
    locale: z.enum(LOCALES),
  })
  .meta({ id: 'Me' });

export const sessionResponse = z.object({ user: meSchema, csrfToken: z.string() }).meta({ id: 'Session' });
export type Me = z.infer<typeof meSchema>;
