import { z } from 'zod';
import type { Principal } from '../auth/principal';
import { unprocessable } from '../errors';
import { parseListParams } from './listParams';
import { listRecords } from './recordLister';
import type { RecordRepository } from './recordRepository';
import type { RecordDocument } from './recordDocument';

/** Bulk actions run one record after another within one request: bounded so the request stays short. */
export const BULK_MAX = 100;

/** Primero's selection of a bulk action: `filters` (the list filters, e.g. `{"short_id": [...]}`) and `query`. */
export const selectionShape = {
  filters: z.record(z.string(), z.union([z.string(), z.array(z.string()).max(BULK_MAX)])).optional(),
  query: z.string().max(100).optional(),
};

/** The records of a bulk action: its `ids`, or those its `filters`/`query` select. */
export const bulkIds = <T extends RecordDocument>(
  repo: RecordRepository<T>,
  principal: Principal,
  data: { ids?: string[]; filters?: Record<string, string | string[]>; query?: string },
): Promise<string[]> =>
  data.ids ? Promise.resolve(data.ids) : selectRecords(repo, principal, data.filters ?? {}, data.query);

/**
 * The ids of the records a bulk action by `filters`/`query` selects (a bulk assign, a bulk flag): the caller's list, with the same
 * filters (unknown ones are a 400) and scope. More than the bulk maximum is a 422 rather than a partial
 * run: Primero runs large sets as a background job, which is not built here.
 */
export async function selectRecords<T extends RecordDocument>(
  repo: RecordRepository<T>,
  principal: Principal,
  filters: Record<string, string | string[]>,
  query: string | undefined,
): Promise<string[]> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filters))
    for (const v of Array.isArray(value) ? value : [value]) search.append(`${name}[]`, v);
  if (query) search.set('query', query);
  search.set('per', String(BULK_MAX));
  const { docs, total } = await listRecords(repo, principal, parseListParams(repo.kind, search));
  if (total > BULK_MAX)
    throw unprocessable([
      {
        detail: 'filters',
        message: `the filters select ${total} records: at most ${BULK_MAX} at once, narrow them`,
      },
    ]);
  return docs.map((d) => d.id);
}
