import { PASSWORD, startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const me = (token: string) => t.call('GET', '/api/v2/users/me', { token });
const patchMe = (token: string, data: unknown) =>
  t.call('PATCH', '/api/v2/users/me', { token, body: { data } });
const signIn = (user_name: string, password: string) =>
  t.call('POST', '/api/v2/tokens', { body: { user: { user_name, password } } });

describe('GET /api/v2/users/me', () => {
  it.each(['cw_gh', 'sup_gh', 'gbv_gh', 'admin_gh'])('%s reads their own account', async (userName) => {
    const res = await me(await t.login(userName));
    expect(res.status).toBe(200);
    const account = res.body.data;
    expect(account).toMatchObject({
      user_name: userName,
      country_code: 'GH',
      locale: 'en',
      role_unique_id: expect.any(String),
      role_name: expect.any(String),
      group_permission: expect.stringMatching(/^(self|group|agency|all)$/),
      agency_unique_id: expect.any(String),
      user_group_unique_ids: expect.any(Array),
      module_unique_ids: expect.arrayContaining([expect.stringMatching(/^primeromodule-/)]),
    });
    expect(account.permissions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resource: expect.any(String), actions: expect.any(Array) }),
      ]),
    );
    expect(JSON.stringify(account)).not.toMatch(/password|totp_secret|\$argon2/);
  });

  it("tells the user their role's grant per form, as an admin reads it on the role", async () => {
    const account = (await me(await t.login('cw_gh'))).body.data;
    // The admin's code of this 30-second step was used above: a code is taken once.
    t.clock.advance(30_000);
    const admin = await t.login('admin_gh');
    const role = await t.call('GET', `/api/v2/roles/${account.role_unique_id}`, { token: admin });
    expect(Object.keys(account.permitted_form).length).toBeGreaterThan(0);
    expect(account.permitted_form).toEqual(role.body.data.form_section_read_write);
  });
});

describe('PATCH /api/v2/users/me', () => {
  it('changes the locale, and nothing an admin decides', async () => {
    const token = await t.login('cw2_gh');
    const res = await patchMe(token, { locale: 'fr' });
    expect(res.status).toBe(200);
    expect((await me(token)).body.data.locale).toBe('fr');
    const role = await patchMe(token, { role_unique_id: 'role-admin' });
    expect(role.status).toBe(422);
    expect(role.body.errors[0]).toMatchObject({ status: 422, detail: 'role_unique_id' });
    expect((await patchMe(token, { locale: 'french' })).body.errors[0].detail).toBe('locale');
  });

  it('changes the password only with the current one, and ends the sessions opened before', async () => {
    const earlier = await t.login('cw_ke');
    t.clock.advance(2000);
    const token = await t.login('cw_ke');
    const fresh = 'a new long passphrase 42';
    const missing = await patchMe(token, { password: fresh });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]).toMatchObject({ detail: 'current_password' });
    const wrong = await patchMe(token, { password: fresh, current_password: 'not my password at all' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ detail: 'current_password' });
    expect((await me(token)).status).toBe(200); // refused changes end nothing

    const changed = await patchMe(token, { password: fresh, current_password: PASSWORD });
    expect(changed.status).toBe(200);
    expect((await me(token)).status).toBe(401);
    expect((await me(earlier)).status).toBe(401);
    expect((await signIn('cw_ke', PASSWORD)).status).toBe(401);
    const again = await signIn('cw_ke', fresh);
    expect(again.status).toBe(200);
    expect((await me(again.body.token)).status).toBe(200);
  });
});
