import { unprocessable, type ErrorEntry } from '../errors';
import { customFieldSchema } from '../countries/customFields';
import type { CustomField } from '../countries/types';
import { issuesToEntries } from '../http/validation';
import type { RecordKind } from './recordKind';

/**
 * Validates a client's `data` object: built-in fields against the schema, other fields against the
 * country's form, server-owned fields refused unless `allowUnchanged` holds the same value (a client
 * sending back a record it read). Collects every problem, one entry per field, before answering 422.
 */
export function validateRecordInput(
  kind: RecordKind,
  data: Record<string, unknown>,
  customFields: CustomField[],
  allowUnchanged: Record<string, unknown> = {},
): Record<string, unknown> {
  const entries: ErrorEntry[] = [];
  const known: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  const builtIn = kind.fields.shape;
  const declared = new Map(customFields.map((f) => [f.name, f]));

  for (const [key, value] of Object.entries(data)) {
    if (kind.serverOwned.has(key)) {
      if (key in allowUnchanged && JSON.stringify(allowUnchanged[key]) === JSON.stringify(value)) continue;
      entries.push({ detail: key, message: 'is set by the server and cannot be changed' });
    } else if (Object.hasOwn(builtIn, key)) {
      known[key] = value;
    } else if (declared.has(key)) {
      const result = customFieldSchema(declared.get(key) as CustomField).safeParse(value);
      if (result.success) custom[key] = result.data;
      else entries.push(...issuesToEntries(result.error.issues, [key]));
    } else {
      entries.push({ detail: key, message: 'is not a field of this form' });
    }
  }
  const parsed = kind.fields.safeParse(known);
  if (!parsed.success) entries.push(...issuesToEntries(parsed.error.issues));
  if (entries.length > 0) throw unprocessable(entries);
  return { ...(parsed.data as Record<string, unknown>), ...custom };
}
