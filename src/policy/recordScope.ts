import type { Principal } from '../auth/principal';

/** The fields of a record that decide who may see it. */
export interface ScopedRecord {
  country_code: string;
  module_id: string;
  owned_by: string;
  owned_by_agency_id: string;
  owned_by_groups: string[];
  associated_user_names: string[];
}

/**
 * Whether a record is within the principal's scope: their acting country, one of their role's modules,
 * and their role's reach (`self` ⊂ `group` ⊂ `agency` ⊂ `all` within the country). Deny by default.
 */
export function inScope(principal: Principal, record: ScopedRecord): boolean {
  if (record.country_code !== principal.countryCode) return false;
  if (!principal.role.module_unique_ids.includes(record.module_id as never)) return false;
  const me = principal.user.user_name;
  if (record.owned_by === me || record.associated_user_names.includes(me)) return true;
  switch (principal.role.group_permission) {
    case 'all':
      return true;
    case 'agency':
      return record.owned_by_agency_id === principal.user.agency_unique_id;
    case 'group':
      return record.owned_by_groups.some((g) => principal.user.user_group_unique_ids.includes(g));
    default:
      return false;
  }
}

export interface SqlFilter {
  where: string[];
  parameters: { name: string; value: string | string[] | number | boolean }[];
}

/** The same rule as `inScope`, as a Cosmos SQL condition for list queries. */
export function scopeFilter(principal: Principal): SqlFilter {
  const where = ['c.country_code = @country', 'ARRAY_CONTAINS(@modules, c.module_id)'];
  const parameters: SqlFilter['parameters'] = [
    { name: '@country', value: principal.countryCode },
    { name: '@modules', value: principal.role.module_unique_ids },
  ];
  const self = '(c.owned_by = @me OR ARRAY_CONTAINS(c.associated_user_names, @me))';
  const { group_permission: reach } = principal.role;
  if (reach === 'all') return { where, parameters };
  parameters.push({ name: '@me', value: principal.user.user_name });
  if (reach === 'agency') {
    where.push(`(${self} OR c.owned_by_agency_id = @agency)`);
    parameters.push({ name: '@agency', value: principal.user.agency_unique_id });
  } else if (reach === 'group') {
    const groups = principal.user.user_group_unique_ids.map((g, i) => {
      parameters.push({ name: `@group${i}`, value: g });
      return `ARRAY_CONTAINS(c.owned_by_groups, @group${i})`;
    });
    where.push(`(${[self, ...groups].join(' OR ')})`);
  } else {
    where.push(self);
  }
  return { where, parameters };
}
