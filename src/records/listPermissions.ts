import type { Principal } from '../auth/principal';
import { msg } from '../messages/catalogue';
import { AppError } from '../errors';
import type { FieldGrants } from '../forms/fieldAccess';
import { canReadKey } from './fieldPermissions';
import type { ListParams } from './listParams';
import type { RecordKind } from './recordKind';

/**
 * A list may filter and sort only by keys the role may read in every module it lists: a filter on a
 * hidden field would tell, record by record, what the field holds. 403 naming each such key.
 */
export function assertListable(
  grants: FieldGrants,
  kind: RecordKind,
  principal: Principal,
  params: ListParams,
): void {
  if (grants.all) return;
  const modules = principal.role.module_unique_ids.filter((m) => kind.modules.includes(m));
  const keys = new Set([...Object.keys(params.lists), ...Object.keys(params.ranges), params.orderBy]);
  const hidden = [...keys].filter((key) => modules.some((m) => !canReadKey(grants, kind, m, key)));
  if (hidden.length === 0) return;
  const entries = hidden.map((key) => ({ detail: key, ...msg('form_not_readable') }));
  throw new AppError(403, `Your role may not read ${hidden.join(', ')}`, hidden[0], entries);
}
