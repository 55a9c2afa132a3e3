import { z } from 'zod';
import { commonRecordFields, commonServerOwnedKeys, entryKeys, noteSchema } from '../records/commonSchema';
import { ageInYears, dateString, longText, optional, shortText } from '../records/fieldTypes';

const sex = z.enum(['female', 'male', 'other', 'unknown']);

/** One person the inquirer is looking for. */
export const soughtPersonSchema = z
  .object({
    ...entryKeys,
    name: optional(shortText),
    name_nickname: optional(shortText),
    sex: optional(sex),
    age: optional(ageInYears),
    date_of_birth: optional(dateString),
    relation_to_inquirer: optional(shortText),
    physical_description: optional(longText),
    date_last_seen: optional(dateString),
    location_last_seen: optional(shortText),
    tracing_request_status: optional(z.enum(['open', 'tracing_in_progress', 'found', 'reunified', 'closed'])),
  })
  .strict();

export const tracingRequestSubforms = {
  tracing_request_subform_section: soughtPersonSchema,
  notes_section: noteSchema,
} as const;

/** Every field a client may set on a tracing request (CP). */
export const tracingRequestFieldsSchema = z
  .object({
    module_id: optional(z.enum(['primeromodule-cp'])),
    status: optional(z.enum(['open', 'closed'])),
    inquiry_date: optional(dateString),
    relation_name: optional(shortText),
    relation_nickname: optional(shortText),
    relation: optional(shortText),
    relation_sex: optional(sex),
    relation_age: optional(ageInYears),
    relation_telephone: optional(shortText),
    relation_address: optional(longText),
    relation_nationality: optional(z.array(shortText).max(10)),
    relation_language: optional(z.array(shortText).max(20)),
    location_separation: optional(shortText),
    separation_cause: optional(shortText),
    date_of_separation: optional(dateString),
    date_closure: optional(dateString),
    tracing_request_subform_section: optional(z.array(soughtPersonSchema).max(50)),
    notes_section: optional(z.array(noteSchema).max(1000)),
  })
  .strict();

export const tracingRequestRecordSchema = tracingRequestFieldsSchema.extend({
  ...commonRecordFields,
  tracing_request_id: z.string(),
});

export const tracingRequestServerOwnedKeys = [...commonServerOwnedKeys, 'tracing_request_id'] as const;
