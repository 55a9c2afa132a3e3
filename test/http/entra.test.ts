import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { DEPLOYMENT_WIDE } from '../../src/platform/containers';
import { userDocId } from '../../src/users/userRepository';
import { startTestApp, type TestApp } from '../support/testApp';

const TENANT = '11111111-2222-4333-8444-555555555555';
const AUDIENCE = 'api://primero-test';
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

let t: TestApp;
let jwks: Server;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/discovery/v2.0/keys`;
  t = await startTestApp({
    AUTH_MODE: 'entra',
    ENTRA_TENANT_ID: TENANT,
    ENTRA_AUDIENCE: AUDIENCE,
    ENTRA_ISSUER: ISSUER,
    ENTRA_JWKS_URL: url,
  });
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => jwks.close(resolve));
});

interface TokenOptions {
  user?: string;
  oid?: string;
  amr?: string[];
  audience?: string;
  issuer?: string;
  expiresIn?: number;
  key?: CryptoKey;
}
const entraToken = (o: TokenOptions = {}) => {
  const now = Math.floor(t.clock.now().getTime() / 1000);
  return new SignJWT({
    preferred_username: o.user ?? 'cw_gh',
    oid: o.oid ?? 'oid-cw-gh',
    amr: o.amr ?? ['pwd'],
    uti: `uti-${Math.random()}`,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setIssuer(o.issuer ?? ISSUER)
    .setAudience(o.audience ?? AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (o.expiresIn ?? 3600))
    .sign(o.key ?? signingKey);
};
const cases = async (token: string) => (await t.call('GET', '/api/v2/cases', { token })).status;

describe('AUTH_MODE=entra', () => {
  it('accepts a valid Entra access token and maps preferred_username to the user', async () => {
    expect(await cases(await entraToken())).toBe(200);
    const primero = await t.call('GET', '/api/v2/primero');
    expect(primero.body.data.identity_providers[0]).toMatchObject({
      provider_type: 'entra',
      configuration: { audience: AUDIENCE },
    });
  });

  it.each([
    ['a bad signature', { key: undefined as unknown as CryptoKey, stranger: true }],
    ['the wrong audience', { audience: 'api://someone-else' }],
    [
      'the wrong issuer',
      { issuer: 'https://login.microsoftonline.com/99999999-2222-4333-8444-555555555555/v2.0' },
    ],
    ['an expired token', { expiresIn: -60 }],
    ['an unknown user', { user: 'nobody@example.org' }],
  ])('refuses %s with 401', async (_what, options) => {
    const { stranger, ...rest } = options as TokenOptions & { stranger?: boolean };
    const token = await entraToken({ ...rest, ...(stranger ? { key: strangerKey } : {}) });
    const res = await t.call('GET', '/api/v2/cases', { token });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].status).toBe(401);
  });

  it('requires mfa in amr for a role that requires 2FA', async () => {
    expect(await cases(await entraToken({ user: 'admin_gh', amr: ['pwd'] }))).toBe(401);
    expect(await cases(await entraToken({ user: 'admin_gh', amr: ['pwd', 'mfa'] }))).toBe(200);
    expect(await cases(await entraToken({ user: 'cw_gh', amr: ['pwd'] }))).toBe(200);
  });

  it('a recorded object id pins the account: the same name with another oid is refused', async () => {
    const id = userDocId('cw_ke');
    const item = t.app.containers.users.item(id, [DEPLOYMENT_WIDE, id]);
    const { resource } = await item.read();
    await item.replace({ ...resource, entra_object_id: 'oid-cw-ke' });
    expect(await cases(await entraToken({ user: 'cw_ke', oid: 'oid-cw-ke' }))).toBe(200);
    expect(await cases(await entraToken({ user: 'cw_ke', oid: 'oid-impostor' }))).toBe(401);
  });

  it('turns off password sign-in', async () => {
    const res = await t.call('POST', '/api/v2/tokens', {
      body: { user: { user_name: 'cw_gh', password: 'x' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/Entra ID/);
  });
});
