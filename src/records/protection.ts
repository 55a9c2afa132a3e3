import type { CountrySettings } from '../countries/types';
import type { ProtectionClass } from '../crypto/protectionClass';
import type { RecordKind } from './recordKind';

export type { FieldProtection, ProtectionClass } from '../crypto/protectionClass';

/**
 * In clear on every record type: identity, ownership and scope, lifecycle, and the server's bookkeeping —
 * everything the scope filter, sync pulls, the reminders job, tasks and the re-sealing job read in SQL.
 */
export const commonPlainFields = [
  'id',
  'short_id',
  'country_code',
  'record_type',
  'module_id',
  'status',
  'enabled',
  'record_state',
  'owned_by',
  'owned_by_agency_id',
  'owned_by_groups',
  'assigned_user_names',
  'associated_user_names',
  'former_user_names',
  'created_at',
  'created_by',
  'last_updated_at',
  'last_updated_by',
  'version',
  'flag_count',
  'alert_count',
  'hidden_name',
  // Reminder ids, types, due times and the subform entry they point at: the reminders job's index.
  'reminders',
  'next_due_at',
  'alerted_reminders',
  // Bookkeeping: opaque hashes, key and format versions, attachment ids, per-field sync versions.
  'search_index',
  'key_version',
  'protection_version',
  'create_fingerprint',
  'attachment_ids',
  'field_versions',
] as const;

/** The identity of a subform entry, which binds its sealed fields to it. */
const entryPlainFields = new Set(['unique_id']);

/** Bumped when the classes change: records stored under an older version are re-sealed by the re-encryption job. */
export const PROTECTION_VERSION = 2;

/** The class of `field` or `subform.field` of a record kind, in a country. */
export function protectionOf(
  kind: RecordKind,
  settings: Pick<CountrySettings, 'field_protection' | 'sensitive_fields'> | undefined,
  path: string,
): ProtectionClass {
  const [field, sub] = path.split('.', 2) as [string, string | undefined];
  if (sub === undefined && (field.startsWith('_') || isPlain(kind, field))) return 'plain';
  if (sub !== undefined && (entryPlainFields.has(sub) || kind.protection.plain.includes(path)))
    return 'plain';
  if (settings?.sensitive_fields?.[kind.type]?.includes(path)) return 'sealed';
  // A country may make a field searchable or categorical, never plain: the plain list is the threat model's.
  const chosen = settings?.field_protection?.[kind.type]?.[path];
  if (chosen !== undefined && chosen !== 'plain') return chosen;
  if (kind.protection.searchable.includes(path)) return 'sealed_searchable';
  if (kind.protection.categorical.includes(path)) return 'sealed_categorical';
  return 'sealed';
}

function isPlain(kind: RecordKind, field: string): boolean {
  return (commonPlainFields as readonly string[]).includes(field) || kind.protection.plain.includes(field);
}

/** The top-level fields of a kind a country makes searchable (their words feed the blind index). */
export function searchableFields(
  kind: RecordKind,
  settings: Pick<CountrySettings, 'field_protection' | 'sensitive_fields'> | undefined,
): string[] {
  const chosen = Object.entries(settings?.field_protection?.[kind.type] ?? {})
    .filter(([, c]) => c === 'sealed_searchable')
    .map(([f]) => f);
  return [...new Set([...kind.protection.searchable, ...chosen])].filter(
    (f) => !f.includes('.') && protectionOf(kind, settings, f) === 'sealed_searchable',
  );
}
