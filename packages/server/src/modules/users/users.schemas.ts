import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, ROLES } from '@fayuan/domain';
import { listQuery, pageOf } from '../../platform/http/pagination.ts';

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,30}$/, 'phone number');
const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);

export const userSchema = z
  .object({
    id: z.string().uuid(),
    username: z.string(),
    displayName: z.string(),
    organisationId: z.string().uuid(),
    organisationName: z.string(),
    roles: z.array(z.enum(ROLES)),
    status: z.enum(['active', 'disabled']),
    phoneMasked: z.string().nullable(),
    mustChangePassword: z.boolean(),
    lockedUntil: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    /** The handler record (法律援助人员) this login belongs to, if any. */
    handler: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof userSchema>;

export const createUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, '3–32 letters, digits, _ . -, starting with a letter'),
  displayName: z.string().trim().min(1).max(60),
  organisationId: z.string().uuid(),
  roles,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  phone: phone.optional(),
});

export const updateUserBody = z
  .strictObject({
    displayName: z.string().trim().min(1).max(60),
    organisationId: z.string().uuid(),
    roles,
    status: z.enum(['active', 'disabled']),
    phone: phone.nullable(),
  })
  .partial();

export const resetPasswordBody = z.strictObject({ newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

export const userListQuery = listQuery(['username', 'displayName', 'createdAt', 'lastLoginAt'], {
  q: z.string().trim().max(100).optional(),
  organisationId: z.string().uuid().optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  /** true: accounts linked to a handler record; false: accounts linked to none. */
  linked: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const handlerLinkBody = z.strictObject({ handlerId: z.string().uuid() });
export const userPage = pageOf(userSchema);
