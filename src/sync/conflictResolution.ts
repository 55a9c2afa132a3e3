import { unprocessable, type ErrorEntry } from '../errors';
import type { resolveConflictsSchema } from './schema';
import type { z } from 'zod';

type Resolution = z.infer<typeof resolveConflictsSchema>[number];
interface StoredConflict {
  field: string;
  client_value: unknown;
  server_value: unknown;
}

/**
 * Turns a person's decisions on sync conflicts into ordinary field changes: `server` keeps the value as it
 * is, `client` takes the offline value, `value` sets another. Resolved conflicts leave the record.
 */
export function resolveConflicts(record: Record<string, unknown>, resolutions: Resolution[]) {
  const open = (record.sync_conflicts as StoredConflict[] | undefined) ?? [];
  const changes: Record<string, unknown> = {};
  const errors: ErrorEntry[] = [];
  const decided = new Set<string>();
  resolutions.forEach((r, i) => {
    // Two decisions on one conflict contradict each other: neither is taken for the person.
    if (decided.has(r.field)) {
      errors.push({ detail: `resolve_conflicts[${i}].field`, message: 'is decided twice' });
      return;
    }
    decided.add(r.field);
    const matching = open.filter((c) => c.field === r.field);
    const latest = matching.at(-1);
    if (!latest) {
      errors.push({ detail: `resolve_conflicts[${i}].field`, message: 'has no open conflict' });
      return;
    }
    if (r.use === 'server') return;
    const value = r.use === 'client' ? latest.client_value : r.value;
    const entry = /^(\w+)\[(.+)\]$/.exec(r.field);
    if (entry) {
      const [, subform, uniqueId] = entry as unknown as [string, string, string];
      const list = (changes[subform] as unknown[]) ?? [];
      changes[subform] = [...list, { ...(value as object), unique_id: uniqueId }];
    } else {
      changes[r.field] = value;
    }
  });
  if (errors.length > 0) throw unprocessable(errors);
  const resolved = new Set(resolutions.map((r) => r.field));
  return { changes, remaining: open.filter((c) => !resolved.has(c.field)) };
}
