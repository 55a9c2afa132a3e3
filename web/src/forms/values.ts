import { formatDate } from './dates';
import { locationLabel } from './LocationPicker';
import type { FormSet } from './serverForms';
import { t, type FormField, type Locales } from './types';

/** Every field of the forms by name, nested sections included (for labels in messages and conflicts). */
export function findField(forms: FormSet, name: string): FormField | undefined {
  for (const section of forms.sections) {
    const field = section.fields.find((f) => f.name === name);
    if (field) return field;
  }
  return undefined;
}

/** A field path (`age`, `family_details_section[2].relation_age`) as the user reads it. */
export function fieldLabel(forms: FormSet, path: string, locales: Locales): string {
  const name = path.split(/[.[]/)[0] ?? path;
  return t(findField(forms, name)?.display_name, locales) || name;
}

/** A value as one line of text: options by label, dates in the user's locale, entries by their content. */
export function displayValue(forms: FormSet, path: string, value: unknown, locales: Locales): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  const field = findField(forms, path.split(/[.[]/)[0] ?? path);
  const one = (v: unknown): string => {
    if (v && typeof v === 'object')
      return Object.entries(v as Record<string, unknown>)
        .filter(([k, x]) => k !== 'unique_id' && x !== null && x !== '' && typeof x !== 'object')
        .map(([, x]) => String(x))
        .join(', ');
    const option = field?.option_strings_text?.find((o) => o.id === v);
    if (option) return t(option.display_text, locales);
    if (field?.option_strings_source === 'Location') return locationLabel(v, forms.locations, locales);
    if (field?.type === 'date_field' && typeof v === 'string') return formatDate(v, locales.locale);
    if (typeof v === 'boolean') return v ? 'Yes' : 'No';
    return String(v);
  };
  return Array.isArray(value) ? value.map(one).join('; ') : one(value);
}
