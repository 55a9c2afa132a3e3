import { badRequest } from '../errors';

/** `?dry_run=true|false` and nothing else (a mistyped parameter must not turn a dry run into a real one). */
export function dryRunParam(search: URLSearchParams): boolean {
  let dryRun = false;
  for (const [name, value] of search) {
    if (name !== 'dry_run') throw badRequest(`Unknown query parameter ${name}`, name);
    if (value !== 'true' && value !== 'false') throw badRequest('dry_run must be true or false', name);
    dryRun = value === 'true';
  }
  return dryRun;
}
