import type { FormInput } from '../formSchema';
import { cpForms } from './cpForms';
import { gbvCaseForms, incidentForms } from './gbvForms';
import { tracingRequestForms } from './tracingForms';

/** The configuration a new country starts from: CP and GBV case forms, the incident and tracing request forms. */
export const defaultForms: FormInput[] = [
  ...cpForms,
  ...gbvCaseForms,
  ...incidentForms,
  ...tracingRequestForms,
];

type Grants = Record<string, 'r' | 'rw'>;
const grant = (level: 'r' | 'rw', forms: FormInput[], except: string[] = []): Grants =>
  Object.fromEntries(
    forms.filter((f) => !f.is_nested && !except.includes(f.unique_id)).map((f) => [f.unique_id, level]),
  );

// A caseworker neither sees the supervisor's review nor the psychosocial assessment (trained staff only).
const supervisorOnly = ['psychosocial_assessment', 'case_supervision'];

/** `form_section_read_write` of the default roles. */
export const defaultFormGrants: Record<string, Grants> = {
  'role-cp-caseworker': {
    ...grant('rw', cpForms, supervisorOnly),
    ...grant('rw', incidentForms),
    ...grant('rw', tracingRequestForms),
  },
  'role-cp-supervisor': {
    ...grant('rw', cpForms),
    ...grant('rw', incidentForms),
    ...grant('rw', tracingRequestForms),
  },
  'role-gbv-caseworker': { ...grant('rw', gbvCaseForms), ...grant('rw', incidentForms) },
  'role-regional-supervisor': {
    ...grant('r', cpForms),
    ...grant('r', incidentForms),
    ...grant('r', tracingRequestForms),
  },
  'role-admin': grant('rw', defaultForms),
};
