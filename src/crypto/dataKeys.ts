import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { KeyStore } from '../keys/keyStore';

export interface DataKey {
  version: string;
  key: Buffer;
}

const CACHE_MS = 5 * 60 * 1000;

/**
 * Per-country 256-bit keys held in the key store as versioned secrets: `dek-<cc>` encrypts record fields,
 * `bidx-<cc>` keys the blind index. Created on first use; the current version is cached for a bounded time
 * (a rotation is picked up within CACHE_MS), older versions are kept for decrypting what they sealed.
 */
export class DataKeys {
  private readonly current = new Map<string, { key: DataKey; at: number }>();
  private readonly versions = new Map<string, DataKey>();

  constructor(
    private readonly store: KeyStore,
    private readonly clock: Clock,
  ) {}

  encryptionKey(countryCode: string): Promise<DataKey> {
    return this.currentKey(`dek-${countryCode.toLowerCase()}`);
  }

  decryptionKey(countryCode: string, version: string): Promise<DataKey | undefined> {
    return this.versionOf(`dek-${countryCode.toLowerCase()}`, version);
  }

  /** Never rotated with the data key: the index must stay comparable across all records. */
  indexKey(countryCode: string): Promise<DataKey> {
    return this.currentKey(`bidx-${countryCode.toLowerCase()}`);
  }

  /** A key for authenticating what the server hands out and gets back (sync cursors). */
  macKey(purpose: string): Promise<DataKey> {
    return this.currentKey(`mac-${purpose}`);
  }

  /** Makes a new current version (rotation); returns it. */
  async rotate(countryCode: string): Promise<DataKey> {
    const name = `dek-${countryCode.toLowerCase()}`;
    const secret = await this.store.setSecret(name, randomBytes(32).toString('base64'));
    const key = { version: secret.version, key: Buffer.from(secret.value, 'base64') };
    this.current.set(name, { key, at: this.clock.now().getTime() });
    this.versions.set(`${name}/${key.version}`, key);
    return key;
  }

  /** The current version of any key kept this way (e.g. the session signing key). */
  async currentKey(name: string): Promise<DataKey> {
    const now = this.clock.now().getTime();
    const cached = this.current.get(name);
    if (cached && now - cached.at < CACHE_MS) return cached.key;
    const secret =
      (await this.store.getSecret(name)) ??
      (await this.store.setSecret(name, randomBytes(32).toString('base64')));
    const key = { version: secret.version, key: Buffer.from(secret.value, 'base64') };
    this.current.set(name, { key, at: now });
    this.versions.set(`${name}/${key.version}`, key);
    return key;
  }

  async versionOf(name: string, version: string): Promise<DataKey | undefined> {
    const id = `${name}/${version}`;
    const cached = this.versions.get(id);
    if (cached) return cached;
    const secret = await this.store.getSecretVersion(name, version);
    if (!secret) return undefined;
    const key = { version, key: Buffer.from(secret.value, 'base64') };
    this.versions.set(id, key);
    return key;
  }
}
