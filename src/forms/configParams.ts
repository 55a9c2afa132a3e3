import { msg } from '../messages/catalogue';
import { badRequest } from '../errors';

/** `?dry_run=true|false` and nothing else (a mistyped parameter must not turn a dry run into a real one). */
export function dryRunParam(search: URLSearchParams): boolean {
  let dryRun = false;
  for (const [name, value] of search) {
    if (name !== 'dry_run') throw badRequest(msg('query_unknown', { name }), name);
    if (value !== 'true' && value !== 'false') throw badRequest(msg('query_boolean', { name }), name);
    dryRun = value === 'true';
  }
  return dryRun;
}
