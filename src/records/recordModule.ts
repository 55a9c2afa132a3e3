import type { Principal } from '../auth/principal';
import { msg } from '../messages/catalogue';
import { unprocessable } from '../errors';
import type { ModuleId } from '../users/types';
import type { RecordKind } from './recordKind';

/**
 * The module a record belongs to: one the caller's role works in and the record type exists in; defaulted
 * when there is only one.
 */
export function chooseModule(kind: RecordKind, principal: Principal, requested: unknown): ModuleId {
  const mine = principal.role.module_unique_ids.filter((m) => kind.modules.includes(m));
  if (requested === undefined || requested === null) {
    if (mine.length === 1) return mine[0] as ModuleId;
    if (mine.length === 0)
      throw unprocessable([
        { detail: 'module_id', message: `none of your role's modules has ${kind.resource}` },
      ]);
    throw unprocessable([{ detail: 'module_id', message: `is required (one of ${mine.join(', ')})` }]);
  }
  if (!mine.includes(requested as ModuleId)) {
    throw unprocessable([{ detail: 'module_id', ...msg('not_your_module') }]);
  }
  return requested as ModuleId;
}
