import type { Principal } from '../auth/principal';
import { unprocessable } from '../errors';
import type { ModuleId } from '../users/types';

/** The module a case belongs to: one the caller's role works in; defaulted when the role has only one. */
export function chooseModule(principal: Principal, requested: unknown): ModuleId {
  const mine = principal.role.module_unique_ids;
  if (requested === undefined || requested === null) {
    if (mine.length === 1) return mine[0] as ModuleId;
    throw unprocessable([{ detail: 'module_id', message: `is required (one of ${mine.join(', ')})` }]);
  }
  if (!mine.includes(requested as ModuleId)) {
    throw unprocessable([{ detail: 'module_id', message: 'is not a module your role works in' }]);
  }
  return requested as ModuleId;
}
