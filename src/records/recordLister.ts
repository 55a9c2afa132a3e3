import { msg } from '../messages/catalogue';
import type { SqlParameter } from '@azure/cosmos';
import { can, type Principal } from '../auth/principal';
import { badRequest, forbidden } from '../errors';
import { scopeFilter } from '../policy/recordScope';
import { readableAlertsCondition } from './alertSubjects';
import type { RecordDocument } from './recordDocument';
import type { ListParams } from './listParams';
import type { RecordRepository } from './recordRepository';

export interface RecordPage<T extends RecordDocument> {
  docs: T[];
  total: number;
  /** Ids of the page's records left out for failing their integrity check (counted in `total`). */
  unreadable: string[];
}

/**
 * One page of the records of one type the principal may see. Always one country's partition; the scope rule is the
 * same as for single reads. Pages come from `TOP page×per` (the emulator has no OFFSET; the window is
 * bounded by listParams).
 */
export async function listRecords<T extends RecordDocument>(
  repo: RecordRepository<T>,
  principal: Principal,
  params: ListParams,
  /**
   * The forms the caller's role may not read (FieldGrants.hiddenForms): an alert about one of them does not
   * make a record one "with alerts". Only the list route knows them; elsewhere `has_alerts` is a 400.
   */
  hiddenForms?: readonly string[],
): Promise<RecordPage<T>> {
  const { kind } = repo;
  if (!can(principal, kind.resource, 'read'))
    throw forbidden(`Your role does not allow reading ${kind.resource}`);
  const scope = scopeFilter(principal);
  const where = ['c.record_type = @recordType', ...scope.where];
  const parameters: SqlParameter[] = [...scope.parameters, { name: '@recordType', value: kind.type }];
  const param = (value: SqlParameter['value']) => {
    const name = `@p${parameters.length}`;
    parameters.push({ name, value });
    return name;
  };

  where.push(`ARRAY_CONTAINS(${param(params.enabled)}, c.enabled)`);
  for (const [field, values] of Object.entries(params.lists)) {
    const protection = await repo.cipher.protectionOf(principal.countryCode, kind.type, field);
    if (protection === 'plain') where.push(`ARRAY_CONTAINS(${param(values)}, c.${field})`);
    else if (protection === 'sealed_categorical') {
      // Sealed: matched by its keyed token (any of the values), never by plaintext.
      const tokens = await repo.cipher.categoryTokens(principal.countryCode, field, values);
      where.push(`(${tokens.map((t) => `ARRAY_CONTAINS(c.${field}.tok, ${param(t)})`).join(' OR ')})`);
    } else throw badRequest(msg('filter_sealed', { field }), field);
  }
  for (const [field, ranges] of Object.entries(params.ranges)) {
    const alternatives = ranges.map((r) => {
      const bounds = [];
      if (r.from !== undefined) bounds.push(`c.${field} >= ${param(r.from)}`);
      if (r.to !== undefined) bounds.push(`c.${field} <= ${param(r.to)}`);
      return `(${bounds.join(' AND ')})`;
    });
    where.push(`(${alternatives.join(' OR ')})`);
  }
  if (params.flagged !== undefined) where.push(params.flagged ? 'c.flag_count > 0' : 'c.flag_count = 0');
  if (params.hasAlerts !== undefined) {
    if (!hiddenForms) throw badRequest(msg('has_alerts_lists_only'), 'has_alerts');
    const readable = readableAlertsCondition(param([...hiddenForms]));
    where.push(params.hasAlerts ? readable : `NOT ${readable}`);
  }
  if (params.query) {
    const q = param(params.query.toLowerCase());
    if (params.idSearch) {
      where.push(`(c.id = ${q} OR LOWER(c.short_id) = ${q} OR LOWER(c.${kind.displayField}) = ${q})`);
    } else {
      // Names are sealed: they are found through the blind index (every word must match), ids in clear.
      const words = (await repo.cipher.searchHashes(principal.countryCode, params.query)).map(
        (hash) => `ARRAY_CONTAINS(c.search_index, ${param(hash)})`,
      );
      const byName = words.length > 0 ? `(${words.join(' AND ')})` : 'false';
      where.push(`(${byName} OR LOWER(c.${kind.displayField}) = ${q})`);
    }
  }
  const condition = where.join(' AND ');
  const top = param(params.page * params.per);
  const sql = `SELECT TOP ${top} * FROM c WHERE ${condition} ORDER BY c.${params.orderBy} ${params.order.toUpperCase()}`;
  const countParameters = parameters.filter((p) => p.name !== top);
  const [window, total] = await Promise.all([
    repo.queryEach(principal.countryCode, sql, parameters),
    repo.count(principal.countryCode, condition, countParameters),
  ]);
  const docs: T[] = [];
  const unreadable: string[] = [];
  for (const item of window.slice((params.page - 1) * params.per))
    if ('doc' in item) docs.push(item.doc);
    else unreadable.push(item.unreadable.id);
  return { docs, total, unreadable };
}
