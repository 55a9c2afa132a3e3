/** One subform entry as the record holds it. */
export type Entry = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a PATCH or sync mutation sends for a subform edited on screen: removed entries as
 * `{unique_id, _destroy: true}`, changed ones with only their changed fields, new ones whole. `index`
 * maps each sent entry back to its place on screen, so a server message about `field[i]` lands there.
 */
export function subformChanges(original: Entry[], edited: Entry[]): { sent: Entry[]; index: number[] } {
  const sent: Entry[] = [];
  const index: number[] = [];
  const kept = new Set(edited.map((e) => e.unique_id).filter(Boolean));
  for (const entry of original)
    if (entry.unique_id && !kept.has(entry.unique_id)) {
      sent.push({ unique_id: entry.unique_id, _destroy: true });
      index.push(-1);
    }
  edited.forEach((entry, i) => {
    const before = original.find((o) => o.unique_id && o.unique_id === entry.unique_id);
    if (!before) {
      sent.push(entry);
      index.push(i);
      return;
    }
    const diff = Object.fromEntries(Object.entries(entry).filter(([k, v]) => !same(before[k], v)));
    if (Object.keys(diff).length) {
      sent.push({ unique_id: entry.unique_id, ...diff });
      index.push(i);
    }
  });
  return { sent, index };
}

/**
 * `entries` with what subformChanges sent applied, as the server merges it (docs/api.md): by `unique_id`,
 * `_destroy` removes, a partial entry changes only its fields, an entry the list lacks is added.
 */
export function applySubformChanges(entries: Entry[], sent: Entry[]): Entry[] {
  const out = entries.map((e) => ({ ...e }));
  for (const { _destroy, ...fields } of sent) {
    const at = fields.unique_id ? out.findIndex((e) => e.unique_id === fields.unique_id) : -1;
    if (_destroy === true) {
      if (at >= 0) out.splice(at, 1);
    } else if (at >= 0) Object.assign(out[at]!, fields);
    else out.push(fields);
  }
  return out;
}

/**
 * The entries of `base` someone else changed or removed in `theirs` that the edits here change or remove
 * too: a clash to show. Entries added on either side never clash (each merges on its own).
 */
export function clashingEntries(base: Entry[], edited: Entry[], theirs: Entry[]): string[] {
  const touchedHere = subformChanges(base, edited).sent.map((e) => e.unique_id);
  return base
    .filter((b) => b.unique_id && touchedHere.includes(b.unique_id))
    .filter(
      (b) =>
        !same(
          b,
          theirs.find((e) => e.unique_id === b.unique_id),
        ),
    )
    .map((b) => String(b.unique_id));
}

const holdsEntries = (v: unknown): v is Entry[] =>
  Array.isArray(v) && v.length > 0 && v.every((e) => !!e && typeof e === 'object');

/**
 * Whether an edited value is a subform's entries (sent as subformChanges), judged with the value before it:
 * an empty list is a subform emptied only if it held entries; a multi-select cleared is an empty list too,
 * and read as "no entry changed" it was never sent — the user's clearing silently lost.
 */
export const isSubformEdit = (value: unknown, before: unknown): value is Entry[] =>
  holdsEntries(value) || (Array.isArray(value) && value.length === 0 && holdsEntries(before));
const entriesOf = (v: unknown): Entry[] => (holdsEntries(v) ? v : []);

/**
 * Edits made on `base`, moved onto `theirs` (a newer version): a subform becomes their entries with only
 * what was added, changed or removed here applied, so saving it on top keeps entries someone else added.
 */
export function rebaseEdits(
  base: Record<string, unknown>,
  theirs: Record<string, unknown>,
  edits: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(edits).map(([name, value]) =>
      isSubformEdit(value, base[name])
        ? [
            name,
            applySubformChanges(entriesOf(theirs[name]), subformChanges(entriesOf(base[name]), value).sent),
          ]
        : [name, value],
    ),
  );
}
