type Doc = Record<string, unknown>;

// Bookkeeping that changes on every write and is not a client's field.
const untracked = new Set([
  'version',
  'last_updated_at',
  'last_updated_by',
  'field_versions',
  'sync_conflicts',
  'search_index',
  'key_version',
  'attachment_ids',
  'create_fingerprint',
]);

const entryKey = (subform: string, uniqueId: unknown) => `${subform}[${String(uniqueId)}]`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The version at which each field (and each subform entry, by unique_id) last changed. This is all a
 * three-way merge needs: a field changed on the server since the client's base version is one the client
 * may not overwrite blindly — no copies of old records are kept.
 */
export function withFieldVersions<T extends Doc>(
  previous: Doc,
  next: T,
  version: number,
  subforms: ReadonlySet<string>,
): T {
  const versions: Record<string, number> = { ...((previous.field_versions as Record<string, number>) ?? {}) };
  for (const key of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    if (untracked.has(key) || key.startsWith('_')) continue;
    if (same(previous[key], next[key])) continue;
    versions[key] = version;
    if (subforms.has(key)) {
      const entries = (value: unknown) =>
        new Map((Array.isArray(value) ? (value as Doc[]) : []).map((e) => [e.unique_id, e]));
      const before = entries(previous[key]);
      const after = entries(next[key]);
      for (const id of new Set([...before.keys(), ...after.keys()])) {
        if (!same(before.get(id), after.get(id))) versions[entryKey(key, id)] = version;
      }
    }
  }
  return { ...next, field_versions: versions };
}

export function fieldVersion(doc: Doc, field: string, uniqueId?: unknown): number {
  const versions = (doc.field_versions as Record<string, number>) ?? {};
  return versions[uniqueId === undefined ? field : entryKey(field, uniqueId)] ?? 0;
}
