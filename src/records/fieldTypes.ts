import { z } from 'zod';
import { rule } from '../messages/schemaMessages';

export const dateString = z.iso.date({ error: rule('date') });
export const dateTimeString = z.iso.datetime({
  offset: true,
  error: rule('date_time'),
});
export const shortText = z.string().max(500, rule('too_long', { max: 500 }));
export const longText = z.string().max(50_000, rule('too_long', { max: 50_000 }));
export const uniqueId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, rule('entry_id'));
/** A person's age in whole years. */
export const ageInYears = z
  .int({ error: rule('whole_number') })
  .min(0, rule('at_least', { min: 0 }))
  .max(130, rule('at_most', { max: 130 }));
export const uuid = z.uuid({ error: rule('uuid') });

/** Client fields are all optional and clearable with null, as Primero clients send them. */
export const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
