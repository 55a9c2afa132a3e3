import type { Container } from '@azure/cosmos';
import { DEPLOYMENT_WIDE } from '../platform/containers';
import type { Role, User } from './types';

export const userDocId = (userName: string) => `user-${userName.toLowerCase()}`;

/** Point reads only: every lookup on a request path knows its partition. */
export class UserRepository {
  constructor(private readonly container: Container) {}

  async findByUserName(userName: string): Promise<User | undefined> {
    const id = userDocId(userName);
    const { resource } = await this.container.item(id, [DEPLOYMENT_WIDE, id]).read<User>();
    return resource?.type === 'user' && resource.country_code === DEPLOYMENT_WIDE ? resource : undefined;
  }

  async findRole(countryCode: string, uniqueId: string): Promise<Role | undefined> {
    const { resource } = await this.container.item(uniqueId, [countryCode, uniqueId]).read<Role>();
    return resource?.type === 'role' && resource.country_code === countryCode ? resource : undefined;
  }
}
