import { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { CountrySettingsRepository } from '../countries/countrySettingsRepository';
import type { CountrySettings } from '../countries/types';
import { badRequest, notFound } from '../errors';
import { readableForms } from './formAccess';
import { presentForm } from './formPresenter';
import { moduleIds, parentForms } from './formSchema';
import type { FormStore } from './formStore';

export interface FormReadDeps {
  forms: FormStore;
  settings: CountrySettingsRepository;
}

/** The country's locales, its default first, as clients need them to render every text. */
export function countryLocales(settings: CountrySettings): { locales: string[]; default_locale: string } {
  const default_locale = settings.default_locale ?? settings.locales[0] ?? 'en';
  return { locales: [...new Set([default_locale, ...settings.locales])], default_locale };
}

const filterSchema = z.object({
  record_type: z.enum(parentForms).optional(),
  module_id: z.enum(moduleIds).optional(),
});

function parseFilters(search: URLSearchParams) {
  const raw: Record<string, string> = {};
  for (const [name, value] of search) {
    if (name === 'locale') continue; // Primero's clients send it; every locale is in the answer anyway.
    if (name !== 'record_type' && name !== 'module_id')
      throw badRequest(`Unknown query parameter ${name}`, name);
    raw[name] = value;
  }
  const parsed = filterSchema.safeParse(raw);
  if (!parsed.success) {
    const name = String(parsed.error.issues[0]?.path[0] ?? 'query');
    throw badRequest(`${name} is not a known value`, name);
  }
  return parsed.data;
}

/**
 * GET /forms: the forms of the caller's country that their role may read, in Primero's shape with every
 * configured locale, and the configuration version (an offline client refreshes when it changes).
 */
export async function listForms(deps: FormReadDeps, principal: Principal, search: URLSearchParams) {
  const filters = parseFilters(search);
  const [current, settings] = await Promise.all([
    deps.forms.current(principal.countryCode),
    deps.settings.get(principal.countryCode),
  ]);
  const { locales, default_locale } = countryLocales(settings);
  const forms = readableForms(principal, current.forms).filter(
    (form) =>
      (!filters.record_type || form.parent_form === filters.record_type) &&
      (!filters.module_id || form.module_ids.includes(filters.module_id)),
  );
  return {
    data: forms.map((form) => presentForm(form, locales)),
    metadata: {
      total: forms.length,
      version: current.version,
      published_at: current.published_at,
      locales,
      default_locale,
    },
  };
}

/** GET /forms/{id}: one readable form; a form the role may not read is as absent as an unknown one. */
export async function getForm(deps: FormReadDeps, principal: Principal, id: string) {
  const [current, settings] = await Promise.all([
    deps.forms.current(principal.countryCode),
    deps.settings.get(principal.countryCode),
  ]);
  const form = readableForms(principal, current.forms).find((f) => f.unique_id === id);
  if (!form) throw notFound('Form not found');
  return {
    data: presentForm(form, countryLocales(settings).locales),
    metadata: { version: current.version },
  };
}
