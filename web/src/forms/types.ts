/** Primero's form metadata (GET /api/v2/forms), the parts the renderer reads. */
export type Translated = Record<string, string>;
export interface FieldOption {
  id: string;
  display_text: Translated;
}
export interface FormField {
  name: string;
  type: string;
  display_name: Translated;
  help_text?: Translated;
  guiding_questions?: Translated;
  required?: boolean;
  editable?: boolean;
  visible?: boolean;
  multi_select?: boolean;
  option_strings_text?: FieldOption[] | null;
  /** `lookup lookup-<name>`, or `Location`, `Agency`, `User` for the lists the app does not pick from yet. */
  option_strings_source?: string | null;
  subform_section_id?: string | null;
}
export interface FormSection {
  unique_id: string;
  parent_form: string;
  module_ids?: string[];
  name: Translated;
  order: number;
  visible?: boolean;
  is_nested?: boolean;
  fields: FormField[];
}

/** The user's locale for every configured text, and the country's default when a text lacks it. */
export interface Locales {
  locale: string;
  fallback: string;
}
const english: Locales = { locale: 'en', fallback: 'en' };

export const t = (text: Translated | undefined | null, locales: Locales = english) =>
  text?.[locales.locale] || text?.[locales.fallback] || text?.en || '';
