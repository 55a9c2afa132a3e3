import type { Container } from '@azure/cosmos';
import type { RoleGrants, RoleGrantStore } from '../forms/roleGrants';
import type { Role } from '../users/types';

/** Roles' form permissions over the `users` container, for a configuration import and export. */
export function roleGrantStore(users: Container): RoleGrantStore {
  return {
    async list(countryCode: string): Promise<RoleGrants[]> {
      const { resources } = await users.items
        .query<Role>(
          {
            query: 'SELECT * FROM c WHERE c.country_code = @country AND c.type = @type',
            parameters: [
              { name: '@country', value: countryCode },
              { name: '@type', value: 'role' },
            ],
          },
          { partitionKey: [countryCode] },
        )
        .fetchAll();
      return resources.map((role) => ({
        unique_id: role.unique_id,
        form_section_read_write: role.form_section_read_write ?? {},
      }));
    },
    async set(countryCode, roleId, grants) {
      await users
        .item(roleId, [countryCode, roleId])
        .patch([{ op: 'set', path: '/form_section_read_write', value: grants }]);
    },
  };
}
