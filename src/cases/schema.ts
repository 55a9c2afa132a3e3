import { z } from 'zod';
import { commonRecordFields, commonServerOwnedKeys, entryKeys, noteSchema } from '../records/commonSchema';
import { ageInYears, dateString, dateTimeString, longText, optional, shortText } from '../records/fieldTypes';

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

export const subforms = {
  followup_subform_section: followupSchema,
  services_section: serviceSchema,
  notes_section: noteSchema,
} as const;

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
    age: optional(ageInYears),
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
  ...commonRecordFields,
  case_id: z.string(),
  case_id_display: z.string(),
  workflow: z.string(),
  reopened_logs: z
    .array(z.object({ unique_id: z.string(), reopened_date: z.string(), reopened_user: z.string() }))
    .optional(),
  incident_links: z
    .array(z.object({ incident_id: z.string(), incident_code: z.string(), date: z.string() }))
    .optional(),
});

export const serverOwnedKeys = [
  ...commonServerOwnedKeys,
  'case_id',
  'case_id_display',
  'workflow',
  'reopened_logs',
  'incident_links',
  'transitions',
  'approval_subforms',
  'approval_status_assessment',
  'approval_status_case_plan',
  'approval_status_closure',
  'approval_status_action_plan',
  'approval_status_gbv_closure',
] as const;
