import type { LocationNode } from '../api';
import { translate } from '../i18n/messages';
import { formatDate } from './dates';
import { locationLabel } from './LocationPicker';
import { nestedSection, type FormSet } from './serverForms';
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

/**
 * One value of a field as a person reads it: an option by its label, a location by its name and where it
 * lies, a date in the user's language, yes/no in it too; anything else as its text.
 */
export function valueText(
  field: FormField | undefined,
  value: unknown,
  locales: Locales,
  locations: LocationNode[],
): string {
  const option = field?.option_strings_text?.find((o) => o.id === value);
  if (option) return t(option.display_text, locales);
  if (field?.option_strings_source === 'Location') return locationLabel(value, locations, locales);
  if (field?.type === 'date_field' && typeof value === 'string') return formatDate(value, locales.locale);
  if (typeof value === 'boolean') return translate(locales.locale, value ? 'summary.yes' : 'summary.no');
  return String(value);
}

/** A value as one line of text: each item by valueText, a subform entry by its fields' values so read. */
export function displayValue(forms: FormSet, path: string, value: unknown, locales: Locales): string {
  if (value === undefined || value === null || value === '') return translate(locales.locale, 'value.empty');
  const field = findField(forms, path.split(/[.[]/)[0] ?? path);
  const nested = nestedSection(forms, field?.subform_section_id);
  const one = (v: unknown): string => {
    if (v && typeof v === 'object')
      return Object.entries(v as Record<string, unknown>)
        .filter(([k, x]) => k !== 'unique_id' && x !== null && x !== '' && typeof x !== 'object')
        .map(([k, x]) =>
          valueText(
            nested?.fields.find((f) => f.name === k),
            x,
            locales,
            forms.locations,
          ),
        )
        .join(', ');
    return valueText(field, v, locales, forms.locations);
  };
  return Array.isArray(value) ? value.map(one).join('; ') : one(value);
}
