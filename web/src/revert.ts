// No import of the app's modules: the tests read this pure module without the browser's types.
type Fields = Record<string, unknown>;

/** What a queued change did to the device's copy: the fields it touched, before and after it. */
export interface Shown {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

type Entry = Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isSubform = (v: unknown): v is Entry[] =>
  Array.isArray(v) && v.every((e) => !!e && typeof e === 'object' && 'unique_id' in e);

/** The fields `local` shows differently from `record`, as they were and as they are. */
export function shownChange(record: Fields, local: Fields): Shown {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(record), ...Object.keys(local)]))
    if (!same(record[key], local[key])) {
      before[key] = record[key];
      after[key] = local[key];
    }
  return { before, after };
}

/** A subform's entries with one change taken back, entry by entry: what came after it stays. */
function revertEntries(current: Entry[], before: Entry[], after: Entry[]): Entry[] {
  const byId = (list: Entry[]) => new Map(list.map((e) => [e.unique_id, e]));
  const was = byId(before);
  const became = byId(after);
  const out = current.flatMap((entry) => {
    const id = entry.unique_id;
    if (became.has(id) && !was.has(id)) return []; // added by the change
    // Edited by it and not since: as it was.
    if (was.has(id) && became.has(id) && same(entry, became.get(id))) return [was.get(id)!];
    return [entry];
  });
  const present = new Set(out.map((e) => e.unique_id));
  // Removed by it: back where it was.
  before.forEach((entry, i) => {
    if (!became.has(entry.unique_id) && !present.has(entry.unique_id)) out.splice(i, 0, entry);
  });
  return out;
}

/**
 * The device's copy without one change the user gave up: each field it touched goes back to what it was,
 * unless a later change (still waiting) has changed it since; a subform is taken back entry by entry.
 */
export function revert<T extends Fields>(current: T, shown: Shown): T {
  const out: Fields = { ...current };
  // Both sides' keys: a field that was absent is stored without its key (JSON drops undefined).
  for (const key of new Set([...Object.keys(shown.before), ...Object.keys(shown.after)])) {
    const before = shown.before[key];
    const after = shown.after[key];
    const now = current[key];
    if (same(now, after)) {
      if (before === undefined) delete out[key];
      else out[key] = before;
    } else if (isSubform(now) && isSubform(after) && (before === undefined || isSubform(before)))
      out[key] = revertEntries(now, before ?? [], after);
  }
  return out as T;
}
