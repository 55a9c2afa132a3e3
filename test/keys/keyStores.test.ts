import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyStore } from '../../src/keys/keyStore';
import { KeyVaultKeyStore } from '../../src/keys/keyVaultKeyStore';
import { LocalKeyStore } from '../../src/keys/localKeyStore';
import { FakeEntra } from '../support/fakeEntra';
import { startKeyVaultFake, type KeyVaultFake } from '../support/keyVaultFake';

const entra = new FakeEntra();
let vault: KeyVaultFake;
beforeAll(async () => {
  vault = await startKeyVaultFake(entra);
});
afterAll(() => vault.close());
/** The store as the app makes it (its managed identity), with the SDK's challenge verification on. */
const vaultStore = (credential = entra.credential()) =>
  new KeyVaultKeyStore(vault.url, credential, vault.clientOptions);

const stores: [string, () => KeyStore][] = [
  ['Key Vault (real SecretClient against the protocol fake)', () => vaultStore()],
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
  it('answers the bearer challenge with a token its credential gets for the vault resource', async () => {
    // Its own fresh client and credential, so the test holds alone and in any order.
    const credential = entra.credential();
    const store = vaultStore(credential);
    const seen = vault.requests.length;
    const asked = entra.requested.length;
    await store.setSecret('dek-challenge', 'one');
    expect(await store.getSecret('dek-challenge')).toMatchObject({ value: 'one' });
    const mine = vault.requests.slice(seen);
    expect(credential.calls).toBeGreaterThan(0);
    // The scope came from the challenge's resource, as Key Vault names it.
    expect(entra.requested.slice(asked)).toEqual(
      Array.from({ length: credential.calls }, () => ['https://vault.azure.net/.default']),
    );
    expect(mine[0]?.authorized).toBe(false); // the first request carried no token: the challenge
    expect(mine.filter((r) => r.authorized).length).toBeGreaterThanOrEqual(2);
  });

  it("fails with the vault's 401 when the credential gets a token for another resource", async () => {
    // A misconfigured identity: a token for Storage, whatever the vault's challenge asks for.
    const refused = vaultStore(entra.credential({ scope: 'https://storage.azure.com/.default' }));
    // The service's own refusal (401), not any error: a TLS or connection failure must not pass for it.
    await expect(refused.getSecret('dek-gh')).rejects.toMatchObject({ name: 'RestError', statusCode: 401 });
  });

  it("fails when the credential's token is of another tenant", async () => {
    const refused = vaultStore(entra.credential({ tenantId: '00000000-0000-0000-0000-000000000001' }));
    await expect(refused.getSecret('dek-gh')).rejects.toMatchObject({ name: 'RestError', statusCode: 401 });
  });

  it("refuses a challenge naming a resource that is not the vault's domain, before any token is sent", async () => {
    const credential = entra.credential();
    vault.challengeResource = 'https://attacker.example.org';
    try {
      await expect(vaultStore(credential).getSecret('dek-gh')).rejects.toThrow(
        /does not match the requested domain/,
      );
      expect(credential.calls).toBe(0);
    } finally {
      vault.challengeResource = 'https://vault.azure.net';
    }
  });
});
