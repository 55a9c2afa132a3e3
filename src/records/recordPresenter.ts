import type { FieldGrants } from '../forms/fieldAccess';
import { visibleAlertCount } from './alertSubjects';
import { redactRecord } from './fieldPermissions';
import { reminderReadable } from './reminderSubject';
import type { RecordDocument } from './recordDocument';
import { kindOf } from './recordKinds';

// Storage and bookkeeping fields that never leave the server.
const internal = new Set([
  'record_type',
  'create_fingerprint',
  'search_index',
  'key_version',
  'protection_version',
  'attachment_ids',
  'field_versions',
  'alerted_reminders',
  'alert_subjects',
  'former_user_names',
  '_rid',
  '_self',
  '_etag',
  '_attachments',
  '_ts',
]);
const nameFields = ['name', 'name_first', 'name_middle', 'name_last', 'name_nickname'];
const HIDDEN = '*******';

export interface PresentOptions {
  /** List views hide GBV survivors' names (Primero's hidden_name). */
  listView?: boolean;
  fields?: string[];
}

/** A record as the principal may see it: only the keys of forms its role may read (fieldPermissions.ts). */
export function presentRecord(
  doc: RecordDocument,
  grants: FieldGrants,
  options: PresentOptions = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(redactRecord(grants, kindOf(doc.record_type), doc))) {
    if (!internal.has(key)) out[key] = value;
  }
  // An alert about a form the role may not read is not counted either (its form is not theirs to know).
  if ('alert_count' in out) out.alert_count = visibleAlertCount(doc, grants);
  if (Array.isArray(out.reminders))
    out.reminders = (out.reminders as { ref: string }[]).filter((r) => reminderReadable(grants, doc, r.ref));
  // The next due date of a reminder the caller may not see would tell them a hidden follow-up exists.
  if ('next_due_at' in out) out.next_due_at = visibleNextDue(doc, grants);
  if (options.listView && doc.module_id === 'primeromodule-gbv') {
    for (const field of nameFields) if (out[field] !== undefined && out[field] !== null) out[field] = HIDDEN;
    out.hidden_name = true;
  }
  if (!options.fields) return out;
  const picked: Record<string, unknown> = { id: out.id };
  for (const field of options.fields) if (field in out) picked[field] = out[field];
  if (out.hidden_name) picked.hidden_name = true;
  return picked;
}

/** The first reminder still to alert among those the caller may see (the stored next_due_at counts all). */
function visibleNextDue(doc: RecordDocument, grants: FieldGrants): string | null {
  const alerted = new Set(Array.isArray(doc.alerted_reminders) ? (doc.alerted_reminders as string[]) : []);
  const next = (doc.reminders ?? []).find((r) => !alerted.has(r.id) && reminderReadable(grants, doc, r.ref));
  return next?.due_at ?? null;
}
