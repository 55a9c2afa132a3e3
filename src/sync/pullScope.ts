import type { Principal } from '../auth/principal';
import { scopeFilter, type SqlFilter } from '../policy/recordScope';
import type { GroupPermission, ModuleId } from '../users/types';

/** What decides which records a user sees, besides the records themselves (kept in the pull cursor). */
export interface ScopeSpec {
  reach: GroupPermission;
  modules: ModuleId[];
  groups: string[];
  agency: string;
}

export function scopeSpecOf(principal: Principal): ScopeSpec {
  return {
    reach: principal.role.group_permission,
    modules: [...principal.role.module_unique_ids].sort(),
    groups: [...principal.user.user_group_unique_ids].sort(),
    agency: principal.user.agency_unique_id,
  };
}

export const sameScope = (a: ScopeSpec, b: ScopeSpec) => JSON.stringify(a) === JSON.stringify(b);

/** Earlier scopes a replay retracts, kept few so that the cursor and the query stay small. */
const MAX_PREVIOUS_SCOPES = 5;

/**
 * More earlier scopes than that (many changes within one replay) collapse into one that covers all of
 * them: the whole country in their modules. That over-reaches — tombstones for records the device may
 * never have had, which it ignores — but never misses one.
 */
export function boundedScopes(scopes: ScopeSpec[]): ScopeSpec[] {
  const distinct = scopes.filter((s, i) => scopes.findIndex((o) => sameScope(o, s)) === i);
  if (distinct.length <= MAX_PREVIOUS_SCOPES) return distinct;
  const modules = [...new Set(distinct.flatMap((s) => s.modules))].sort() as ScopeSpec['modules'];
  return [{ reach: 'all', modules, groups: [], agency: '' }];
}

/**
 * The SQL reach (who-may-see) conditions of the current scope and of the earlier ones, to be ORed: a pull
 * after a scope change reads what any covered, sending what the current one no longer covers as
 * tombstones. Parameters of each scope get their own suffix so that the conditions can be combined. The
 * conditions stay flat: the emulator's parser slows down sharply with nested parentheses.
 */
export function reachAcross(principal: Principal, previous: ScopeSpec[]): SqlFilter & { modules: string[] } {
  const specs = [scopeSpecOf(principal), ...previous];
  const where: string[] = [];
  const parameters: SqlFilter['parameters'] = [];
  specs.forEach((spec, i) => {
    const asThen: Principal = {
      ...principal,
      role: { ...principal.role, group_permission: spec.reach, module_unique_ids: spec.modules },
      user: { ...principal.user, user_group_unique_ids: spec.groups, agency_unique_id: spec.agency },
    };
    // scopeFilter: country, modules, then the reach (absent for `all`).
    const filter = scopeFilter(asThen);
    const rename = (sql: string) => sql.replace(/@(\w+)/g, `@$1_s${i}`);
    const reach = filter.where.slice(2);
    where.push(reach.length ? reach.map(rename).join(' AND ') : 'true');
    for (const p of filter.parameters)
      if (reach.some((clause) => clause.includes(p.name))) parameters.push({ ...p, name: rename(p.name) });
  });
  const modules = [...new Set(specs.flatMap((s) => s.modules))].sort();
  return { where, parameters, modules };
}
