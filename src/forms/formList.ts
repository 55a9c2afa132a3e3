import { msg } from '../messages/catalogue';
import { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { CountrySettingsRepository } from '../countries/countrySettingsRepository';
import type { CountrySettings } from '../countries/types';
import { attachmentFields } from '../attachments/attachmentTypes';
import { badRequest, notFound } from '../errors';
import type { FieldAccess, FieldGrants } from './fieldAccess';
import { readableForms } from './formAccess';
import { presentForm } from './formPresenter';
import { moduleIds, parentForms } from './formSchema';
import type { FormStore } from './formStore';

export interface FormReadDeps {
  forms: FormStore;
  settings: CountrySettingsRepository;
  records: { fieldAccess: Pick<FieldAccess, 'grantsFor'> };
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
      throw badRequest(msg('query_unknown', { name }), name);
    raw[name] = value;
  }
  const parsed = filterSchema.safeParse(raw);
  if (!parsed.success) {
    const name = String(parsed.error.issues[0]?.path[0] ?? 'query');
    throw badRequest(msg('query_known_value', { name }), name);
  }
  return parsed.data;
}

/**
 * GET /forms: the forms of the caller's country that their role may read, in Primero's shape with every
 * configured locale, and the configuration version (an offline client refreshes when it changes).
 */
export async function listForms(deps: FormReadDeps, principal: Principal, search: URLSearchParams) {
  const filters = parseFilters(search);
  const [current, settings, grants] = await Promise.all([
    deps.forms.current(principal.countryCode),
    deps.settings.get(principal.countryCode),
    deps.records.fieldAccess.grantsFor(principal),
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
      upload_boxes: builtInBoxes(grants, filters),
    },
  };
}

/**
 * The built-in upload boxes that take the caller's files, per record type and module: a form may hold one
 * (`photos` on a form of its own), and a box on a form the role may only read or may not see refuses the
 * upload, though no form the caller reads lists it. A client offers the built-in boxes listed here only.
 */
function builtInBoxes(grants: FieldGrants, filters: { record_type?: string; module_id?: string }) {
  const boxes: Record<string, Record<string, string[]>> = {};
  for (const recordType of parentForms) {
    if (filters.record_type && filters.record_type !== recordType) continue;
    const perModule: Record<string, string[]> = {};
    for (const moduleId of moduleIds) {
      if (filters.module_id && filters.module_id !== moduleId) continue;
      perModule[moduleId] = Object.keys(attachmentFields).filter((box) =>
        grants.writable(recordType, moduleId, box),
      );
    }
    boxes[recordType] = perModule;
  }
  return boxes;
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
