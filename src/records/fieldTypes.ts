import { z } from 'zod';

export const dateString = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
export const dateTimeString = z.iso.datetime({
  offset: true,
  error: 'must be a date-time like 2026-01-31T09:00:00Z',
});
export const shortText = z.string().max(500, 'must be at most 500 characters');
export const longText = z.string().max(50_000, 'must be at most 50000 characters');
export const uniqueId = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be letters, digits and dashes (at most 64)');
export const uuid = z.uuid({ error: 'must be a UUID' });

/** Client fields are all optional and clearable with null, as Primero clients send them. */
export const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
