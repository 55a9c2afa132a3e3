import type { FieldGrants } from '../forms/fieldAccess';
import { caseKind } from '../cases/caseKind';
import type { CaseDocument } from '../records/recordDocument';

/**
 * The record key a reminder is about, found in the record rather than by name: the subform list holding
 * the entry its `ref` names, or else the field `ref` itself.
 */
export function reminderKey(doc: CaseDocument, ref: string): string {
  for (const [key, value] of Object.entries(doc))
    if (Array.isArray(value) && value.some((e) => (e as { unique_id?: unknown } | null)?.unique_id === ref))
      return key;
  return ref;
}

/**
 * A task from a reminder is the caller's to see only if the form it is about is readable to them (a key
 * no form defines is not governed by form permissions).
 */
export const reminderReadable = (grants: FieldGrants, doc: CaseDocument, ref: string) =>
  grants.access(caseKind.type, doc.module_id, reminderKey(doc, ref)) !== 'none';
