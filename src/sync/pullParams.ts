import { msg } from '../messages/catalogue';
import { badRequest } from '../errors';
import { fieldList } from '../records/listParams';
import type { RecordKind } from '../records/recordKind';
import type { PullOptions } from './pullChanges';

/** `cursor`, `per` (1-1000, default 500), `fields` (a list or `short`); anything else is a 400. */
export function parsePullParams(kind: RecordKind, search: URLSearchParams): PullOptions {
  const options: PullOptions = { per: 500 };
  for (const [name, value] of search) {
    if (name === 'cursor') options.cursor = value;
    else if (name === 'per') {
      const n = Number(value);
      if (!/^\d+$/.test(value) || n < 1 || n > 1000)
        throw badRequest(msg('query_whole_number', { name: 'per', max: 1000 }), 'per');
      options.per = n;
    } else if (name === 'fields') {
      options.fields = value === 'short' ? [...kind.list.shortFields] : fieldList(kind, value);
    } else throw badRequest(msg('query_unknown', { name }), name);
  }
  return options;
}
