import type { FieldType } from './fieldTypeList';

const dates: FieldType[] = ['date_field'];
const choice: FieldType[] = ['select_box', 'radio_button'];

/**
 * What the built-in behaviours (workflow, reminders, tasks) read, and the field types that can play it.
 * `in` names the subform role whose entries hold the field; without it the field is top-level. Each role is
 * played by at most one field per record type and module; one nobody plays switches its behaviour off.
 */
export const roleCatalogue = {
  followup_subform: { types: ['subform'], records: ['case'] },
  followup_due_date: { types: dates, in: 'followup_subform' },
  followup_done_date: { types: dates, in: 'followup_subform' },
  followup_type: { types: [...choice, 'text_field'], in: 'followup_subform' },
  services_subform: { types: ['subform'], records: ['case'] },
  service_type: { types: [...choice, 'text_field'], in: 'services_subform' },
  service_requested_at: { types: dates, in: 'services_subform' },
  service_timeframe: { types: choice, in: 'services_subform' },
  service_appointment_date: { types: dates, in: 'services_subform' },
  service_implemented: { types: [...choice, 'tick_box'], in: 'services_subform' },
  service_implemented_on: { types: dates, in: 'services_subform' },
  assessment_due_date: { types: dates, records: ['case'] },
  assessment_started_on: { types: dates, records: ['case'] },
  case_plan_due_date: { types: dates, records: ['case'] },
  case_plan_started_on: { types: dates, records: ['case'] },
  closure_date: { types: dates, records: ['case', 'incident', 'tracing_request'] },
} as const satisfies Record<
  string,
  { types: readonly FieldType[]; in?: string; records?: readonly string[] }
>;

export type FieldRole = keyof typeof roleCatalogue;
export const fieldRoleNames = Object.keys(roleCatalogue) as [FieldRole, ...FieldRole[]];
