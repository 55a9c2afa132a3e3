import { named, type useT } from '../i18n/locale';
import type { FormSet } from './serverForms';
import type { Locales } from './types';
import { fieldLabel, findField } from './values';

/**
 * A record's key as the user reads it: the label of the form field it is, in the user's language; a key on
 * no form (created_at, owned_by, … kept by the server) as the app names it, else as its words.
 */
export function keyLabel(
  forms: FormSet | undefined,
  key: string,
  locales: Locales,
  t: ReturnType<typeof useT>,
): string {
  return forms && findField(forms, key) ? fieldLabel(forms, key, locales) : named(t, 'record.key', key);
}
