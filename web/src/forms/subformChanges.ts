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
