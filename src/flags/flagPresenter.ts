import type { RecordDocument } from '../records/recordDocument';
import type { Flag } from './schema';

/**
 * A flag in Primero's keys: the unflag fields are null until it is removed, and `system_generated_followup`
 * is false because only people flag records here. `record_access_denied` is false: flags are shown only
 * on records the caller may read. After a write, `record` carries what changed on the record.
 */
export function presentFlag(flag: Flag, written?: RecordDocument) {
  return {
    id: flag.id,
    unique_id: flag.unique_id,
    record_id: flag.record_id,
    record_type: flag.record_type,
    date: flag.date,
    message: flag.message,
    flagged_by: flag.flagged_by,
    created_at: flag.created_at,
    removed: flag.removed,
    unflag_message: flag.unflag_message ?? null,
    unflagged_by: flag.unflagged_by ?? null,
    unflagged_date: flag.unflagged_date ?? null,
    system_generated_followup: false,
    record_access_denied: false,
    ...(written ? { record: { id: written.id, flag_count: written.flag_count } } : {}),
  };
}
