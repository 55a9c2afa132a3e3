import { envelopeEntries, type ErrorEntry } from '../errors';
import type { RecordKind } from '../records/recordKind';
import type { MutationResult } from './schema';

/**
 * A mutation the server refused, with its errors in the envelope of every other error (status, resource,
 * detail, message): the resource is the sync endpoint the batch went to; `detail` names the field, or `id`
 * when the mutation as a whole was refused (a record not found, or not the caller's to change).
 */
export const rejection = (
  kind: Pick<RecordKind, 'resource'>,
  mutationId: string,
  status: number,
  entries: ErrorEntry[],
): MutationResult => ({
  mutation_id: mutationId,
  result: 'rejected',
  errors: envelopeEntries(
    status,
    `/api/v2/sync/${kind.resource}`,
    entries.map((e) => ({ ...e, detail: e.detail || 'id' })),
  ),
});
