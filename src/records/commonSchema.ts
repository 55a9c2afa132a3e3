import { z } from 'zod';
import { attachmentSchema } from '../attachments/schema';
import { dateTimeString, longText, optional, shortText, uniqueId, uuid } from './fieldTypes';

/** Keys every subform entry may carry: its identity and the removal marker. */
export const entryKeys = { unique_id: uniqueId.optional(), _destroy: z.literal(true).optional() };

export const noteSchema = z
  .object({
    ...entryKeys,
    note_subject: optional(shortText),
    note_text: optional(longText),
    // Stamped by the server; accepted (and ignored) so that clients may send back what they read.
    note_date: optional(z.string()),
    note_created_by: optional(z.string()),
  })
  .strict();

/** Server fields every record type has, as presented. */
export const commonRecordFields = {
  id: uuid,
  short_id: z.string(),
  country_code: z.string(),
  enabled: z.boolean(),
  owned_by: z.string(),
  owned_by_agency_id: z.string(),
  owned_by_groups: z.array(z.string()),
  assigned_user_names: z.array(z.string()),
  associated_user_names: z.array(z.string()),
  created_at: dateTimeString,
  created_by: z.string(),
  last_updated_at: dateTimeString,
  last_updated_by: z.string(),
  version: z.int(),
  /** The forms version the record's fields were last written with. */
  forms_version: z.int().optional(),
  flag_count: z.int(),
  alert_count: z.int(),
  reminders: z.array(z.object({ id: z.string(), type: z.string(), due_at: z.string(), ref: z.string() })),
  next_due_at: z.string().nullable(),
  hidden_name: z.boolean().optional(),
  photos: z.array(attachmentSchema).optional(),
  recorded_audio: z.array(attachmentSchema).optional(),
  other_documents: z.array(attachmentSchema).optional(),
};

/** Keys the server owns on every record type (clients cannot set them). */
export const commonServerOwnedKeys = [
  'id',
  'enabled',
  'country_code',
  'short_id',
  'owned_by',
  'owned_by_agency_id',
  'owned_by_groups',
  'assigned_user_names',
  'associated_user_names',
  'created_at',
  'created_by',
  'last_updated_at',
  'last_updated_by',
  'version',
  'forms_version',
  'flag_count',
  'alert_count',
  'alert_subjects',
  'reminders',
  'next_due_at',
  'record_state',
  'hidden_name',
  'sync_conflicts',
  'flags',
  // Attachments are added and removed through their own endpoints.
  'photos',
  'recorded_audio',
  'other_documents',
] as const;

export const commonOrderable = ['created_at', 'last_updated_at', 'short_id'] as const;
export const commonFilters = ['status', 'owned_by', 'module_id', 'id'] as const;
export const commonRanges = { created_at: 'datetime', last_updated_at: 'datetime' } as const;
export const commonShortFields = [
  'id',
  'short_id',
  'owned_by',
  'status',
  'module_id',
  'flag_count',
  'alert_count',
  'created_at',
  'last_updated_at',
  'enabled',
];
