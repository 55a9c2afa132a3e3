import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { KeyStore } from '../keys/keyStore';

const SECRET_NAME = 'jwt-signing-key';
const CACHE_MS = 10 * 60 * 1000;

export interface SigningKey {
  kid: string;
  key: Uint8Array;
}

/**
 * The HMAC key that signs session tokens, held in the key store. The secret version becomes the token's
 * `kid`, so tokens signed before a rotation still verify until they expire.
 */
export class SigningKeys {
  private current?: { key: SigningKey; fetchedAt: number };
  private readonly byVersion = new Map<string, SigningKey>();

  constructor(
    private readonly store: KeyStore,
    private readonly clock: Clock,
  ) {}

  async currentKey(): Promise<SigningKey> {
    const now = this.clock.now().getTime();
    if (this.current && now - this.current.fetchedAt < CACHE_MS) return this.current.key;
    const secret =
      (await this.store.getSecret(SECRET_NAME)) ??
      (await this.store.setSecret(SECRET_NAME, randomBytes(32).toString('base64')));
    const key = { kid: secret.version, key: Buffer.from(secret.value, 'base64') };
    this.current = { key, fetchedAt: now };
    this.byVersion.set(key.kid, key);
    return key;
  }

  async keyFor(kid: string): Promise<SigningKey | undefined> {
    const cached = this.byVersion.get(kid);
    if (cached) return cached;
    const secret = await this.store.getSecretVersion(SECRET_NAME, kid);
    if (!secret) return undefined;
    const key = { kid, key: Buffer.from(secret.value, 'base64') };
    this.byVersion.set(kid, key);
    return key;
  }
}
