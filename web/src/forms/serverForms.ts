import { api } from '../api';
import type { Vault } from '../vault';
import { defaultCaseForms } from './defaultCaseForms';
import type { FieldOption, FormSection, Locales } from './types';

/** The case forms as the device keeps them: the server's sections with their lookups already resolved. */
export interface FormSet {
  sections: FormSection[];
  default_locale: string;
  /** Where they came from, so the screen can say when it is showing the built-in copy. */
  source: 'server' | 'device' | 'built-in';
}

const CACHE_KEY = 'case_forms';

/** Options from `lookup lookup-<name>` copied into each field, so the device needs no lookup fetch offline. */
function resolveLookups(sections: FormSection[], lookups: Map<string, FieldOption[]>): FormSection[] {
  return sections.map((section) => ({
    ...section,
    fields: section.fields.map((field) => {
      const source = field.option_strings_source?.match(/^lookup (.+)$/)?.[1];
      return source ? { ...field, option_strings_text: lookups.get(source) ?? [] } : field;
    }),
  }));
}

async function fetchForms(): Promise<Omit<FormSet, 'source'>> {
  const [forms, lookups] = await Promise.all([api.forms('case'), api.lookups()]);
  const byId = new Map(lookups.data.map((l) => [l.unique_id, l.values]));
  return { sections: resolveLookups(forms.data, byId), default_locale: forms.metadata.default_locale };
}

/**
 * Online, the server's forms (then kept sealed on the device); offline or when the server cannot answer,
 * the device's last copy; the built-in copy only when neither exists.
 */
export async function loadCaseForms(vault: Vault, online: boolean): Promise<FormSet> {
  if (online) {
    try {
      const fresh = await fetchForms();
      await vault.put('meta', CACHE_KEY, fresh);
      return { ...fresh, source: 'server' };
    } catch {
      // Fall through to the device's copy: the case must stay editable.
    }
  }
  const cached = await vault.get<Omit<FormSet, 'source'>>('meta', CACHE_KEY);
  if (cached) return { ...cached, source: 'device' };
  return { sections: defaultCaseForms, default_locale: 'en', source: 'built-in' };
}

/** The sections a record of this module shows: top-level, visible, in the configured order. */
export const sectionsFor = (set: FormSet, moduleId: unknown) =>
  set.sections
    .filter(
      (s) =>
        s.parent_form === 'case' &&
        s.visible !== false &&
        !s.is_nested &&
        (typeof moduleId !== 'string' || !s.module_ids || s.module_ids.includes(moduleId)),
    )
    .sort((a, b) => a.order - b.order);

/** The browser's language when the configuration has it, the country's default otherwise. */
export const userLocales = (set: FormSet): Locales => ({
  locale: (navigator.language || set.default_locale).split('-')[0] ?? set.default_locale,
  fallback: set.default_locale,
});
