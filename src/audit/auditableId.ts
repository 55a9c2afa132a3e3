import { uuid } from '../records/fieldTypes';

const RECORD_TYPES = new Set(['case', 'incident', 'tracing_request']);
// Users (`user-<name>`), roles, forms, lookups, location codes.
const ID = /^[A-Za-z0-9][A-Za-z0-9_.@+:-]{0,199}$/;

/**
 * Whether the id a path names may go into the audit log as it is. The log keeps ids, never values: a path
 * holding a child's name, a forged second line or a right-to-left override is no id of ours, and is left
 * out (the entry says the id was malformed).
 */
export const isAuditableId = (recordType: string | undefined, id: string) =>
  recordType !== undefined && RECORD_TYPES.has(recordType) ? uuid.safeParse(id).success : ID.test(id);
