import type { Container } from '@azure/cosmos';
import type { DataKeys } from '../crypto/dataKeys';
import { isSealed, open, seal } from '../crypto/fieldCipher';
import { preconditionFailed } from '../errors';
import { DEPLOYMENT_WIDE } from '../platform/containers';
import type { Role, User } from './types';

export const userDocId = (userName: string) => `user-${userName.toLowerCase()}`;

// Credentials kept on the account, sealed like record fields under the deployment's `dek-accounts` key.
const SEALED_FIELDS = ['totp_secret', 'totp_pending_secret'] as const;
const ACCOUNTS = 'accounts';

/** Point reads only: every lookup on a request path knows its partition. */
export class UserRepository {
  constructor(
    private readonly container: Container,
    private readonly keys: DataKeys,
  ) {}

  async findByUserName(userName: string): Promise<User | undefined> {
    const id = userDocId(userName);
    const { resource } = await this.container.item(id, [DEPLOYMENT_WIDE, id]).read<User>();
    if (resource?.type !== 'user' || resource.country_code !== DEPLOYMENT_WIDE) return undefined;
    const user: Record<string, unknown> = { ...resource };
    for (const field of SEALED_FIELDS) {
      const value = user[field];
      if (isSealed(value))
        user[field] = open(await this.keys.decryptionKey(ACCOUNTS, value.k), aad(id, field), value, field);
    }
    return user as unknown as User;
  }

  /** Creates or overwrites an account (seeding, setup). */
  async upsert(user: User): Promise<void> {
    await this.container.items.upsert(await this.seal(user));
  }

  /** Creates an account; false if the name is taken. */
  async create(user: User): Promise<boolean> {
    try {
      await this.container.items.create(await this.seal(user));
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 409) return false;
      throw error;
    }
  }

  private async seal<T extends User>(user: T): Promise<T> {
    const out: Record<string, unknown> = { ...(user as User & Record<string, unknown>) };
    const key = await this.keys.encryptionKey(ACCOUNTS);
    for (const field of SEALED_FIELDS) {
      const value = out[field];
      if (typeof value === 'string') out[field] = seal(key, aad(user.id, field), value);
    }
    return out as T;
  }

  /** Replaces the account if it did not change since it was read (412 otherwise). */
  async replace(user: User & { _etag?: string }): Promise<void> {
    try {
      await this.container.item(user.id, [DEPLOYMENT_WIDE, user.id]).replace(await this.seal(user), {
        accessCondition: { type: 'IfMatch', condition: user._etag as string },
      });
    } catch (error) {
      if ((error as { code?: number }).code === 412) throw preconditionFailed();
      throw error;
    }
  }

  /** The accounts working in a country, without credentials: for choosing a user (recipient lists). */
  async inCountry(countryCode: string): Promise<UserSummary[]> {
    const { resources } = await this.container.items
      .query<UserSummary>(
        {
          query: `SELECT ${SUMMARY_FIELDS.map((f) => `c.${f}`).join(', ')} FROM c
                  WHERE c.country_code = @all AND c.type = 'user' AND ARRAY_CONTAINS(c.country_codes, @country)
                  ORDER BY c.user_name ASC`,
          parameters: [
            { name: '@all', value: DEPLOYMENT_WIDE },
            { name: '@country', value: countryCode },
          ],
        },
        { partitionKey: [DEPLOYMENT_WIDE] },
      )
      .fetchAll();
    return resources;
  }

  async findRole(countryCode: string, uniqueId: string): Promise<Role | undefined> {
    const { resource } = await this.container.item(uniqueId, [countryCode, uniqueId]).read<Role>();
    return resource?.type === 'role' && resource.country_code === countryCode ? resource : undefined;
  }
}

const SUMMARY_FIELDS = [
  'id',
  'user_name',
  'full_name',
  'country_codes',
  'role_unique_id',
  'user_group_unique_ids',
  'agency_unique_id',
  'disabled',
] as const;
/** An account as others may know it: who, where, in which role; never a credential. */
export type UserSummary = Pick<User, (typeof SUMMARY_FIELDS)[number]>;

const aad = (id: string, field: string) => `${DEPLOYMENT_WIDE}|user|${id}|${field}`;
