import { z } from 'zod';
import { commonRecordFields, commonServerOwnedKeys, entryKeys, noteSchema } from '../records/commonSchema';
import { ageInYears, dateString, longText, optional, shortText, uuid } from '../records/fieldTypes';

export const perpetratorSchema = z
  .object({
    ...entryKeys,
    perpetrator_sex: optional(z.enum(['female', 'male', 'other', 'unknown'])),
    age_group: optional(z.enum(['0_11', '12_17', '18_25', '26_40', '41_60', '61_plus', 'unknown'])),
    perpetrator_relationship: optional(shortText),
    perpetrator_occupation: optional(shortText),
    perpetrator_nationality: optional(shortText),
    perpetrator_name: optional(shortText),
  })
  .strict();

export const incidentSubforms = {
  perpetrator_subform_section: perpetratorSchema,
  notes_section: noteSchema,
} as const;

/** Every field a client may set on an incident (GBV or CP). */
export const incidentFieldsSchema = z
  .object({
    module_id: optional(z.enum(['primeromodule-cp', 'primeromodule-gbv'])),
    status: optional(z.enum(['open', 'closed'])),
    date_of_first_report: optional(dateString),
    incident_date: optional(dateString),
    incident_timeofday: optional(z.enum(['morning', 'afternoon', 'evening', 'night', 'unknown'])),
    incident_location_type: optional(shortText),
    incident_location: optional(shortText),
    incident_description: optional(longText),
    gbv_sexual_violence_type: optional(
      z.enum([
        'rape',
        'sexual_assault',
        'physical_assault',
        'forced_marriage',
        'denial_of_resources',
        'psychological_emotional_abuse',
        'non_gbv',
      ]),
    ),
    harmful_traditional_practice: optional(shortText),
    goods_money_exchanged: optional(z.boolean()),
    gbv_reported_elsewhere: optional(z.boolean()),
    consent_reporting: optional(z.boolean()),
    survivor_code: optional(shortText),
    name: optional(shortText),
    sex: optional(z.enum(['female', 'male', 'other', 'unknown'])),
    age: optional(ageInYears),
    date_closure: optional(dateString),
    perpetrator_subform_section: optional(z.array(perpetratorSchema).max(50)),
    notes_section: optional(z.array(noteSchema).max(1000)),
  })
  .strict();

export const incidentRecordSchema = incidentFieldsSchema.extend({
  ...commonRecordFields,
  incident_id: z.string(),
  incident_code: z.string(),
  /** The case this incident was recorded from, if any (set once, at creation). */
  incident_case_id: uuid.optional(),
  incident_case_id_display: z.string().optional(),
});

export const incidentServerOwnedKeys = [
  ...commonServerOwnedKeys,
  'incident_id',
  'incident_code',
  'incident_case_id',
  'incident_case_id_display',
] as const;
