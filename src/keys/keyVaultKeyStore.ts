import type { TokenCredential } from '@azure/identity';
import type { SecretClient, SecretClientOptions } from '@azure/keyvault-secrets';
import { loadWhenUsed } from '../platform/loadWhenUsed';
import type { KeyStore, SecretVersion } from './keyStore';

/** Key Vault through the app's managed identity (role: Key Vault Secrets Officer). */
export class KeyVaultKeyStore implements KeyStore {
  private readonly client: SecretClient;

  /** `options` only for tests: an agent that reaches a local vault (see test/support/keyVaultFake.ts). */
  constructor(
    vaultUrl: string,
    credential: TokenCredential,
    options: SecretClientOptions = {},
    /** Each call, retries included, ends by then (the client hears 503 rather than waiting). */
    private readonly timeoutMs = 10_000,
  ) {
    const sdk = loadWhenUsed<typeof import('@azure/keyvault-secrets')>('@azure/keyvault-secrets');
    this.client = new sdk.SecretClient(vaultUrl, credential, {
      retryOptions: { maxRetries: 2, maxRetryDelayInMs: 500 },
      ...options,
    });
  }

  private get bounded() {
    return { abortSignal: AbortSignal.timeout(this.timeoutMs) };
  }

  async getSecret(name: string): Promise<SecretVersion | undefined> {
    return this.get(name);
  }

  async getSecretVersion(name: string, version: string): Promise<SecretVersion | undefined> {
    return this.get(name, version);
  }

  async setSecret(name: string, value: string): Promise<SecretVersion> {
    const secret = await this.client.setSecret(name, value, {
      contentType: 'application/octet-stream;base64',
      ...this.bounded,
    });
    return { value, version: secret.properties.version as string };
  }

  async ping(): Promise<void> {
    // Listing one page proves reachability and permission without reading any secret value.
    await this.client.listPropertiesOfSecrets(this.bounded).byPage({ maxPageSize: 1 }).next();
  }

  private async get(name: string, version?: string): Promise<SecretVersion | undefined> {
    try {
      const secret = await this.client.getSecret(name, { ...(version ? { version } : {}), ...this.bounded });
      return { value: secret.value as string, version: secret.properties.version as string };
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }
}
