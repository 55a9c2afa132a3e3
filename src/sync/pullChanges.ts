import type { SqlParameter } from '@azure/cosmos';
import { can, type Principal } from '../auth/principal';
import type { RecordRepository } from '../records/recordRepository';
import { presentRecord } from '../records/recordPresenter';
import type { DataKeys } from '../crypto/dataKeys';
import type { FieldAccess } from '../forms/fieldAccess';
import { forbidden } from '../errors';
import { inScope } from '../policy/recordScope';
import type { CosmosClock } from './cosmosClock';
import { decodeCursor, encodeCursor, type CursorState } from './cursor';
import { boundedScopes, reachAcross, sameScope, scopeSpecOf } from './pullScope';

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
  deps: { dataKeys: DataKeys; cosmosClock: CosmosClock; fieldAccess: FieldAccess },
  repo: RecordRepository,
  principal: Principal,
  options: PullOptions,
) {
  const { kind } = repo;
  if (!can(principal, kind.resource, 'read'))
    throw forbidden(`Your role does not allow reading ${kind.resource}`);
  const who = { country: principal.countryCode, user: principal.user.user_name, type: kind.type };
  const key = (await deps.dataKeys.macKey('sync-cursor')).key;
  const scope = scopeSpecOf(principal);
  let from: CursorState = options.cursor
    ? decodeCursor(key, options.cursor, who)
    : { ts: 0, id: '', snapshot: true, ...who, scope };
  if (from.scope && !sameScope(from.scope, scope)) {
    // The caller's role, groups or agency changed since the last pull: records may have left (or entered)
    // their reach without changing themselves. Replay everything the old or new scope covers, from the
    // start; what the new scope does not cover goes as a tombstone.
    const previous = boundedScopes([...(from.previous ?? []), from.scope]);
    from = { ...from, ts: 0, id: '', snapshot: false, scope, previous };
  }
  from.scope ??= scope;

  // Records the caller lost through a transition are read too, to be sent as tombstones.
  const reach = reachAcross(principal, from.previous ?? []);
  const parameters: SqlParameter[] = [
    ...reach.parameters,
    { name: '@country', value: principal.countryCode },
    { name: '@modules', value: reach.modules },
    { name: '@formerMe', value: principal.user.user_name },
    { name: '@ts', value: from.ts },
    { name: '@id', value: from.id },
    { name: '@settled', value: (await deps.cosmosClock.nowSeconds()) - SETTLE_SECONDS },
    { name: '@take', value: options.per + 1 },
    { name: '@recordType', value: kind.type },
  ];
  const where = [
    // Hard-deleted records leave a tombstone of their own type (src/records/tombstones.ts).
    "(c.record_type = @recordType OR (c.record_type = 'tombstone' AND c.deleted_record_type = @recordType))",
    'c.country_code = @country',
    'ARRAY_CONTAINS(@modules, c.module_id)',
    // A first download needs no tombstones: only what the caller may see now.
    from.snapshot
      ? `c.enabled = true AND (${reach.where.join(' OR ')})`
      : `(${[...reach.where, 'ARRAY_CONTAINS(c.former_user_names, @formerMe)'].join(' OR ')})`,
    'c._ts <= @settled',
    '(c._ts > @ts OR (c._ts = @ts AND c.id > @id))',
  ];
  const items = await repo.queryEach(
    principal.countryCode,
    `SELECT TOP @take * FROM c WHERE ${where.join(' AND ')} ORDER BY c._ts ASC, c.id ASC`,
    parameters,
  );
  const window = items.slice(0, options.per);
  const hasMore = items.length > options.per;
  const last = window.map((item) => ('doc' in item ? item.doc : item.unreadable)).at(-1);
  const next: CursorState = last
    ? { ...from, ts: last._ts as number, id: last.id, snapshot: from.snapshot && hasMore }
    : { ...from, snapshot: false };
  // A replay after a scope change is over once it has caught up: later pulls need only the current scope.
  if (!hasMore) delete next.previous;
  const grants = await deps.fieldAccess.grantsFor(principal);
  // A record failing its integrity check is not sent (the device keeps its copy) but named in the metadata;
  // the cursor moves past it, and once repaired it comes again with its new timestamp. Whether it is gone
  // from the caller's reach is plain bookkeeping: that tombstone is still sent.
  const unreadable: string[] = [];
  const data = window.flatMap((item) => {
    const doc = 'doc' in item ? item.doc : item.unreadable;
    if (!doc.enabled || !inScope(principal, doc)) return [{ id: doc.id, deleted: true }];
    if ('doc' in item) return [presentRecord(doc, grants, { fields: options.fields })];
    unreadable.push(doc.id);
    return [];
  });
  return {
    data,
    // An offline app that holds an older forms version refreshes GET /forms before showing these records.
    metadata: {
      next_cursor: encodeCursor(key, next),
      has_more: hasMore,
      forms_version: grants.formsVersion,
      ...(unreadable.length > 0 ? { unreadable } : {}),
    },
  };
}
