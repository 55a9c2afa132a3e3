import type { FieldOption, FormSection } from './types';

const options = (...ids: string[]): FieldOption[] =>
  ids.map((id) => ({
    id,
    display_text: { en: id.charAt(0).toUpperCase() + id.slice(1).replace(/_/g, ' ') },
  }));

/**
 * The case forms used until the server's GET /api/v2/forms answers: the fields the case API accepts,
 * in Primero's own shape, so the renderer does not change when the metadata comes from the server.
 */
export const defaultCaseForms: FormSection[] = [
  {
    unique_id: 'basic_identity',
    parent_form: 'case',
    name: { en: 'Basic identity' },
    order: 1,
    fields: [
      { name: 'name', type: 'text_field', display_name: { en: 'Full name' } },
      {
        name: 'sex',
        type: 'select_box',
        display_name: { en: 'Sex' },
        option_strings_text: options('female', 'male', 'other', 'unknown'),
      },
      { name: 'age', type: 'numeric_field', display_name: { en: 'Age' } },
      { name: 'date_of_birth', type: 'date_field', display_name: { en: 'Date of birth' } },
      { name: 'location_current', type: 'text_field', display_name: { en: 'Current location' } },
    ],
  },
  {
    unique_id: 'assessment',
    parent_form: 'case',
    name: { en: 'Assessment' },
    order: 2,
    fields: [
      {
        name: 'risk_level',
        type: 'select_box',
        display_name: { en: 'Risk level' },
        option_strings_text: options('high', 'medium', 'low'),
      },
      { name: 'consent_for_services', type: 'tick_box', display_name: { en: 'Consent for services' } },
      { name: 'address_current', type: 'textarea', display_name: { en: 'Current address' } },
    ],
  },
];
