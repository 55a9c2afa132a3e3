import { envelopeEntries, type ErrorEntry } from '../errors';
import { localizedMessage } from '../forms/validationMessages';
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

/** The batch's results with every refusal's messages in `locale`, as the push answers them. */
export const inLanguage = (results: MutationResult[], locale: string): MutationResult[] =>
  results.map((r) =>
    r.errors
      ? { ...r, errors: r.errors.map((e) => ({ ...e, message: localizedMessage(e.message, locale) })) }
      : r,
  );
