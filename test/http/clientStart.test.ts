import { decodeJwt } from 'jose';
import { startTestApp, type TestApp } from '../support/testApp';

// What Primero's clients call when they start: the deployment, its sign-in, its support contact, the
// signed-in user's own extended profile, and renewing the session.
let t: TestApp;
const tok: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['cw_gh', 'cw2_gh']) tok[u] = await t.login(u);
});
afterAll(() => t.close());

describe('before signing in', () => {
  it('GET /primero has Primero’s keys beside ours', async () => {
    const res = await t.call('GET', '/api/v2/primero');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      sandbox_ui: false,
      config_ui: 'limited',
      webpush_enabled: false,
      agencies: [],
      locales: expect.arrayContaining(['en']),
      countries: ['GH', 'KE'],
    });
  });

  it('GET /identity_providers lists the built-in sign-in, with use_identity_provider false', async () => {
    const res = await t.call('GET', '/api/v2/identity_providers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [expect.objectContaining({ unique_id: 'primeroims', name: 'Primero', provider_type: 'primero' })],
      metadata: { use_identity_provider: false },
    });
  });

  it('GET /contact_information answers Primero’s keys', async () => {
    const res = await t.call('GET', '/api/v2/contact_information');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      name: 'Primero demo support',
      organization: 'UNICEF',
      phone: null,
      other_information: null,
      support_forum: 'https://www.primero.org/support',
      position: null,
      system_version: expect.any(String),
    });
  });
});

describe('GET /users/{id}', () => {
  it('a user reads their own account, extended with permissions, forms, list headers and filters', async () => {
    const plain = await t.call('GET', '/api/v2/users/user-cw_gh', { token: tok.cw_gh });
    expect(plain.status).toBe(200);
    expect(plain.body.data).toMatchObject({
      id: 'user-cw_gh',
      user_name: 'cw_gh',
      role_unique_id: 'role-cp-caseworker',
      role_group_permission: 'self',
      module_unique_ids: ['primeromodule-cp'],
    });
    expect(plain.body.data).not.toHaveProperty('permissions');
    expect(JSON.stringify(plain.body)).not.toMatch(/password|totp_secret/);

    const res = await t.call('GET', '/api/v2/users/user-cw_gh?extended=true', { token: tok.cw_gh });
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.permissions.list).toEqual(
      expect.arrayContaining([{ resource: 'cases', actions: expect.arrayContaining(['read', 'referral']) }]),
    );
    expect(data.permitted_form_unique_ids.length).toBeGreaterThan(0);
    expect(Object.keys(data.permitted_form)).toEqual(data.permitted_form_unique_ids);
    expect(data.list_headers.cases).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'case_id_display', field_name: 'case_id_display' }),
      ]),
    );
    expect(data.filters.cases).toEqual(
      expect.arrayContaining([expect.objectContaining({ field_name: 'status' })]),
    );
    expect(data).toMatchObject({
      agency_unique_id: 'agency-unicef',
      agency_name: 'UNICEF',
      is_manager: false,
    });
  });

  it('another user’s account stays an administrator’s to read; bad parameters are a 400', async () => {
    expect((await t.call('GET', '/api/v2/users/user-cw2_gh', { token: tok.cw_gh })).status).toBe(403);
    expect((await t.call('GET', '/api/v2/users/user-cw_gh?extended=yes', { token: tok.cw_gh })).status).toBe(
      400,
    );
    expect((await t.call('GET', '/api/v2/users/user-cw_gh?role=1', { token: tok.cw_gh })).status).toBe(400);
  });
});

describe('POST /tokens with a bearer and no body', () => {
  it('renews the session; the token sent stays valid until it expires, as in Primero', async () => {
    const old = await t.login('cw2_gh');
    const first = await t.call('GET', '/api/v2/users/me', { token: old });
    expect(first.status).toBe(200);
    t.clock.advance(60_000);
    const renewed = await t.call('POST', '/api/v2/tokens', { token: old });
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ user_name: 'cw2_gh', token_scope: 'full' });
    expect(renewed.headers.get('authorization')).toBe(`Bearer ${renewed.body.token}`);
    expect(renewed.body.token).not.toBe(old);
    expect((await t.call('GET', '/api/v2/users/me', { token: renewed.body.token })).status).toBe(200);
    expect((await t.call('GET', '/api/v2/users/me', { token: old })).status).toBe(200);
    // Signing out ends the token it is sent with, and a signed-out token renews nothing.
    expect((await t.call('DELETE', '/api/v2/tokens', { token: old })).status).toBe(200);
    expect((await t.call('POST', '/api/v2/tokens', { token: old })).status).toBe(401);
    expect((await t.call('GET', '/api/v2/users/me', { token: renewed.body.token })).status).toBe(200);
  });

  it('renews a session for at most SESSION_MAX_HOURS (12) after its sign-in, then asks for a sign-in', async () => {
    let token = await t.login('cw2_gh');
    // The test clock runs in real time: the session's start is the one the sign-in recorded.
    const sessionEnd = (decodeJwt(token).auth_time as number) + 12 * 3600;
    // Renewed every 50 minutes, as a client that stays open all day does.
    for (let i = 0; i < 14; i++) {
      t.clock.advance(50 * 60_000);
      const renewed = await t.call('POST', '/api/v2/tokens', { token });
      expect(renewed.status).toBe(200);
      token = renewed.body.token;
      expect(decodeJwt(token).exp).toBeLessThanOrEqual(sessionEnd);
    }
    // 11 h 40 min in, the last renewal's token ends with the session, not an hour later.
    expect(decodeJwt(token).exp).toBe(sessionEnd);
    t.clock.advance(19 * 60_000 + 30_000);
    expect((await t.call('GET', '/api/v2/users/me', { token })).status).toBe(200);
    const refused = await t.call('POST', '/api/v2/tokens', { token });
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0]).toMatchObject({
      message: 'This session has reached its maximum length: sign in again',
      detail: 'session_expired',
    });
    // A new sign-in starts a new session.
    const fresh = await t.login('cw2_gh');
    expect((await t.call('POST', '/api/v2/tokens', { token: fresh })).status).toBe(200);
  });

  it('without a valid bearer it is a 401; with a body it is a sign-in as before', async () => {
    expect((await t.call('POST', '/api/v2/tokens', { token: 'not.a.token' })).status).toBe(401);
    const signIn = await t.call('POST', '/api/v2/tokens', {
      token: 'not.a.token',
      body: { user: { user_name: 'cw_gh', password: 'wrong-password-1' } },
    });
    expect(signIn.status).toBe(401);
    expect((await t.call('POST', '/api/v2/tokens', {})).status).toBe(400);
  });
});
