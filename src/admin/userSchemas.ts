import { z } from 'zod';
import { directoryId } from './directorySchemas';

export const password = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(200, 'must be at most 200 characters');

export const userFields = {
  full_name: z.string().trim().min(1, 'is required').max(200),
  email: z.email({ error: 'must be an email address' }).nullable().optional(),
  role_unique_id: directoryId,
  user_group_unique_ids: z.array(directoryId).max(20),
  agency_unique_id: directoryId,
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a locale such as en or fr-CA'),
};

export const userCreateSchema = z
  .object({
    user_name: z.string().regex(/^[a-z0-9_.-]{3,50}$/, 'must be 3-50 lowercase letters, digits, _ . -'),
    password,
    ...userFields,
    locale: userFields.locale.optional(),
  })
  .strict()
  .refine((u) => !u.password.toLowerCase().includes(u.user_name), {
    path: ['password'],
    message: 'must not contain the user name',
  });

export const userUpdateSchema = z
  .object({ ...userFields, password, disabled: z.boolean() })
  .partial()
  .strict();
