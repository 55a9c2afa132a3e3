import { totpCode } from '../../src/auth/totp';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let password: string;
beforeAll(async () => {
  t = await startTestApp();
  // A fresh country's first administrator: role requires 2FA, not enrolled yet.
  const setup = await t.call('POST', '/api/v2/admin/country_setup', {
    headers: { 'x-functions-key': t.masterKey },
    body: {
      data: {
        country_code: 'SO',
        time_zone: 'Africa/Mogadishu',
        admin: { user_name: 'admin_so', full_name: 'Hodan Ali', email: 'a@example.org' },
      },
    },
  });
  password = setup.body.data.admin_one_time_password;
});
afterAll(() => t.close());

const signIn = (totp_code?: string) =>
  t.call('POST', '/api/v2/tokens', {
    body: { user: { user_name: 'admin_so', password, ...(totp_code ? { totp_code } : {}) } },
  });

describe('two-factor enrolment', () => {
  it('lets an enrolment-only session sign out (a shared phone handed back before enrolling)', async () => {
    const token = (await signIn()).body.token as string;
    const out = await t.call('DELETE', '/api/v2/tokens', { token });
    expect(out.status).toBe(200);
    expect((await t.call('POST', '/api/v2/users/me/totp', { token })).status).toBe(401);
  });

  it('takes a user whose role requires 2FA from an enrolment-only token to a full one', async () => {
    const first = await signIn();
    expect(first.body.token_scope).toBe('totp_enrolment');
    const token = first.body.token as string;
    expect((await t.call('GET', '/api/v2/cases', { token })).status).toBe(403);

    const start = await t.call('POST', '/api/v2/users/me/totp', { token });
    expect(start.status).toBe(200);
    const { secret, otpauth_url } = start.body.data;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauth_url).toMatch(/^otpauth:\/\/totp\/Primero:admin_so\?/);
    expect(otpauth_url).toContain(`secret=${secret}`);

    // Not enabled until verified: signing in still gives an enrolment token.
    expect((await signIn()).body.token_scope).toBe('totp_enrolment');
    const wrong = await t.call('POST', '/api/v2/users/me/totp/verify', {
      token,
      body: { data: { code: '12345' } },
    });
    expect(wrong.status).toBe(422);
    t.clock.advance(60_000);
    const code = totpCode(secret, t.clock.now());
    const verified = await t.call('POST', '/api/v2/users/me/totp/verify', {
      token,
      body: { data: { code } },
    });
    expect(verified.status).toBe(200);
    expect(verified.body.data).toEqual({ enabled: true });

    // From now on a code is required, used once, and gives a full token.
    expect((await signIn()).status).toBe(401);
    expect((await signIn(code)).status).toBe(401); // the code used to verify cannot sign in again
    t.clock.advance(60_000);
    const full = await signIn(totpCode(secret, t.clock.now()));
    expect(full.status).toBe(200);
    expect(full.body.token_scope).toBe('full');
    expect((await t.call('GET', '/api/v2/cases', { token: full.body.token })).status).toBe(200);
    expect((await t.call('POST', '/api/v2/users/me/totp', { token: full.body.token })).status).toBe(409);
  });

  it('a user without a required 2FA may enrol too; verifying without starting is a 409', async () => {
    const token = await t.login('cw_ke');
    expect(
      (await t.call('POST', '/api/v2/users/me/totp/verify', { token, body: { data: { code: '123456' } } }))
        .status,
    ).toBe(409);
    expect((await t.call('POST', '/api/v2/users/me/totp', { token })).status).toBe(200);
  });
});
