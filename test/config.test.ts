import { loadConfig } from '../src/config';
import { ConfigError } from '../src/errors';

const local = {
  COSMOS_ENDPOINT: 'https://127.0.0.1:8081',
  COSMOS_KEY: 'super-secret-key',
  AzureWebJobsStorage: 'UseDevelopmentStorage=true',
  LOCAL_KEY_STORE_PATH: '/tmp/keys.json',
};

describe('loadConfig', () => {
  it('reads local settings with defaults', () => {
    const config = loadConfig(local);
    expect(config).toMatchObject({
      COSMOS_DATABASE: 'primero',
      TOKEN_TTL_MINUTES: 60,
      MAX_BODY_BYTES: 1048576,
      AUTH_MODE: 'embedded',
    });
  });

  it('reads identity-based Azure settings without any key', () => {
    const config = loadConfig({
      COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
      AzureWebJobsStorage__blobServiceUri: 'https://st.blob.core.windows.net',
      AzureWebJobsStorage__queueServiceUri: 'https://st.queue.core.windows.net',
      KEY_VAULT_URL: 'https://kv.vault.azure.net',
    });
    expect(config.COSMOS_KEY).toBeUndefined();
  });

  it('e-mail notifications need an ACS endpoint and a sender', () => {
    expect(() => loadConfig({ ...local, NOTIFY_CHANNEL: 'email' })).toThrow(
      /ACS_ENDPOINT: is required when NOTIFY_CHANNEL is email[\s\S]*NOTIFY_EMAIL_SENDER: is required/,
    );
    const config = loadConfig({
      ...local,
      NOTIFY_CHANNEL: 'email',
      ACS_ENDPOINT: 'https://acs-primero.africa.communication.azure.com',
      NOTIFY_EMAIL_SENDER: 'DoNotReply@example.azurecomm.net',
    });
    expect(config.NOTIFY_CHANNEL).toBe('email');
  });

  it('fails naming each missing or bad setting, without printing any value', () => {
    let error: unknown;
    try {
      loadConfig({ COSMOS_ENDPOINT: 'not a url', COSMOS_KEY: 'super-secret-key', TOKEN_TTL_MINUTES: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of [
      'COSMOS_ENDPOINT',
      'TOKEN_TTL_MINUTES',
      'AzureWebJobsStorage__blobServiceUri',
      'KEY_VAULT_URL',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('super-secret-key');
    expect(message).not.toContain('not a url');
  });
});
