import { z } from 'zod';

export const loginSchema = z
  .object({
    user: z
      .object({
        user_name: z.string().min(1).max(100),
        password: z.string().min(1).max(1000),
        totp_code: z
          .string()
          .regex(/^\d{6}$/, 'must be 6 digits')
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
  .object({ data: z.object({ code: z.string().regex(/^\d{6}$/, 'must be 6 digits') }).strict() })
  .strict();
