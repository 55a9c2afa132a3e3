/** A versioned secret, as Key Vault stores it. */
export interface SecretVersion {
  value: string;
  version: string;
}

/**
 * Where the deployment's secrets live: Key Vault in Azure, a local file under `.data/` for `npm start`.
 * Both keep every version of a secret, so data protected by an older version can still be read.
 */
export interface KeyStore {
  /** The current version, or undefined if the secret does not exist. */
  getSecret(name: string): Promise<SecretVersion | undefined>;
  getSecretVersion(name: string, version: string): Promise<SecretVersion | undefined>;
  /** Adds a new current version. */
  setSecret(name: string, value: string): Promise<SecretVersion>;
  /** Throws when the store cannot be reached (health check). */
  ping(): Promise<void>;
}
