import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyStore } from '../../src/keys/keyStore';
import { KeyVaultKeyStore } from '../../src/keys/keyVaultKeyStore';
import { LocalKeyStore } from '../../src/keys/localKeyStore';
import { startKeyVaultFake, type KeyVaultFake } from '../support/keyVaultFake';

let vault: KeyVaultFake;
beforeAll(async () => {
  vault = await startKeyVaultFake();
});
afterAll(() => vault.close());

const stores: [string, () => KeyStore][] = [
  [
    'Key Vault (real SecretClient against the protocol fake)',
    () =>
      new KeyVaultKeyStore(vault.url, vault.credential, {
        disableChallengeResourceVerification: true,
        tlsOptions: { ca: vault.ca },
        retryOptions: { maxRetries: 0 },
      }),
  ],
  ['local file', () => new LocalKeyStore(join(mkdtempSync(join(tmpdir(), 'keys-')), 'keys.json'))],
];

describe.each(stores)('%s', (_name, make) => {
  it('keeps every version of a secret and knows the current one', async () => {
    const store = make();
    await store.ping();
    expect(await store.getSecret('dek-gh')).toBeUndefined();
    const v1 = await store.setSecret('dek-gh', 'one');
    expect(v1.version).toMatch(/^[0-9a-f]{32}$/);
    expect(await store.getSecret('dek-gh')).toEqual({ value: 'one', version: v1.version });
    const v2 = await store.setSecret('dek-gh', 'two');
    expect(v2.version).not.toBe(v1.version);
    expect(await store.getSecret('dek-gh')).toEqual({ value: 'two', version: v2.version });
    expect(await store.getSecretVersion('dek-gh', v1.version)).toEqual({ value: 'one', version: v1.version });
    expect(await store.getSecretVersion('dek-gh', 'ffffffffffffffffffffffffffffffff')).toBeUndefined();
    expect(await store.getSecret('dek-ke')).toBeUndefined();
  });
});

describe('Key Vault store', () => {
  it('answers the bearer challenge with a token from its credential', async () => {
    // Its own fresh client, so the test holds alone and in any order.
    const store = stores[0]![1]();
    const calls = vault.credential.calls;
    const seen = vault.requests.length;
    await store.setSecret('dek-challenge', 'one');
    expect(await store.getSecret('dek-challenge')).toMatchObject({ value: 'one' });
    const mine = vault.requests.slice(seen);
    expect(vault.credential.calls).toBeGreaterThan(calls);
    expect(mine[0]?.authorized).toBe(false); // the first request carried no token: the challenge
    expect(mine.filter((r) => r.authorized).length).toBeGreaterThanOrEqual(2);
  });

  it('fails when the credential is refused, instead of answering "no such secret"', async () => {
    const refused = new KeyVaultKeyStore(
      vault.url,
      { getToken: async () => ({ token: 'wrong', expiresOnTimestamp: Date.now() + 60_000 }) },
      {
        disableChallengeResourceVerification: true,
        tlsOptions: { ca: vault.ca },
        retryOptions: { maxRetries: 0 },
      },
    );
    // The service's own refusal (401), not any error: a TLS or connection failure must not pass for it.
    await expect(refused.getSecret('dek-gh')).rejects.toMatchObject({ name: 'RestError', statusCode: 401 });
  });
});
