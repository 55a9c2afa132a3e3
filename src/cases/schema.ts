import { z } from 'zod';
import { attachmentSchema } from '../attachments/schema';
import {
  dateString,
  dateTimeString,
  longText,
  optional,
  shortText,
  uniqueId,
  uuid,
} from '../records/fieldTypes';

/** Keys every subform entry may carry: its identity and the removal marker. */
const entryKeys = { unique_id: uniqueId.optional(), _destroy: z.literal(true).optional() };

export const followupSchema = z
  .object({
    ...entryKeys,
    followup_type: optional(shortText),
    followup_needed_by_date: optional(dateString),
    followup_date: optional(dateString),
    followup_comments: optional(longText),
  })
  .strict();

export const serviceSchema = z
  .object({
    ...entryKeys,
    service_type: optional(shortText),
    service_response_type: optional(shortText),
    service_response_day_time: optional(dateTimeString),
    service_response_timeframe: optional(z.enum(['1_hour', '3_hours', '1_day', '3_days'])),
    service_appointment_date: optional(dateString),
    service_implemented: optional(z.enum(['implemented', 'not_implemented'])),
    service_implemented_day_time: optional(dateTimeString),
    service_provider: optional(shortText),
    service_location: optional(shortText),
  })
  .strict();

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

export const subforms = {
  followup_subform_section: followupSchema,
  services_section: serviceSchema,
  notes_section: noteSchema,
} as const;
export type SubformKey = keyof typeof subforms;
export const isSubformKey = (key: string): key is SubformKey => key in subforms;

/** Every field a client may set on a case. Anything else is refused unless the country's form declares it. */
export const caseFieldsSchema = z
  .object({
    module_id: optional(z.enum(['primeromodule-cp', 'primeromodule-gbv'])),
    status: optional(z.enum(['open', 'closed', 'transferred', 'identified'])),
    registration_date: optional(dateString),
    risk_level: optional(z.enum(['high', 'medium', 'low'])),
    name: optional(shortText),
    name_first: optional(shortText),
    name_middle: optional(shortText),
    name_last: optional(shortText),
    name_nickname: optional(shortText),
    sex: optional(z.enum(['female', 'male', 'other', 'unknown'])),
    age: optional(
      z.int({ error: 'must be a whole number' }).min(0, 'must be at least 0').max(130, 'must be at most 130'),
    ),
    date_of_birth: optional(dateString),
    estimated: optional(z.boolean()),
    nationality: optional(z.array(shortText).max(10)),
    language: optional(z.array(shortText).max(20)),
    location_current: optional(shortText),
    address_current: optional(longText),
    telephone_current: optional(shortText),
    protection_concerns: optional(z.array(shortText).max(50)),
    consent_for_services: optional(z.boolean()),
    disclosure_other_orgs: optional(z.boolean()),
    consent_for_tracing: optional(z.boolean()),
    interview_subject: optional(shortText),
    assessment_due_date: optional(dateString),
    assessment_requested_on: optional(dateString),
    case_plan_due_date: optional(dateString),
    date_case_plan: optional(dateString),
    date_closure: optional(dateString),
    closure_reason: optional(shortText),
    followup_subform_section: optional(z.array(followupSchema).max(500)),
    services_section: optional(z.array(serviceSchema).max(500)),
    notes_section: optional(z.array(noteSchema).max(1000)),
  })
  .strict();

export type CaseFields = z.infer<typeof caseFieldsSchema>;

/** The record as it leaves the server. */
export const caseRecordSchema = caseFieldsSchema.extend({
  id: uuid,
  case_id: z.string(),
  short_id: z.string(),
  case_id_display: z.string(),
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
  workflow: z.string(),
  flag_count: z.int(),
  alert_count: z.int(),
  reminders: z.array(z.object({ id: z.string(), type: z.string(), due_at: z.string(), ref: z.string() })),
  next_due_at: z.string().nullable(),
  hidden_name: z.boolean().optional(),
  reopened_logs: z
    .array(z.object({ unique_id: z.string(), reopened_date: z.string(), reopened_user: z.string() }))
    .optional(),
  photos: z.array(attachmentSchema).optional(),
  recorded_audio: z.array(attachmentSchema).optional(),
  other_documents: z.array(attachmentSchema).optional(),
});

export const serverOwnedKeys = [
  'id',
  'enabled',
  'country_code',
  'case_id',
  'short_id',
  'case_id_display',
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
  'workflow',
  'flag_count',
  'alert_count',
  'reminders',
  'next_due_at',
  'record_state',
  'hidden_name',
  'sync_conflicts',
  'reopened_logs',
  'flags',
  'transitions',
  'approval_subforms',
  'approval_status_assessment',
  'approval_status_case_plan',
  'approval_status_closure',
  'approval_status_action_plan',
  'approval_status_gbv_closure',
  // Attachments are added and removed through their own endpoints.
  'photos',
  'recorded_audio',
  'other_documents',
] as const;

export const caseWriteBodySchema = z.object({ data: z.record(z.string(), z.unknown()) }).strict();
