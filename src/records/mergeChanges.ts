import { randomUUID } from 'node:crypto';
import { msg } from '../messages/catalogue';
import { unprocessable, type ErrorEntry } from '../errors';

type Entry = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export interface MergeOptions {
  subformKeys: ReadonlySet<string>;
  /** Called for each entry a change adds, to stamp server fields (note author and date); `sent` as the client sent it. */
  onNewEntry?: (subform: string, entry: Entry, sent: Entry) => void;
  /** Fields a stored entry keeps whatever the client sends (server stamps). */
  protectedEntryFields?: ReadonlySet<string>;
}

/**
 * Deep merge of a PATCH: only the fields sent change. Subform arrays merge entry by entry on `unique_id`;
 * an entry without one is new and gets one; `_destroy: true` removes an entry. Other arrays are replaced.
 */
export function mergeChanges(
  existing: Record<string, unknown>,
  changes: Record<string, unknown>,
  options: MergeOptions,
) {
  const merged: Record<string, unknown> = { ...existing };
  const errors: ErrorEntry[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (options.subformKeys.has(key) && Array.isArray(value)) {
      merged[key] = mergeSubform(key, asEntries(existing[key]), value as Entry[], options, errors);
    } else if (isPlainObject(value) && isPlainObject(existing[key])) {
      merged[key] = mergeChanges(existing[key] as Record<string, unknown>, value, options);
    } else {
      merged[key] = value;
    }
  }
  if (errors.length > 0) throw unprocessable(errors);
  return merged;
}

function asEntries(value: unknown): Entry[] {
  return Array.isArray(value) ? (value.filter(isPlainObject) as Entry[]) : [];
}

function mergeSubform(
  key: string,
  current: Entry[],
  changes: Entry[],
  options: MergeOptions,
  errors: ErrorEntry[],
) {
  const result = current.map((e) => ({ ...e }));
  changes.forEach((change, index) => {
    const { _destroy, ...fields } = change;
    const id = typeof fields.unique_id === 'string' ? fields.unique_id : undefined;
    const at = id === undefined ? -1 : result.findIndex((e) => e.unique_id === id);
    if (_destroy === true) {
      if (id === undefined) errors.push({ detail: `${key}[${index}].unique_id`, ...msg('destroy_needs_id') });
      else if (at >= 0) result.splice(at, 1);
      return;
    }
    if (at >= 0) {
      const target = result[at] as Entry;
      for (const [field, value] of Object.entries(fields)) {
        if (!options.protectedEntryFields?.has(field)) target[field] = value;
      }
      return;
    }
    // A new entry; an offline client may already have given it its own unique_id.
    const entry: Entry = { ...fields, unique_id: id ?? randomUUID() };
    for (const field of options.protectedEntryFields ?? []) delete entry[field];
    options.onNewEntry?.(key, entry, fields);
    result.push(entry);
  });
  return result;
}
