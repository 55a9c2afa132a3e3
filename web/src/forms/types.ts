/** Primero's form metadata (GET /api/v2/forms), the parts the renderer reads. */
import type { Condition } from './conditions';

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
  /** Needed before the case can be closed (Primero's mark), not on every save. */
  mandatory_for_completion?: boolean;
  editable?: boolean;
  disabled?: boolean;
  date_include_time?: boolean;
  display_conditions_record?: Condition | null;
  visible?: boolean;
  multi_select?: boolean;
  option_strings_text?: FieldOption[] | null;
  /** `lookup lookup-<name>`, `Location` (the location picker), or `Agency`, `User` (edited as codes for now). */
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
  is_first_tab?: boolean;
  editable?: boolean;
  subform_append_only?: boolean;
  subform_prevent_item_removal?: boolean;
  collapsed_field_names?: string[];
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
