import type { CaseRecord } from '../api';

/** An offline change the server could not merge, as kept on the record (`sync_conflicts`). */
export interface StoredConflict {
  field: string;
  client_value: unknown;
  server_value: unknown;
  user_name: string;
  at: string;
}

/** The user's open conflicts on a record, the latest per field (an older one for the field is superseded). */
export function myConflicts(record: CaseRecord, userName: string): StoredConflict[] {
  const all = (record.sync_conflicts as StoredConflict[] | undefined) ?? [];
  const latest = new Map<string, StoredConflict>();
  for (const c of all) if (c.user_name === userName) latest.set(c.field, c);
  return [...latest.values()];
}
