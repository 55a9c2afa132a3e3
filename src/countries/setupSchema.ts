import { z } from 'zod';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const countrySetupSchema = z
  .object({
    data: z
      .object({
        country_code: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals'),
        name: z.string().min(1).max(100).optional(),
        time_zone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Africa/Nairobi'),
        locales: z
          .array(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/))
          .min(1)
          .max(10)
          .optional(),
        admin: z
          .object({
            user_name: z
              .string()
              .regex(/^[a-z0-9_.-]{3,50}$/, 'must be 3-50 lowercase letters, digits, _ . -'),
            full_name: z.string().min(1).max(200),
            email: z.email(),
          })
          .strict(),
        /** A configuration file (config:export) to start from instead of the default forms. */
        config: z.unknown().optional(),
      })
      .strict(),
  })
  .strict();

export type CountrySetupInput = z.infer<typeof countrySetupSchema>['data'];
