import type { FieldGrants } from '../forms/fieldAccess';
import type { RecordDocument } from './recordDocument';

/**
 * The record key a reminder is about, found in the record rather than by name: the subform list holding
 * the entry its `ref` names, or else the field `ref` itself.
 */
export function reminderKey(doc: Record<string, unknown>, ref: string): string {
  for (const [key, value] of Object.entries(doc))
    if (Array.isArray(value) && value.some((e) => (e as { unique_id?: unknown } | null)?.unique_id === ref))
      return key;
  return ref;
}

/**
 * A reminder (on the record, or as a task) is the caller's to see only if the form it is about is readable to them (a key
 * no form defines is not governed by form permissions).
 */
export const reminderReadable = (grants: FieldGrants, doc: RecordDocument, ref: string) =>
  grants.access(doc.record_type, doc.module_id, reminderKey(doc, ref)) !== 'none';
