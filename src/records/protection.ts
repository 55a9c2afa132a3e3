import { createHash } from 'node:crypto';
import type { ProtectionClass } from '../crypto/protectionClass';
import type { Form } from '../forms/formSchema';
import { commonServerOwnedKeys } from './commonSchema';
import type { RecordKind } from './recordKind';
import { kindOf } from './recordKinds';

export type { FieldProtection, ProtectionClass } from '../crypto/protectionClass';

// Server-owned keys that hold what people wrote (flags, conflicts, file names): sealed like any field.
const sealedServerOwned = new Set<string>([
  'sync_conflicts',
  'flags',
  'photos',
  'recorded_audio',
  'other_documents',
]);

/**
 * In clear on every record type whatever the forms say — the threat model's list: identity, ownership and
 * scope, lifecycle, and the server's bookkeeping, everything the scope filter, sync pulls, the reminders job,
 * tasks and the re-sealing job read in SQL. The server-owned keys, and:
 */
export const commonPlainFields: readonly string[] = [
  ...commonServerOwnedKeys.filter((key) => !sealedServerOwned.has(key)),
  'record_type',
  'module_id',
  'status',
  'former_user_names',
  // The reminders job's index (reminder ids, types, due times, the subform entry they point at is in `reminders`).
  'alerted_reminders',
  // Bookkeeping: opaque hashes, key and format versions, attachment ids, per-field sync versions.
  'search_index',
  'key_version',
  'protection_version',
  'create_fingerprint',
  'attachment_ids',
  'field_versions',
];

/** The identity of a subform entry, which binds its sealed fields to it. */
const entryPlainFields = new Set(['unique_id']);

/**
 * Bumped when the rules below change (not the forms: their classes are in the fingerprint). Records stored
 * under another fingerprint are re-sealed by the re-encryption job.
 */
export const PROTECTION_VERSION = 3;

/** The top-level fields of a record type in clear whatever the forms say; a form may call only these plain. */
export function plainFieldsOf(kind: RecordKind): ReadonlySet<string> {
  return new Set([...commonPlainFields, ...kind.protection.plain]);
}

const builtInPlain = new Map<string, ReadonlySet<string>>();
function isBuiltInPlain(recordType: string, path: string): boolean {
  const [field, sub] = path.split('.', 2) as [string, string | undefined];
  if (sub !== undefined) return entryPlainFields.has(sub);
  if (field.startsWith('_')) return true;
  let plain = builtInPlain.get(recordType);
  if (!plain) builtInPlain.set(recordType, (plain = plainFieldsOf(kindOf(recordType))));
  return plain.has(field);
}

/** The classes of one country's published forms, per record type and module (`field` or `subform.field`). */
export interface ProtectionMap {
  classOf(recordType: string, moduleId: unknown, path: string): ProtectionClass;
  /** The top-level fields whose words feed the blind index of a record of this type and module. */
  searchable(recordType: string, moduleId: unknown): string[];
  /** What a list filter can use: plain, categorical in some module of the type, or sealed (no filter). */
  filterClass(recordType: string, path: string): ProtectionClass;
  /** The top-level fields categorical in some module of the type (a list may filter by them). */
  categorical(recordType: string): string[];
  /** Changes exactly when a class of the type (or PROTECTION_VERSION) changes: stored as protection_version. */
  fingerprint(recordType: string): string;
}

type Classes = Map<string, ProtectionClass>;

/**
 * Reads each field's class from the forms: a top-level form's fields by name, a subform's nested fields as
 * `subform.field`, for each module the form belongs to. A field no form names is sealed; the built-in plain
 * fields are plain; `plain` on any other field (refused at publish, see forms/protectionRules.ts) is sealed.
 */
export function compileProtection(forms: readonly Form[]): ProtectionMap {
  const byId = new Map(forms.map((form) => [form.unique_id, form]));
  const byType = new Map<string, Map<string, Classes>>();
  const classesOf = (recordType: string, moduleId: string) => {
    const modules = byType.get(recordType) ?? new Map<string, Classes>();
    byType.set(recordType, modules);
    const classes = modules.get(moduleId) ?? new Map<string, ProtectionClass>();
    modules.set(moduleId, classes);
    return classes;
  };
  for (const form of forms.filter((f) => !f.is_nested))
    for (const moduleId of form.module_ids) {
      const classes = classesOf(form.parent_form, moduleId);
      for (const field of form.fields) {
        if (field.type === 'separator') continue;
        classes.set(field.name, field.protection);
        const nested = field.subform_section_id === null ? undefined : byId.get(field.subform_section_id);
        for (const sub of nested?.fields ?? [])
          if (sub.type !== 'separator') classes.set(`${field.name}.${sub.name}`, sub.protection);
      }
    }

  const classOf = (recordType: string, moduleId: unknown, path: string): ProtectionClass => {
    if (isBuiltInPlain(recordType, path)) return 'plain';
    const declared = byType.get(recordType)?.get(String(moduleId))?.get(path);
    return declared === undefined || declared === 'plain' ? 'sealed' : declared;
  };
  const topLevel = (recordType: string, moduleId: string | undefined, wanted: ProtectionClass) => {
    const modules = [...(byType.get(recordType) ?? new Map<string, Classes>())].filter(
      ([m]) => moduleId === undefined || m === moduleId,
    );
    const names = modules.flatMap(([, classes]) => [...classes.keys()]).filter((p) => !p.includes('.'));
    return [...new Set(names)].filter((name) =>
      modules.some(([m]) => classOf(recordType, m, name) === wanted),
    );
  };
  const fingerprints = new Map<string, string>();
  const searchable = new Map<string, string[]>();
  return {
    classOf,
    searchable(recordType, moduleId) {
      const key = `${recordType}|${String(moduleId)}`;
      let fields = searchable.get(key);
      if (!fields)
        searchable.set(key, (fields = topLevel(recordType, String(moduleId), 'sealed_searchable')));
      return fields;
    },
    filterClass(recordType, path) {
      if (isBuiltInPlain(recordType, path)) return 'plain';
      const modules = [...(byType.get(recordType)?.keys() ?? [])];
      return modules.some((m) => classOf(recordType, m, path) === 'sealed_categorical')
        ? 'sealed_categorical'
        : 'sealed';
    },
    categorical: (recordType) => topLevel(recordType, undefined, 'sealed_categorical'),
    fingerprint(recordType) {
      let fingerprint = fingerprints.get(recordType);
      if (fingerprint === undefined) {
        const entries = [...(byType.get(recordType) ?? [])].flatMap(([m, classes]) =>
          [...classes.keys()].map((path) => `${m}|${path}|${classOf(recordType, m, path)}`),
        );
        const hash = createHash('sha256').update(entries.sort().join('\n')).digest('hex');
        fingerprint = `${PROTECTION_VERSION}-${hash.slice(0, 16)}`;
        fingerprints.set(recordType, fingerprint);
      }
      return fingerprint;
    },
  };
}
