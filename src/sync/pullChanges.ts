import type { SqlParameter } from '@azure/cosmos';
import { can, type Principal } from '../auth/principal';
import type { RecordDeps } from '../records/recordDeps';
import type { RecordRepository } from '../records/recordRepository';
import { presentRecord } from '../records/recordPresenter';
import type { DataKeys } from '../crypto/dataKeys';
import { forbidden } from '../errors';
import { inScope, scopeFilter } from '../policy/recordScope';
import { decodeCursor, encodeCursor, type CursorState } from './cursor';

/** Writes are only sent once they are this old, so that one committing late cannot fall behind a cursor. */
export const SETTLE_SECONDS = 2;

export interface PullOptions {
  cursor?: string;
  per: number;
  fields?: string[];
}

/**
 * Everything in the caller's scope that changed since the cursor, oldest first, in pages: ordered by the
 * commit time Cosmos stamps (_ts) with the id as tie-breaker, so records sharing a second are neither
 * skipped nor repeated at a page boundary. Disabled records come as tombstones.
 */
export async function pullChanges(
  deps: Pick<RecordDeps, 'clock'> & { dataKeys: DataKeys },
  repo: RecordRepository,
  principal: Principal,
  options: PullOptions,
) {
  const { kind } = repo;
  if (!can(principal, kind.resource, 'read'))
    throw forbidden(`Your role does not allow reading ${kind.resource}`);
  const who = { country: principal.countryCode, user: principal.user.user_name, type: kind.type };
  const key = (await deps.dataKeys.macKey('sync-cursor')).key;
  const from: CursorState = options.cursor
    ? decodeCursor(key, options.cursor, who)
    : { ts: 0, id: '', snapshot: true, ...who };

  const scope = scopeFilter(principal);
  // Country and modules, then the reach (absent for `all`). Records the caller lost through a transition
  // are read too, to be sent as tombstones.
  const [country, modules, ...reach] = scope.where;
  const reachClause = reach.length ? reach.join(' AND ') : 'true';
  const parameters: SqlParameter[] = [
    ...scope.parameters,
    { name: '@formerMe', value: principal.user.user_name },
    { name: '@ts', value: from.ts },
    { name: '@id', value: from.id },
    { name: '@settled', value: Math.floor(deps.clock.now().getTime() / 1000) - SETTLE_SECONDS },
    { name: '@take', value: options.per + 1 },
    { name: '@recordType', value: kind.type },
  ];
  const where = [
    'c.record_type = @recordType',
    country as string,
    modules as string,
    // A first download needs no tombstones: only what the caller may see now.
    from.snapshot
      ? `c.enabled = true AND ${reachClause}`
      : `(${reachClause} OR ARRAY_CONTAINS(c.former_user_names, @formerMe))`,
    'c._ts <= @settled',
    '(c._ts > @ts OR (c._ts = @ts AND c.id > @id))',
  ];
  const docs = await repo.query(
    principal.countryCode,
    `SELECT TOP @take * FROM c WHERE ${where.join(' AND ')} ORDER BY c._ts ASC, c.id ASC`,
    parameters,
  );
  const page = docs.slice(0, options.per);
  const hasMore = docs.length > options.per;
  const last = page.at(-1);
  const next: CursorState = last
    ? { ...from, ts: last._ts as number, id: last.id, snapshot: from.snapshot && hasMore }
    : { ...from, snapshot: false };
  return {
    data: page.map((doc) =>
      doc.enabled && inScope(principal, doc)
        ? presentRecord(doc, { fields: options.fields })
        : { id: doc.id, deleted: true },
    ),
    metadata: { next_cursor: encodeCursor(key, next), has_more: hasMore },
  };
}
