import { badRequest } from '../errors';
import { msg } from '../messages/catalogue';
import type { RangeKind, RecordKind } from './recordKind';

export interface Range {
  from?: string | number;
  to?: string | number;
}

export interface ListParams {
  page: number;
  per: number;
  orderBy: string;
  order: 'asc' | 'desc';
  fields?: string[] | 'short';
  query?: string;
  idSearch: boolean;
  lists: Record<string, string[]>;
  ranges: Record<string, Range[]>;
  flagged?: boolean;
  /** Records with (or without) an alert the caller may read, as GET /alerts counts them. */
  hasAlerts?: boolean;
  enabled: boolean[];
}

export const MAX_PER = 1000;
/** Values one filter may list: each is a term of the query (and a blind-index token), so it is bounded. */
export const MAX_FILTER_VALUES = 50;
export const MAX_WINDOW = 10_000;

/**
 * Primero's parameters that do not apply here: `remote` (an integration's "search the central server",
 * which we always are), `scope` (Primero's duplicate-check scoping of an upsert) and `locale` (responses are
 * not localised). Accepted and ignored, as Primero itself ignores them when they do not apply.
 */
const IGNORED = new Set(['remote', 'scope', 'locale']);

/**
 * The names a list filters by, with Primero's array syntaxes folded: `status[]=a`, `status[0]=a&status[1]=b`
 * and `status=a,b` all mean status ∈ {a, b}; `scope[field]=…` folds to `scope`.
 */
function foldedParams(search: URLSearchParams): Map<string, string[]> {
  const folded = new Map<string, string[]>();
  for (const [key, value] of search) {
    const name = key.replace(/\[[^\]]*\]$/, '');
    folded.set(name, [...(folded.get(name) ?? []), value]);
  }
  return folded;
}

/**
 * Parses GET /cases (/incidents, ...) query parameters; anything unknown or malformed is a 400 naming it.
 * `per` above the maximum is clamped to it, as Primero does (its clients ask for large pages). Besides the
 * kind's filters, a list filters by every field the country's forms make categorical (`categorical`).
 */
export function parseListParams(
  kind: RecordKind,
  search: URLSearchParams,
  categorical: readonly string[] = [],
): ListParams {
  const { orderable, ranges } = kind.list;
  const filters = [...new Set([...kind.list.filters, ...categorical])];
  // Integrations look records up by their display ids (case_id, case_id_display, short_id, ...): all plain.
  const idFilters = ['short_id', ...Object.keys(kind.identity('', ''))];
  const params: ListParams = {
    page: 1,
    per: 20,
    orderBy: 'created_at',
    order: 'desc',
    idSearch: false,
    lists: {},
    ranges: {},
    enabled: [true],
  };
  for (const [name, values] of foldedParams(search)) {
    const value = values.join(',');
    if (IGNORED.has(name)) continue;
    else if (name === 'page') params.page = positiveInt(name, value, Number.MAX_SAFE_INTEGER);
    else if (name === 'per')
      params.per = Math.min(positiveInt(name, value, Number.MAX_SAFE_INTEGER), MAX_PER);
    else if (name === 'order_by') params.orderBy = oneOf(name, value, [...orderable]);
    else if (name === 'order') params.order = oneOf(name, value, ['asc', 'desc']) as 'asc' | 'desc';
    else if (name === 'fields') params.fields = value === 'short' ? 'short' : fieldList(kind, value);
    else if (name === 'query') params.query = value.trim().slice(0, 100) || undefined;
    else if (name === 'id_search') params.idSearch = bool(name, value);
    else if (name === 'flagged') params.flagged = bool(name, value);
    else if (name === 'has_alerts') params.hasAlerts = bool(name, value);
    else if (name === 'enabled' || name === 'record_state')
      params.enabled = csv(value).map((v) => bool(name, v));
    else if (filters.includes(name) || idFilters.includes(name))
      params.lists[name] = bounded(name, csv(value));
    else if (Object.hasOwn(ranges, name))
      params.ranges[name] = bounded(name, csv(value)).map((v) => range(name, v, ranges[name] as RangeKind));
    else
      // Not the whole list: it would name the fields of forms the caller's role may not read.
      throw badRequest(
        msg('query_unknown_filter', {
          name,
          resource: kind.resource,
          ids: idFilters.join(', '),
          where: 'GET /api/v2/users/{id}?extended=true',
        }),
        name,
      );
  }
  checkWindow(params);
  return params;
}

/** Deep pages cost as much as the rows before them: page × per is bounded on every list. */
export function checkWindow({ page, per }: { page: number; per: number }): void {
  if (page * per > MAX_WINDOW) {
    throw badRequest(msg('query_list_window', { max: MAX_WINDOW }), 'page');
  }
}

function bounded(name: string, values: string[]): string[] {
  if (values.length > MAX_FILTER_VALUES)
    throw badRequest(msg('query_too_many_values', { name, max: MAX_FILTER_VALUES }), name);
  return values;
}

const csv = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

export function positiveInt(name: string, value: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max)
    throw badRequest(
      // No upper bound to name when there is none (a page), or when a larger value is capped (per).
      max === Number.MAX_SAFE_INTEGER
        ? msg('query_positive_number', { name })
        : msg('query_whole_number', { name, max }),
      name,
    );
  return n;
}

function oneOf(name: string, value: string, allowed: string[]): string {
  if (!allowed.includes(value))
    throw badRequest(msg('query_one_of', { name, allowed: allowed.join(', ') }), name);
  return value;
}

function bool(name: string, value: string): boolean {
  if (value !== 'true' && value !== 'false') throw badRequest(msg('query_boolean', { name }), name);
  return value === 'true';
}

/**
 * Field names of the record type (`fields=` on lists and sync pulls), server-owned ones too (`transitions`,
 * `approval_status_*`): a client asks for what its screen reads, and storage fields are never presented.
 */
export function fieldList(kind: RecordKind, value: string): string[] {
  const fields = csv(value);
  const unknown = fields.find((f) => !Object.hasOwn(kind.record.shape, f) && !kind.serverOwned.has(f));
  if (unknown !== undefined || fields.length === 0)
    throw badRequest(msg('fields_unknown', { field: unknown ?? '(none)' }), 'fields');
  return fields;
}

/** `10..15`, `10..`, `..15`, or a single value. */
function range(name: string, value: string, kind: RangeKind): Range {
  const parts = value.includes('..') ? value.split('..') : [value, value];
  // `1..2..3` is no range: split('..', 2) would quietly read it as 1..2.
  if (parts.length > 2) throw badRequest(msg('query_one_range', { name }), name);
  const [rawFrom, rawTo] = parts;
  const parse = (raw: string | undefined) => {
    if (raw === undefined || raw === '') return undefined;
    if (kind === 'int' && /^\d{1,3}$/.test(raw)) return Number(raw);
    if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw))) return raw;
    if (kind === 'datetime' && !Number.isNaN(Date.parse(raw)) && /^\d{4}-\d{2}-\d{2}/.test(raw))
      return new Date(raw).toISOString();
    const example =
      kind === 'int' ? '10..15' : kind === 'date' ? '2026-01-01..2026-01-31' : '2026-01-01T00:00:00Z..';
    throw badRequest(msg('query_range_format', { name, example }), name);
  };
  const r = { from: parse(rawFrom), to: parse(rawTo) };
  if (r.from === undefined && r.to === undefined) throw badRequest(msg('query_range_bound', { name }), name);
  // Same kinds on both sides: numbers compare as numbers, ISO dates as strings.
  if (r.from !== undefined && r.to !== undefined && r.from > r.to)
    throw badRequest(msg('query_range_order', { name }), name);
  return r;
}
