import { z } from 'zod';
import type { Principal } from '../auth/principal';
import { unprocessable } from '../errors';
import type { FieldGrants } from '../forms/fieldAccess';
import { assertListable } from './listPermissions';
import { MAX_PER, parseListParams } from './listParams';
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
  grants: FieldGrants,
  data: { ids?: string[]; filters?: Record<string, string | string[]>; query?: string },
  limit = BULK_MAX,
): Promise<string[]> =>
  data.ids
    ? Promise.resolve(data.ids)
    : selectRecords(repo, principal, grants, data.filters ?? {}, data.query, limit);

/**
 * The ids of the records a bulk action by `filters`/`query` selects (a bulk assign, a bulk flag): the caller's list, with the same
 * filters (unknown ones are a 400, one on a field the role may not read a 403: how many records it selects
 * would tell what the field holds) and scope. More than `limit` is a 422 rather than a partial run, naming
 * the limit: the bulk maximum inline, or the background job's maximum (src/transitions/bulkAssignJobs.ts).
 */
export async function selectRecords<T extends RecordDocument>(
  repo: RecordRepository<T>,
  principal: Principal,
  grants: FieldGrants,
  filters: Record<string, string | string[]>,
  query: string | undefined,
  limit = BULK_MAX,
): Promise<string[]> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filters))
    for (const v of Array.isArray(value) ? value : [value]) search.append(`${name}[]`, v);
  if (query) search.set('query', query);
  const ids: string[] = [];
  // Pages of the list's maximum, so a selection above one page is read whole (and counted once).
  for (let page = 1; ; page++) {
    search.set('per', String(Math.min(limit, MAX_PER)));
    search.set('page', String(page));
    const params = parseListParams(repo.kind, search);
    if (page === 1) assertListable(grants, repo.kind, principal, params);
    const { docs, total, unreadable } = await listRecords(repo, principal, params);
    if (total > limit)
      throw unprocessable([
        {
          detail: 'filters',
          message: `the filters select ${total} records: at most ${limit} at once, narrow them`,
        },
      ]);
    // Records failing their integrity check are selected too: the action then reports each as refused.
    ids.push(...docs.map((d) => d.id), ...unreadable);
    if (docs.length + unreadable.length === 0 || ids.length >= total) return [...new Set(ids)];
  }
}
