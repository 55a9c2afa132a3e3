import { badRequest } from '../errors';
import { shortFields } from '../cases/casePresenter';
import { caseRecordSchema } from '../cases/schema';
import type { PullOptions } from './pullChanges';

const known = new Set(Object.keys(caseRecordSchema.shape));

/** `cursor`, `per` (1-1000, default 500), `fields` (a list or `short`); anything else is a 400. */
export function parsePullParams(search: URLSearchParams): PullOptions {
  const options: PullOptions = { per: 500 };
  for (const [name, value] of search) {
    if (name === 'cursor') options.cursor = value;
    else if (name === 'per') {
      const n = Number(value);
      if (!/^\d+$/.test(value) || n < 1 || n > 1000)
        throw badRequest('per must be a whole number from 1 to 1000', 'per');
      options.per = n;
    } else if (name === 'fields') {
      const fields =
        value === 'short'
          ? shortFields
          : value
              .split(',')
              .map((f) => f.trim())
              .filter(Boolean);
      if (fields.length === 0 || fields.some((f) => !known.has(f)))
        throw badRequest('fields: unknown field', 'fields');
      options.fields = fields;
    } else throw badRequest(`Unknown query parameter ${name}`, name);
  }
  return options;
}
