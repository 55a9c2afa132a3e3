import type { DataKeys } from '../crypto/dataKeys';

const SECRET_NAME = 'jwt-signing-key';

export interface SigningKey {
  kid: string;
  key: Uint8Array;
}

/**
 * The HMAC key that signs session tokens, kept like the other keys (created on first use, versioned, cached
 * for a bounded time). The secret version becomes the token's `kid`, so tokens signed before a rotation
 * still verify until they expire.
 */
export class SigningKeys {
  constructor(private readonly keys: DataKeys) {}

  async currentKey(): Promise<SigningKey> {
    const { version, key } = await this.keys.currentKey(SECRET_NAME);
    return { kid: version, key };
  }

  async keyFor(kid: string): Promise<SigningKey | undefined> {
    const found = await this.keys.versionOf(SECRET_NAME, kid);
    return found && { kid, key: found.key };
  }
}
