import { totpCode } from '../../src/auth/totp';
import { PASSWORD, startTestApp, TOTP_SECRET, type TestApp } from '../support/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const signIn = (user: Record<string, unknown>) => t.call('POST', '/api/v2/tokens', { body: { user } });
const MINUTE = 60_000;

describe('POST /api/v2/tokens', () => {
  it('returns a token with the user, scope and countries, and in the Authorization header', async () => {
    const res = await signIn({ user_name: 'cw_gh', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: 'user-cw_gh',
      user_name: 'cw_gh',
      group_permission: 'self',
      country_codes: ['GH'],
      token_scope: 'full',
    });
    expect(res.headers.get('authorization')).toBe(`Bearer ${res.body.token}`);
    const ttl = Date.parse(res.body.expires_at) - Date.now();
    expect(ttl).toBeGreaterThan(55 * MINUTE);
    expect(ttl).toBeLessThanOrEqual(60 * MINUTE);
    const cases = await t.call('GET', '/api/v2/cases', { token: res.body.token });
    expect(cases.status).toBe(200);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await signIn({ user_name: 'regional', password: 'nope' });
    const unknown = await signIn({ user_name: 'nobody_here', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.errors[0].message).toBe(unknown.body.errors[0].message);
  });

  it('names the Bearer scheme on every 401', async () => {
    const wrong = await signIn({ user_name: 'regional', password: 'nope' });
    const anonymous = await t.call('GET', '/api/v2/cases');
    const forged = await t.call('GET', '/api/v2/cases', { token: 'not.a.token' });
    for (const res of [wrong, anonymous, forged]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('refuses malformed bodies with 400/422 in the error envelope', async () => {
    const notJson = await t.call('POST', '/api/v2/tokens', {
      rawBody: '{"user":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.errors[0]).toMatchObject({ status: 400, resource: '/api/v2/tokens', detail: 'body' });
    const wrongType = await t.call('POST', '/api/v2/tokens', {
      rawBody: 'user=cw_gh',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(wrongType.status).toBe(400);
    const missing = await t.call('POST', '/api/v2/tokens', { body: { user: { user_name: 'cw_gh' } } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].detail).toBe('user.password');
  });
});

describe('two-factor sign-in for roles that require it', () => {
  it('asks admin_gh for a TOTP code, accepts a valid one once, refuses its replay', async () => {
    const noCode = await signIn({ user_name: 'admin_gh', password: PASSWORD });
    expect(noCode.status).toBe(401);
    const wrongCode = await signIn({
      user_name: 'admin_gh',
      password: PASSWORD,
      totp_code: '000000' === totpCode(TOTP_SECRET, t.clock.now()) ? '111111' : '000000',
    });
    expect(wrongCode.status).toBe(401);
    t.clock.advance(MINUTE);
    const code = totpCode(TOTP_SECRET, t.clock.now());
    const ok = await signIn({ user_name: 'admin_gh', password: PASSWORD, totp_code: code });
    expect(ok.status).toBe(200);
    expect(ok.body.token_scope).toBe('full');
    const replay = await signIn({ user_name: 'admin_gh', password: PASSWORD, totp_code: code });
    expect(replay.status).toBe(401);
  });
});

describe('tokens', () => {
  it('DELETE /tokens revokes the token it is called with', async () => {
    const token = await t.login('gbv_gh');
    const other = await t.login('gbv_gh');
    expect((await t.call('DELETE', '/api/v2/tokens', { token })).status).toBe(200);
    expect((await t.call('GET', '/api/v2/cases', { token })).status).toBe(401);
    expect((await t.call('GET', '/api/v2/cases', { token: other })).status).toBe(200);
  });

  it('an expired, tampered or foreign token is a 401', async () => {
    const token = await t.login('cw_gh');
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'admin_gh' })).toString('base64url')}.${signature}`;
    expect((await t.call('GET', '/api/v2/cases', { token: forged })).status).toBe(401);
    expect((await t.call('GET', '/api/v2/cases', { token: 'not-a-jwt' })).status).toBe(401);
    expect(
      (await t.call('GET', '/api/v2/cases', { headers: { Authorization: `Basic ${token}` } })).status,
    ).toBe(401);
    // The scheme's name is case-insensitive (RFC 9110).
    expect(
      (await t.call('GET', '/api/v2/cases', { headers: { Authorization: `bearer ${token}` } })).status,
    ).toBe(200);
    t.clock.advance(61 * MINUTE);
    const expired = await t.call('GET', '/api/v2/cases', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].message).toMatch(/expired/);
  });
});

describe('acting country', () => {
  it('a multi-country user must pick one of theirs with X-Country-Code', async () => {
    const token = await t.login('regional');
    const none = await t.call('GET', '/api/v2/cases', { token });
    expect(none.status).toBe(400);
    expect(none.body.errors[0].detail).toBe('X-Country-Code');
    expect(
      (await t.call('GET', '/api/v2/cases', { token, headers: { 'X-Country-Code': 'SO' } })).status,
    ).toBe(403);
    expect(
      (await t.call('GET', '/api/v2/cases', { token, headers: { 'X-Country-Code': 'G1' } })).status,
    ).toBe(400);
    const ke = await t.call('GET', '/api/v2/cases', { token, headers: { 'X-Country-Code': 'KE' } });
    expect(ke.status).toBe(200);
    expect(ke.body.data.every((c: { country_code: string }) => c.country_code === 'KE')).toBe(true);
  });

  it('a single-country user cannot switch to another country', async () => {
    const token = await t.login('cw_ke');
    expect(
      (await t.call('GET', '/api/v2/cases', { token, headers: { 'X-Country-Code': 'GH' } })).status,
    ).toBe(403);
    expect(
      (await t.call('GET', '/api/v2/cases', { token, headers: { 'X-Country-Code': 'ke' } })).status,
    ).toBe(200);
  });
});
