import { z } from 'zod';
import { directoryId } from './directorySchemas';
import { rule } from '../messages/schemaMessages';

export const password = z
  .string()
  .min(12, rule('too_short', { min: 12 }))
  .max(200, rule('too_long', { max: 200 }));

export const userFields = {
  full_name: z.string().trim().min(1, rule('required')).max(200),
  email: z
    .email({ error: rule('email') })
    .nullable()
    .optional(),
  role_unique_id: directoryId,
  user_group_unique_ids: z.array(directoryId).max(20),
  agency_unique_id: directoryId,
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, rule('locale')),
};

export const userCreateSchema = z
  .object({
    user_name: z.string().regex(/^[a-z0-9_.-]{3,50}$/, rule('new_user_name')),
    password,
    ...userFields,
    locale: userFields.locale.optional(),
  })
  .strict()
  .refine((u) => !u.password.toLowerCase().includes(u.user_name), {
    path: ['password'],
    message: rule('password_has_user_name'),
  });

export const userUpdateSchema = z
  .object({ ...userFields, password, disabled: z.boolean() })
  .partial()
  .strict();
