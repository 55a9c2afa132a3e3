import { api, type LocationNode } from '../api';
import type { Vault } from '../vault';
import { defaultCaseForms } from './defaultCaseForms';
import type { FieldOption, FormSection } from './types';

/** The case forms as the device keeps them: the server's sections with their lookups already resolved. */
export interface FormSet {
  sections: FormSection[];
  default_locale: string;
  /** The configuration version they are (GET /forms metadata); the download is skipped while it holds. */
  version?: number;
  /** The country's location tree, for the location picker. */
  locations: LocationNode[];
  /** The built-in upload boxes taking the user's files, per module (absent in a copy kept before it existed). */
  upload_boxes?: Record<string, string[]>;
  /** Where they came from, so the screen can say when it is showing the built-in copy. */
  source: 'server' | 'device' | 'built-in';
}

type Cached = Omit<FormSet, 'source'>;
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

/** A record type's forms from the server, lookups resolved, with the location tree their pickers need. */
export async function fetchFormSet(parent: Parameters<typeof api.forms>[0]): Promise<Cached> {
  const [forms, lookups, locations] = await Promise.all([
    api.forms(parent),
    api.lookups(),
    api.locations().catch(() => ({ data: [] as LocationNode[] })),
  ]);
  const byId = new Map(lookups.data.map((l) => [l.unique_id, l.values]));
  return {
    sections: resolveLookups(forms.data, byId),
    default_locale: forms.metadata.default_locale,
    version: forms.metadata.version,
    locations: locations.data,
    upload_boxes: forms.metadata.upload_boxes?.[parent],
  };
}

/**
 * Online, the server's forms (then kept sealed on the device) — downloaded again only when the country's
 * forms version (GET /system_settings) differs from the device's copy; offline or when the server cannot
 * answer, the device's last copy; the built-in copy only when neither exists.
 */
export function loadCaseForms(vault: Vault, online: boolean): Promise<FormSet> {
  // The sync loop and a case screen often ask at once: one download serves both.
  const key = `${online}`;
  const running = inflight.get(vault)?.[key];
  if (running) return running;
  const next = loadOnce(vault, online).finally(() => delete inflight.get(vault)?.[key]);
  inflight.set(vault, { ...inflight.get(vault), [key]: next });
  return next;
}

const inflight = new WeakMap<Vault, Record<string, Promise<FormSet>>>();

async function loadOnce(vault: Vault, online: boolean): Promise<FormSet> {
  const cached = await vault.get<Cached>('meta', CACHE_KEY);
  if (online) {
    try {
      const { data: settings } = await api.systemSettings();
      if (cached && cached.version === settings.forms_version) return { ...cached, source: 'server' };
      const fresh = await fetchFormSet('case');
      await vault.put('meta', CACHE_KEY, fresh);
      return { ...fresh, source: 'server' };
    } catch {
      // Fall through to the device's copy: the case must stay editable.
    }
  }
  if (cached) return { ...cached, locations: cached.locations ?? [], source: 'device' };
  return { sections: defaultCaseForms, default_locale: 'en', locations: [], source: 'built-in' };
}

/** The sections a record of this module shows: top-level, visible, in the configured order. */
export const sectionsFor = (set: FormSet, moduleId: unknown, grants?: FormGrants) =>
  set.sections
    .filter(
      (s) =>
        s.parent_form === 'case' &&
        s.visible !== false &&
        !s.is_nested &&
        (typeof moduleId !== 'string' || !s.module_ids || s.module_ids.includes(moduleId)),
    )
    // A form the role may only read shows its values without inputs (the server would refuse the write).
    .map((s) => (grants?.[s.unique_id] === 'r' ? { ...s, editable: false } : s))
    .sort((a, b) => a.order - b.order);

/** The role's grant per form (GET /users/me's permitted_form, Primero's form_section_read_write). */
export type FormGrants = Record<string, 'r' | 'rw'>;

/** The nested section a subform field edits its entries with. */
export const nestedSection = (set: FormSet, id: string | null | undefined) =>
  id ? set.sections.find((s) => s.unique_id === id && s.is_nested) : undefined;
