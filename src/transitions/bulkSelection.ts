import type { Principal } from '../auth/principal';
import { caseKind } from '../cases/caseKind';
import { unprocessable } from '../errors';
import { parseListParams } from '../records/listParams';
import { listRecords } from '../records/recordLister';
import type { RecordRepository } from '../records/recordRepository';
import type { CaseDocument } from '../records/recordDocument';
import { BULK_TRANSITION_MAX } from './bulkTransitions';

/** The cases of a bulk transition: its `ids`, or those its `filters`/`query` select. */
export const bulkCaseIds = (
  repo: RecordRepository<CaseDocument>,
  principal: Principal,
  data: { ids?: string[]; filters?: Record<string, string | string[]>; query?: string },
): Promise<string[]> =>
  data.ids ? Promise.resolve(data.ids) : selectCases(repo, principal, data.filters ?? {}, data.query);

/**
 * The ids of the cases a bulk transition by `filters`/`query` selects: the caller's list, with the same
 * filters (unknown ones are a 400) and scope. More than the bulk maximum is a 422 rather than a partial
 * run: Primero runs large sets as a background job, which is not built here.
 */
export async function selectCases(
  repo: RecordRepository<CaseDocument>,
  principal: Principal,
  filters: Record<string, string | string[]>,
  query: string | undefined,
): Promise<string[]> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filters))
    for (const v of Array.isArray(value) ? value : [value]) search.append(`${name}[]`, v);
  if (query) search.set('query', query);
  search.set('per', String(BULK_TRANSITION_MAX));
  const { docs, total } = await listRecords(repo, principal, parseListParams(caseKind, search));
  if (total > BULK_TRANSITION_MAX)
    throw unprocessable([
      {
        detail: 'filters',
        message: `the filters select ${total} cases: at most ${BULK_TRANSITION_MAX} at once, narrow them`,
      },
    ]);
  return docs.map((d) => d.id);
}
