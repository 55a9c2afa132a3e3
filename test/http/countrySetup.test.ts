import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const setup = (data: unknown, headers: Record<string, string> = { 'x-functions-key': t.masterKey }) =>
  t.call('POST', '/api/v2/admin/country_setup', { body: { data }, headers });
const somalia = {
  country_code: 'SO',
  name: 'Somalia',
  time_zone: 'Africa/Mogadishu',
  admin: { user_name: 'admin_so', full_name: 'Hodan Ali', email: 'admin-so@example.org' },
};

describe('POST /api/v2/admin/country_setup (after a deployment)', () => {
  it('runs only for the master key, locally as in Azure: anonymous or a wrong key is a 401, nothing created', async () => {
    const tanzania = {
      ...somalia,
      country_code: 'TZ',
      name: 'Tanzania',
      time_zone: 'Africa/Dar_es_Salaam',
      admin: { user_name: 'admin_tz', full_name: 'Neema Mushi', email: 'admin-tz@example.org' },
    };
    const attempts: Record<string, string>[] = [
      {},
      { 'x-functions-key': 'guess' },
      { 'x-functions-key': `${t.masterKey}x` },
    ];
    for (const headers of attempts) {
      const res = await setup(tanzania, headers);
      expect(res.status).toBe(401);
      expect(res.body.errors[0].message).toMatch(/master key/);
    }
    expect(await t.app.users.findByUserName('admin_tz')).toBeUndefined();
    expect((await t.call('GET', '/api/v2/primero')).body.data.countries).not.toContain('TZ');
    // The key as a `code` query parameter works too, as in Azure.
    const viaQuery = await t.call(
      'POST',
      `/api/v2/admin/country_setup?code=${encodeURIComponent(t.masterKey)}`,
      {
        body: { data: tanzania },
      },
    );
    expect(viaQuery.status).toBe(200);
  });

  it('creates settings, roles, the data key and the first administrator, and shows the password once', async () => {
    const res = await setup(somalia);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      country_code: 'SO',
      created: { settings: true, roles: 5, lookups: 21, forms_version: 1, data_key: true, admin: true },
      admin_user_name: 'admin_so',
    });
    const password = res.body.data.admin_one_time_password as string;
    expect(password.length).toBeGreaterThanOrEqual(20);

    expect((await t.call('GET', '/api/v2/primero')).body.data.countries).toContain('SO');
    const key = await t.app.keyStore.getSecret('dek-so');
    expect(Buffer.from(key?.value ?? '', 'base64')).toHaveLength(32);
    // The administrator's role requires two-factor sign-in: the first token only allows enrolling.
    const login = await t.call('POST', '/api/v2/tokens', {
      body: { user: { user_name: 'admin_so', password } },
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      country_codes: ['SO'],
      group_permission: 'all',
      token_scope: 'totp_enrolment',
    });
    expect((await t.call('GET', '/api/v2/cases', { token: login.body.token })).status).toBe(403);
  });

  it('is idempotent: a second run creates nothing, keeps the key and says no password', async () => {
    const keyBefore = await t.app.keyStore.getSecret('dek-so');
    const res = await setup({ ...somalia, time_zone: 'UTC' });
    expect(res.status).toBe(200);
    expect(res.body.data.created).toEqual({
      settings: false,
      roles: 0,
      lookups: 0,
      configuration: 'kept',
      data_key: false,
      admin: false,
    });
    expect(res.body.data).not.toHaveProperty('admin_one_time_password');
    expect(await t.app.keyStore.getSecret('dek-so')).toEqual(keyBefore);
    expect((await t.app.settings.get('SO')).time_zone).toBe('Africa/Mogadishu');
  });

  it('refuses an administrator name that belongs to someone else (409) and bad input (422)', async () => {
    const taken = await setup({
      ...somalia,
      country_code: 'ET',
      time_zone: 'Africa/Addis_Ababa',
      admin: { ...somalia.admin, user_name: 'cw_gh' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].detail).toBe('admin.user_name');
    expect((await t.call('GET', '/api/v2/primero')).body.data.countries).not.toContain('ET');
    expect(await t.app.keyStore.getSecret('dek-et')).toBeUndefined();
    const bad = await setup({ ...somalia, country_code: 'so', time_zone: 'Mars/Olympus' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { detail: string }) => e.detail).sort()).toEqual([
      'data.country_code',
      'data.time_zone',
    ]);
  });
});
