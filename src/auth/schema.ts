import { z } from 'zod';
import { rule } from '../messages/schemaMessages';

/**
 * A user name as it may be sent to us. User names are document ids, and Cosmos refuses ids holding
 * `/ \\ # ?`: anything outside this set is nobody's name, refused as input rather than failing in the store.
 */
export const userNameSchema = z
  .string()
  .min(1)
  .max(100)
  // `*`, not `+`: an empty name is told only that it is required (min), not also that its characters are wrong.
  .regex(/^[A-Za-z0-9_.@+-]*$/, rule('user_name_chars'));

export const loginSchema = z
  .object({
    user: z
      .object({
        user_name: userNameSchema,
        password: z.string().min(1).max(1000),
        totp_code: z
          .string()
          .regex(/^\d{6}$/, rule('six_digits'))
          .optional(),
      })
      .strict(),
  })
  .strict();

export type LoginInput = z.infer<typeof loginSchema>;

export const loginResponseSchema = z.object({
  id: z.string(),
  user_name: z.string(),
  token: z.string(),
  expires_at: z.iso.datetime(),
  group_permission: z.enum(['self', 'group', 'agency', 'all']),
  country_codes: z.array(z.string()),
  token_scope: z.enum(['full', 'totp_enrolment']),
});

export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const totpVerifySchema = z
  .object({ data: z.object({ code: z.string().regex(/^\d{6}$/, rule('six_digits')) }).strict() })
  .strict();
