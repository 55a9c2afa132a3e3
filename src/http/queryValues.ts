import { badRequest } from '../errors';
import { msg } from '../messages/catalogue';

/**
 * A query of named single values: a name not among `allowed`, or given twice, is a 400 naming it (a repeated
 * `field_name` on an upload stored the file in the box named last).
 */
export function singleQueryValues(
  search: URLSearchParams,
  allowed: readonly string[],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of search) {
    if (!allowed.includes(name)) throw badRequest(msg('query_unknown', { name }), name);
    if (Object.hasOwn(values, name)) throw badRequest(msg('query_given_twice', { name }), name);
    values[name] = value;
  }
  return values;
}
