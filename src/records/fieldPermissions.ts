import { AppError, type ErrorEntry } from '../errors';
import { msg } from '../messages/catalogue';
import type { FieldGrants } from '../forms/fieldAccess';
import type { RecordKind } from './recordKind';

type Fields = Record<string, unknown>;

/** What every client needs to place a record, whatever forms its role may read (docs/form-permissions.md). */
const identity = new Set(['id', 'module_id', 'forms_version']);
/** `services_section[<unique_id>]` (a sync conflict on one subform entry) belongs to `services_section`. */
const topKey = (field: string) => field.replace(/\[.*$/, '');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A key of the record the principal may read: one on a form it may read, or bookkeeping the server owns
 * (ids, ownership, dates, version...) that no form claims. A value no form defines any more (a removed
 * field) stays for admins, who read everything.
 */
export function canReadKey(grants: FieldGrants, kind: RecordKind, moduleId: unknown, key: string): boolean {
  if (identity.has(key)) return true;
  const access = grants.access(kind.type, moduleId, key);
  if (access === 'unlisted') return kind.serverOwned.has(key);
  return access !== 'none';
}

/** A key the principal may write: not one of a form it may only read or may not see. */
export function canWriteKey(grants: FieldGrants, kind: RecordKind, moduleId: unknown, key: string): boolean {
  return grants.writable(kind.type, moduleId, key);
}

/** Sync conflicts (each holding a server and a client value) on fields `readable` allows only. */
const readableConflicts = (conflicts: unknown, readable: (key: string) => boolean) =>
  Array.isArray(conflicts)
    ? (conflicts as { field: string }[]).filter((c) => readable(topKey(String(c?.field))))
    : conflicts;

/** The record without the keys the principal may not read; its sync conflicts likewise. */
export function redactRecord<T extends Fields>(grants: FieldGrants, kind: RecordKind, doc: T): T {
  if (grants.all) return doc;
  const readable = (key: string) => canReadKey(grants, kind, doc.module_id, key);
  const out: Fields = {};
  for (const [key, value] of Object.entries(doc)) if (readable(key)) out[key] = value;
  if ('sync_conflicts' in out) out.sync_conflicts = readableConflicts(out.sync_conflicts, readable);
  return out as T;
}

/**
 * A history entry's changes without the fields the principal may not read. A change of `sync_conflicts`
 * keeps only the conflicts on readable fields on both sides: each conflict carries the field's server value.
 */
export function redactChanges<C extends Record<string, { from: unknown; to: unknown }>>(
  grants: FieldGrants,
  kind: RecordKind,
  moduleId: unknown,
  changes: C,
): Partial<C> {
  if (grants.all) return changes;
  const readable = (key: string) => canReadKey(grants, kind, moduleId, key);
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, change] of Object.entries(changes)) {
    if (key === 'alert_subjects') {
      const seen = (forms: unknown) =>
        Array.isArray(forms) ? forms.filter((form) => grants.formReadable(String(form))) : forms;
      const [from, to] = [seen(change.from), seen(change.to)];
      if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from, to };
      continue;
    }
    if (!readable(key)) continue;
    out[key] =
      key === 'sync_conflicts'
        ? { from: readableConflicts(change.from, readable), to: readableConflicts(change.to, readable) }
        : change;
  }
  return out as Partial<C>;
}

/**
 * The keys of a write the principal may not make: on a form it may only read (unless sent back unchanged,
 * as a client returning what it read does) or may not see at all (refused even when unchanged, so that a
 * write cannot probe a value it cannot read). Keys no form defines are left to validation.
 */
export function refusedKeys(
  grants: FieldGrants,
  kind: RecordKind,
  moduleId: unknown,
  data: Fields,
  stored: Fields,
): string[] {
  if (grants.all) return [];
  return Object.entries(data)
    .filter(([key, value]) => {
      const access = grants.access(kind.type, moduleId, key);
      return access === 'none' || (access === 'r' && !same(stored[key], value));
    })
    .map(([key]) => key)
    .sort();
}

export const refusedEntries = (keys: string[]): ErrorEntry[] =>
  keys.map((key) => ({ detail: key, ...msg('form_not_editable') }));

/** 403 naming every refused key (one entry each); nothing is written. */
export function assertWritable(
  grants: FieldGrants,
  kind: RecordKind,
  moduleId: unknown,
  data: Fields,
  stored: Fields,
): void {
  throwRefused(refusedKeys(grants, kind, moduleId, data, stored));
}

/**
 * Deciding a sync conflict (keeping either value) is editing its field: a role that may not edit it can
 * neither accept nor dismiss a value held for review.
 */
export function assertResolvable(
  grants: FieldGrants,
  kind: RecordKind,
  moduleId: unknown,
  fields: string[],
): void {
  const keys = [...new Set(fields.map(topKey))];
  throwRefused(keys.filter((key) => !canWriteKey(grants, kind, moduleId, key)).sort());
}

function throwRefused(refused: string[]): void {
  if (refused.length === 0) return;
  const entries = refusedEntries(refused);
  throw new AppError(403, msg('may_not_edit', { field: refused.join(', ') }), refused[0], entries);
}
