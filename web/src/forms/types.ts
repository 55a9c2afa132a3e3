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
  required?: boolean;
  editable?: boolean;
  visible?: boolean;
  option_strings_text?: FieldOption[];
}
export interface FormSection {
  unique_id: string;
  parent_form: string;
  name: Translated;
  order: number;
  visible?: boolean;
  fields: FormField[];
}

export const t = (text: Translated | undefined, locale = 'en') => text?.[locale] || text?.en || '';
