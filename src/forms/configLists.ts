import { msg } from '../messages/catalogue';
import type { Principal } from '../auth/principal';
import type { CountrySettingsRepository } from '../countries/countrySettingsRepository';
import { badRequest, notFound } from '../errors';
import type { ConfigDocs } from './configDocs';
import { countryLocales } from './formList';
import type { FormStore } from './formStore';
import { presentLocations, presentLookup } from './locationTree';
import { rtlLocales } from './translated';

export interface ConfigListDeps {
  configDocs: ConfigDocs;
  settings: CountrySettingsRepository;
  forms: FormStore;
}

const MAX_PER = 1000;

/**
 * `page`, `per` (above the maximum clamped to it, as Primero does: its clients ask for per=999 or 10000),
 * `hierarchy` on locations; `locale` accepted and ignored; anything else a 400.
 */
export function configListParams(search: URLSearchParams, allowHierarchy: boolean) {
  const out = { page: 1, per: 20, hierarchy: false };
  for (const [name, value] of search) {
    if (name === 'locale') continue;
    if (name === 'hierarchy' && allowHierarchy) {
      if (value !== 'true' && value !== 'false') throw badRequest(msg('query_boolean', { name }), name);
      out.hierarchy = value === 'true';
      continue;
    }
    if (name !== 'page' && name !== 'per') throw badRequest(msg('query_unknown', { name }), name);
    if (!/^\d{1,9}$/.test(value) || Number(value) < 1)
      throw badRequest(msg('query_positive_number', { name }), name);
    out[name] = name === 'per' ? Math.min(Number(value), MAX_PER) : Number(value);
  }
  return out;
}

const page = <T>(items: T[], p: { page: number; per: number }) => ({
  data: items.slice((p.page - 1) * p.per, p.page * p.per),
  metadata: { total: items.length, per: p.per, page: p.page },
});

/** GET /lookups: every signed-in user of the country reads them (clients need them to render forms). */
export async function listLookups(deps: ConfigListDeps, principal: Principal, search: URLSearchParams) {
  const params = configListParams(search, false);
  const [docs, settings] = await Promise.all([
    deps.configDocs.all(principal.countryCode, 'lookup'),
    deps.settings.get(principal.countryCode),
  ]);
  const ctx = countryLocales(settings);
  return page(
    docs.map((doc) => presentLookup(doc, ctx)),
    params,
  );
}

/** GET /locations[?hierarchy=true]: the country's location tree, to every signed-in user. */
export async function listLocations(deps: ConfigListDeps, principal: Principal, search: URLSearchParams) {
  const params = configListParams(search, true);
  const [docs, settings] = await Promise.all([
    deps.configDocs.all(principal.countryCode, 'location'),
    deps.settings.get(principal.countryCode),
  ]);
  return page(presentLocations(docs, countryLocales(settings), params.hierarchy), params);
}

export async function getLookup(deps: ConfigListDeps, principal: Principal, id: string) {
  const doc = await deps.configDocs.find(principal.countryCode, 'lookup', id);
  if (!doc) throw notFound('Lookup not found');
  return presentLookup(doc, countryLocales(await deps.settings.get(principal.countryCode)));
}

export async function getLocation(deps: ConfigListDeps, principal: Principal, code: string) {
  const doc = await deps.configDocs.find(principal.countryCode, 'location', code);
  if (!doc) throw notFound('Location not found');
  const all = await deps.configDocs.all(principal.countryCode, 'location');
  const ctx = countryLocales(await deps.settings.get(principal.countryCode));
  return presentLocations(all, ctx, true).find((l) => l.code === code);
}

/** GET /system_settings: locales, the default, which are right-to-left, and each module's forms. */
export async function systemSettings(deps: ConfigListDeps, principal: Principal) {
  const [settings, forms] = await Promise.all([
    deps.settings.get(principal.countryCode),
    deps.forms.current(principal.countryCode),
  ]);
  const { locales, default_locale } = countryLocales(settings);
  const modules = ['primeromodule-cp', 'primeromodule-gbv'] as const;
  return {
    country_code: principal.countryCode,
    name: settings.name,
    locales,
    default_locale,
    rtl_locales: [...rtlLocales],
    forms_version: forms.version,
    primero_modules: modules.map((unique_id) => ({
      unique_id,
      form_section_unique_ids: forms.forms
        .filter((f) => !f.is_nested && f.module_ids.includes(unique_id))
        .map((f) => f.unique_id),
    })),
  };
}
