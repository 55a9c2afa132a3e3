import { msg } from '../messages/catalogue';
import { badRequest } from '../errors';
import { checkWindow, MAX_PER, positiveInt } from '../records/listParams';
import { list } from './responses';

export interface Page {
  page: number;
  per: number;
}

/**
 * `page` (1) and `per` (20, at most 1000) of lists without filters (admin lists, /tasks, /flags), by the
 * same rules as /cases: `locale` is accepted and ignored, anything else is a 400 naming it.
 */
export function pageParams(search: URLSearchParams): Page {
  const out = { page: 1, per: 20 };
  for (const [name, value] of search) {
    if (name === 'locale') continue;
    if (name === 'page') out.page = positiveInt(name, value, Number.MAX_SAFE_INTEGER);
    else if (name === 'per') out.per = positiveInt(name, value, MAX_PER);
    else throw badRequest(msg('query_unknown', { name }), name);
  }
  checkWindow(out);
  return out;
}

/**
 * One page of a list computed whole; `metadata.per` is the page size asked for, as on /cases. `unreadable`:
 * the records left out of the whole list for failing their integrity check, named on every page.
 */
export const pageOf = <T>(items: T[], { page, per }: Page, unreadable: string[] = []) =>
  list(items.slice((page - 1) * per, page * per), { total: items.length, per, page, unreadable });
