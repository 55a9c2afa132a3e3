import type { Container } from '@azure/cosmos';
import { preconditionFailed } from '../errors';
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

  /** Replaces the account if it did not change since it was read (412 otherwise). */
  async replace(user: User & { _etag?: string }): Promise<void> {
    try {
      await this.container
        .item(user.id, [DEPLOYMENT_WIDE, user.id])
        .replace(user, { accessCondition: { type: 'IfMatch', condition: user._etag as string } });
    } catch (error) {
      if ((error as { code?: number }).code === 412) throw preconditionFailed();
      throw error;
    }
  }

  async findRole(countryCode: string, uniqueId: string): Promise<Role | undefined> {
    const { resource } = await this.container.item(uniqueId, [countryCode, uniqueId]).read<Role>();
    return resource?.type === 'role' && resource.country_code === countryCode ? resource : undefined;
  }
}
