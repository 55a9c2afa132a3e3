import type { ErrorEntry } from '../errors';
import { localized } from '../messages/catalogue';
import type { RecordKind } from '../records/recordKind';
import type { MutationResult, RefusalEntry } from './schema';

/**
 * A mutation the server refused, with its errors in the envelope of every other error (status, resource,
 * detail, message): the resource is the sync endpoint the batch went to; `detail` names the field, or `id`
 * when the mutation as a whole was refused (a record not found, or not the caller's to change). Each entry
 * keeps its message's key and arguments, for the receipt: a replay is answered in the language of the day.
 */
export const rejection = (
  kind: Pick<RecordKind, 'resource'>,
  mutationId: string,
  status: number,
  entries: ErrorEntry[],
): MutationResult => ({
  mutation_id: mutationId,
  result: 'rejected',
  errors: entries.map(({ detail, message, key, args }) => ({
    status,
    resource: `/api/v2/sync/${kind.resource}`,
    detail: detail || 'id',
    message,
    ...(key ? { key } : {}),
    ...(args ? { args } : {}),
  })),
});

/**
 * The batch's results as the push answers them: every refusal's messages in `locale`, in the envelope's
 * shape (an entry stored before messages had keys answers in the English it was stored with).
 */
export const inLanguage = (results: MutationResult[], locale: string): MutationResult[] =>
  results.map((r) => ({
    ...r,
    ...(r.errors ? { errors: r.errors.map((e) => inLocale(e, locale)) } : {}),
    ...(r.held ? { held: r.held.map((h) => inLocale(h, locale)) } : {}),
  }));

const inLocale = <E extends { message: string } & Pick<RefusalEntry, 'key' | 'args'>>(
  { key, args, ...entry }: E,
  locale: string,
) => ({
  ...entry,
  message: localized({ message: entry.message, key, args }, locale),
});
