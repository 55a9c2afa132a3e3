import { z } from 'zod';
import { unprocessable, type ErrorEntry } from '../errors';
import { issuesToEntries } from '../http/validation';
import type { ConfigDoc, ConfigDocs } from './configDocs';
import { configId, locationCreateSchema, lookupCreateSchema, MAX_LOCATION_DEPTH } from './configSchemas';
import { fieldName } from './fieldSchema';
import { formSetProblems, formSetSchema } from './formSet';
import { formSchema, type Form } from './formSchema';
import type { FormStore } from './formStore';
import { asTranslated } from './locationTree';
import type { RoleGrantStore } from './roleGrants';

export interface ConfigFileDeps {
  forms: FormStore;
  configDocs: ConfigDocs;
  roles: RoleGrantStore;
}

export const CONFIG_FORMAT = 'primero-serverless-configuration';
/** A whole configuration (hundreds of fields, thousands of places) is larger than a record write. */
export const CONFIG_MAX_BYTES = 8 * 1024 * 1024;

/**
 * A country's whole configuration as a file: forms, lookups, locations and the roles' form permissions.
 * Nothing in it names the country or a version, so it moves between countries and environments, and an
 * export of an import of it is the same file.
 */
export const configFileSchema = z
  .object({
    format: z.literal(CONFIG_FORMAT),
    format_version: z.literal(1),
    forms: formSetSchema,
    lookups: z.array(lookupCreateSchema).max(1000),
    locations: z.array(locationCreateSchema).max(50_000),
    roles: z
      .array(
        z
          .object({
            unique_id: configId,
            form_section_read_write: z.record(fieldName, z.enum(['r', 'rw'])),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();
export type ConfigFile = z.output<typeof configFileSchema>;

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
const sortedObject = <V>(value: Record<string, V>) =>
  Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));

const lookupEntry = (doc: ConfigDoc, locale: string) => ({
  unique_id: doc.id,
  name: sortedObject(asTranslated(doc.name, locale)),
  locked: doc.locked === true,
  values: ((doc.values as { id: string; display_text: unknown }[] | undefined) ?? []).map((v) => ({
    id: v.id,
    display_text: sortedObject(asTranslated(v.display_text, locale)),
  })),
});

const locationEntry = (doc: ConfigDoc, locale: string) => ({
  code: doc.id,
  name: sortedObject(asTranslated(doc.name, locale)),
  type: (doc.location_type ?? 'village') as never,
  admin_level: Number(doc.admin_level ?? 0),
  parent_code: (doc.parent_code as string | null | undefined) ?? null,
  disabled: doc.disabled === true,
});

/** The file of a country's configuration, in a fixed order (ids sorted), so two exports compare. */
export async function exportConfig(
  deps: ConfigFileDeps,
  countryCode: string,
  defaultLocale: string,
): Promise<ConfigFile> {
  const [current, lookups, locations, roles] = await Promise.all([
    deps.forms.current(countryCode),
    deps.configDocs.all(countryCode, 'lookup'),
    deps.configDocs.all(countryCode, 'location'),
    deps.roles.list(countryCode),
  ]);
  return {
    format: CONFIG_FORMAT,
    format_version: 1,
    forms: current.forms.map((form) => formSchema.parse(form)).sort(byKey((f) => f.unique_id)),
    lookups: lookups.map((doc) => lookupEntry(doc, defaultLocale)).sort(byKey((l) => l.unique_id)),
    locations: locations.map((doc) => locationEntry(doc, defaultLocale)).sort(byKey((l) => l.code)),
    roles: roles
      .map((r) => ({
        unique_id: r.unique_id,
        form_section_read_write: sortedObject(r.form_section_read_write),
      }))
      .sort(byKey((r) => r.unique_id)),
  };
}

/** What an import adds, changes and removes, by id. */
export interface ChangeList {
  added: string[];
  changed: string[];
  removed: string[];
}
export interface ImportPlan {
  dry_run: boolean;
  forms: ChangeList;
  lookups: ChangeList;
  locations: ChangeList;
  roles: { changed: string[] };
  /** How many things change in all (0: the country already has this configuration). */
  changes: number;
  version?: number;
}

/** Key order does not make a difference; anything else does. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? sortedObject(v as Record<string, unknown>) : v,
  );

function diff<T>(current: T[], next: T[], id: (item: T) => string): ChangeList {
  const before = new Map(current.map((item) => [id(item), canonical(item)]));
  const after = new Map(next.map((item) => [id(item), canonical(item)]));
  return {
    added: [...after.keys()].filter((key) => !before.has(key)),
    changed: [...after.keys()].filter((key) => before.has(key) && before.get(key) !== after.get(key)),
    removed: [...before.keys()].filter((key) => !after.has(key)),
  };
}

/** What a file must hold together: the forms with its lookups, the location tree, roles the country has. */
function fileProblems(file: ConfigFile, targetRoles: ReadonlySet<string>): ErrorEntry[] {
  const problems: ErrorEntry[] = [];
  const twice = (ids: string[], what: string) =>
    ids
      .filter((id, i) => ids.indexOf(id) !== i)
      .forEach((id) =>
        problems.push({ detail: `${what}.${id}`, message: `${what} ${id} is in the file twice` }),
      );
  twice(
    file.lookups.map((l) => l.unique_id),
    'lookups',
  );
  twice(
    file.locations.map((l) => l.code),
    'locations',
  );
  problems.push(...formSetProblems(file.forms, new Set(file.lookups.map((l) => l.unique_id))));
  const parents = new Map(file.locations.map((l) => [l.code, l.parent_code ?? null]));
  for (const location of file.locations) {
    const at = `locations.${location.code}`;
    let parent = location.parent_code ?? null;
    if (parent !== null && !parents.has(parent))
      problems.push({ detail: at, message: `parent ${parent} is not in the file` });
    for (let depth = 0; parent !== null && parents.has(parent); depth++) {
      if (parent === location.code || depth > MAX_LOCATION_DEPTH) {
        problems.push({ detail: at, message: 'is its own ancestor, or nests too deep' });
        break;
      }
      parent = parents.get(parent) ?? null;
    }
  }
  const topForms = new Set(file.forms.filter((f) => !f.is_nested).map((f) => f.unique_id));
  for (const role of file.roles) {
    const at = `roles.${role.unique_id}`;
    if (!targetRoles.has(role.unique_id))
      problems.push({
        detail: at,
        message: 'is not a role of this country: create it (or run the country setup) before the import',
      });
    for (const form of Object.keys(role.form_section_read_write))
      if (!topForms.has(form))
        problems.push({ detail: at, message: `grants form ${form}, which the file lacks` });
  }
  return problems;
}

/** Parses and checks a configuration file as a whole: a 422 naming every problem, or the file. */
export function parseConfigFile(raw: unknown, targetRoles: ReadonlySet<string>): ConfigFile {
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) throw unprocessable(issuesToEntries(parsed.error.issues));
  const problems = fileProblems(parsed.data, targetRoles);
  if (problems.length > 0) throw unprocessable(problems);
  return parsed.data;
}

const toDoc = (
  countryCode: string,
  entry: ConfigFile['lookups'][number] | ConfigFile['locations'][number],
) => {
  if ('unique_id' in entry)
    return { id: entry.unique_id, type: 'lookup', country_code: countryCode, ...entry } as ConfigDoc;
  const { type, ...rest } = entry;
  return {
    id: entry.code,
    type: 'location',
    country_code: countryCode,
    ...rest,
    location_type: type,
  } as ConfigDoc;
};

/**
 * Replaces a country's configuration with a file's: validated as a whole first (nothing changes on a
 * 422), then lookups, forms (one new version), locations and the roles' form permissions. Lookups and
 * locations the file lacks are removed; records keep every value they stored. A dry run only plans.
 */
export async function importConfig(
  deps: ConfigFileDeps,
  countryCode: string,
  raw: unknown,
  options: { dryRun: boolean; by: string; defaultLocale: string },
): Promise<ImportPlan> {
  const roles = await deps.roles.list(countryCode);
  const file = parseConfigFile(raw, new Set(roles.map((r) => r.unique_id)));
  const current = await exportConfig(deps, countryCode, options.defaultLocale);
  const next = file;
  // Everything publishing would refuse is refused here, before any write and on a dry run alike.
  deps.forms.checked(next.forms, new Set(next.lookups.map((l) => l.unique_id)));
  const plan: ImportPlan = {
    dry_run: options.dryRun,
    forms: diff<Form>(current.forms, next.forms, (f) => f.unique_id),
    lookups: diff(current.lookups, next.lookups, (l) => l.unique_id),
    locations: diff(current.locations, next.locations, (l) => l.code),
    roles: {
      changed: diff(
        current.roles.filter((r) => next.roles.some((n) => n.unique_id === r.unique_id)),
        next.roles,
        (r) => r.unique_id,
      ).changed,
    },
    changes: 0,
  };
  plan.changes = [plan.forms, plan.lookups, plan.locations]
    .map((c) => c.added.length + c.changed.length + c.removed.length)
    .reduce((a, b) => a + b, plan.roles.changed.length);
  if (options.dryRun || plan.changes === 0) return plan;

  const changedIds = (c: ChangeList) => new Set([...c.added, ...c.changed]);
  const lookups = changedIds(plan.lookups);
  await deps.configDocs.upsertMany(
    next.lookups.filter((l) => lookups.has(l.unique_id)).map((l) => toDoc(countryCode, l)),
  );
  const published = await deps.forms.publish(
    countryCode,
    options.by,
    () => next.forms,
    new Set(next.lookups.map((l) => l.unique_id)),
    `configuration imported (${plan.changes} changes)`,
  );
  await deps.configDocs.removeMany(countryCode, plan.lookups.removed);
  const locations = changedIds(plan.locations);
  await deps.configDocs.upsertMany(
    next.locations
      .filter((l) => locations.has(l.code))
      .sort((a, b) => a.admin_level - b.admin_level)
      .map((l) => toDoc(countryCode, l)),
  );
  await deps.configDocs.removeMany(countryCode, plan.locations.removed);
  for (const role of next.roles.filter((r) => plan.roles.changed.includes(r.unique_id)))
    await deps.roles.set(countryCode, role.unique_id, role.form_section_read_write);
  return { ...plan, version: published.version };
}

/** What an import's audit entry says: counts per kind (ids stay in the answer), the version. */
export function planAuditDetails(plan: ImportPlan): Record<string, string> {
  const count = (c: ChangeList) => `+${c.added.length} ~${c.changed.length} -${c.removed.length}`;
  return {
    dry_run: String(plan.dry_run),
    forms: count(plan.forms),
    lookups: count(plan.lookups),
    locations: count(plan.locations),
    roles: plan.roles.changed.join(','),
    ...(plan.version ? { version: String(plan.version) } : {}),
  };
}
