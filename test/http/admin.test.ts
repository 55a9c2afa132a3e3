import { startTestApp, type TestApp } from '../support/testApp';

// Administration of one country: users, roles, user groups, agencies, lookups, locations, forms.
let t: TestApp;
let admin: string;
let cw: string;
beforeAll(async () => {
  t = await startTestApp();
  [admin, cw] = await Promise.all([t.login('admin_gh'), t.login('cw_gh')]);
});
afterAll(() => t.close());

const call = (method: string, path: string, data?: Record<string, unknown>, as = admin, headers = {}) =>
  t.call(method, `/api/v2${path}`, { token: as, headers, ...(data ? { body: { data } } : {}) });
const newUser = (userName: string, extra: Record<string, unknown> = {}) => ({
  user_name: userName,
  full_name: 'New Caseworker',
  email: `${userName}@example.org`,
  password: 'a-long-enough-passphrase',
  role_unique_id: 'role-cp-caseworker',
  user_group_unique_ids: ['usergroup-cp-accra'],
  agency_unique_id: 'agency-unicef',
  ...extra,
});

describe('users', () => {
  it('lists the accounts of the admin country only, without secrets', async () => {
    const res = await call('GET', '/users?per=100');
    expect(res.status).toBe(200);
    const names = res.body.data.map((u: { user_name: string }) => u.user_name);
    expect(names).toEqual(expect.arrayContaining(['admin_gh', 'cw_gh', 'regional']));
    expect(names).not.toContain('cw_ke');
    expect(res.body.metadata.total).toBe(names.length);
    const text = JSON.stringify(res.body);
    for (const secret of ['password_hash', 'totp_secret', '$argon2']) expect(text).not.toContain(secret);
    expect(res.body.data.find((u: { user_name: string }) => u.user_name === 'admin_gh').totp_enabled).toBe(
      true,
    );
    expect((await call('GET', '/users', undefined, cw)).status).toBe(403);
    expect((await call('GET', '/users/user-cw_ke')).status).toBe(404);
  });

  it('creates an account that can sign in, with its references checked', async () => {
    const created = await call('POST', '/users', newUser('cw3_gh'));
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({ id: 'user-cw3_gh', country_codes: ['GH'], disabled: false });
    const signIn = await t.call('POST', '/api/v2/tokens', {
      body: { user: { user_name: 'cw3_gh', password: 'a-long-enough-passphrase' } },
    });
    expect(signIn.status).toBe(200);

    expect((await call('POST', '/users', newUser('cw3_gh'))).status).toBe(409);
    const bad = await call(
      'POST',
      '/users',
      newUser('cw4_gh', {
        password: 'short',
        role_unique_id: 'role-nope',
        agency_unique_id: 'agency-unicef',
      }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { detail: string }) => e.detail)).toEqual(['password']);
    const refs = await call(
      'POST',
      '/users',
      newUser('cw4_gh', { role_unique_id: 'role-nope', user_group_unique_ids: ['x'] }),
    );
    expect(refs.status).toBe(422);
    expect(refs.body.errors.map((e: { detail: string }) => e.detail).sort()).toEqual([
      'role_unique_id',
      'user_group_unique_ids',
    ]);
    expect(
      (await call('POST', '/users', newUser('cw5_gh', { password: 'cw5_gh-is-my-password' }))).status,
    ).toBe(422);
    expect((await call('POST', '/users', newUser('cw6_gh', { country_codes: ['KE'] }))).status).toBe(422);
    expect((await call('POST', '/users', newUser('cw7_gh'), cw)).status).toBe(403);
  });

  it('changes an account: disabling signs it out, a stale ETag is refused', async () => {
    await call('POST', '/users', newUser('leaver_gh'));
    const token = (
      await t.call('POST', '/api/v2/tokens', {
        body: { user: { user_name: 'leaver_gh', password: 'a-long-enough-passphrase' } },
      })
    ).body.token;
    expect((await t.call('GET', '/api/v2/cases', { token })).status).toBe(200);
    const read = await call('GET', '/users/user-leaver_gh');
    const etag = read.headers.get('etag') as string;
    const renamed = await call('PATCH', '/users/user-leaver_gh', { full_name: 'Leaving Soon' }, admin, {
      'If-Match': etag,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data.full_name).toBe('Leaving Soon');
    expect(
      (await call('PATCH', '/users/user-leaver_gh', { disabled: true }, admin, { 'If-Match': etag })).status,
    ).toBe(412);
    expect((await call('PATCH', '/users/user-leaver_gh', { disabled: true })).body.data.disabled).toBe(true);
    const refused = await t.call('GET', '/api/v2/cases', { token });
    expect(refused.status).toBe(401);
    // The session's holder hears why, so the web app can wipe the device.
    expect(refused.body.errors[0].detail).toBe('account_disabled');
    // Enabled again (the person is back), the lost phone's session stays ended; a new sign-in works.
    expect((await call('PATCH', '/users/user-leaver_gh', { disabled: false })).body.data.disabled).toBe(
      false,
    );
    const revived = await t.call('GET', '/api/v2/cases', { token });
    expect(revived.status).toBe(401);
    expect(revived.body.errors[0].detail).not.toBe('account_disabled');
    const again = (
      await t.call('POST', '/api/v2/tokens', {
        body: { user: { user_name: 'leaver_gh', password: 'a-long-enough-passphrase' } },
      })
    ).body.token;
    expect((await t.call('GET', '/api/v2/cases', { token: again })).status).toBe(200);
  });

  it('refuses to disable oneself, to change shared or foreign accounts, and unknown fields', async () => {
    expect((await call('PATCH', '/users/user-admin_gh', { disabled: true })).status).toBe(422);
    const shared = await call('PATCH', '/users/user-regional', { full_name: 'x' });
    expect(shared.status).toBe(403);
    expect(shared.body.errors[0].message).toContain('also works in KE');
    expect((await call('PATCH', '/users/user-cw_ke', { full_name: 'x' })).status).toBe(404);
    expect((await call('PATCH', '/users/user-cw_gh', { password_hash: 'x' })).status).toBe(422);
    expect((await call('PATCH', '/users/user-cw_gh', { agency_unique_id: 'agency-elsewhere' })).status).toBe(
      422,
    );
  });

  it('a password reset lets the user in with the new one only, and ends the sessions opened before', async () => {
    await call('POST', '/users', newUser('reset_gh'));
    const before = (
      await t.call('POST', '/api/v2/tokens', {
        body: { user: { user_name: 'reset_gh', password: 'a-long-enough-passphrase' } },
      })
    ).body.token as string;
    t.clock.advance(1); // in the same second as that sign-in, a millisecond after it
    const reset = await call('PATCH', '/users/user-reset_gh', { password: 'another-long-passphrase' });
    expect(reset.status).toBe(200);
    const signIn = (password: string) =>
      t.call('POST', '/api/v2/tokens', { body: { user: { user_name: 'reset_gh', password } } });
    expect((await signIn('a-long-enough-passphrase')).status).toBe(401);
    const after = (await signIn('another-long-passphrase')).body.token as string;
    expect((await t.call('GET', '/api/v2/cases', { token: before })).status).toBe(401);
    expect((await t.call('GET', '/api/v2/cases', { token: after })).status).toBe(200);
  });
});

describe('roles, groups, agencies', () => {
  it('creates and changes a role; permissions are checked against the catalog', async () => {
    const permissions = await call('GET', '/permissions');
    expect(permissions.status).toBe(200);
    expect(permissions.body.data).toContainEqual({
      resource: 'incidents',
      actions: expect.arrayContaining(['read', 'create']),
    });
    // Only actions something honours: there is no export.
    const cases = permissions.body.data.find((p: { resource: string }) => p.resource === 'cases');
    expect(cases.actions).not.toContain('export');
    const role = {
      unique_id: 'role-cp-reader',
      name: 'CP reader',
      group_permission: 'agency',
      permissions: [{ resource: 'cases', actions: ['read'] }],
      module_unique_ids: ['primeromodule-cp'],
      require_2fa: false,
    };
    expect((await call('POST', '/roles', role)).status).toBe(200);
    expect((await call('POST', '/roles', role)).status).toBe(409);
    const bad = await call('POST', '/roles', {
      ...role,
      unique_id: 'role-bad',
      permissions: [
        { resource: 'cases', actions: ['fly', 'export'] },
        { resource: 'nukes', actions: ['read'] },
        // Names every object has: no resource either (they answered 500).
        { resource: 'toString', actions: ['read'] },
        { resource: '__proto__', actions: ['read'] },
      ],
    });
    expect(bad.status).toBe(422);
    const said = bad.body.errors.map((e: { detail: string; message: string }) => [e.detail, e.message]);
    expect(said.map(([detail]: string[]) => detail)).toEqual([
      'permissions[0].actions[0]',
      'permissions[0].actions[1]',
      'permissions[1].resource',
      'permissions[2].resource',
      'permissions[3].resource',
    ]);
    expect(said[0][1]).toMatch(/^is not an action of cases \(read, .*\)$/);
    expect(said[2][1]).toMatch(/^is not a resource of GET \/api\/v2\/permissions \(cases, .*\)$/);
    // What was sent is not repeated.
    expect(JSON.stringify(said)).not.toMatch(/fly|export|nukes|toString|__proto__/);
    const changed = await call('PATCH', '/roles/role-cp-reader', { group_permission: 'all' });
    expect(changed.body.data).toMatchObject({
      unique_id: 'role-cp-reader',
      group_permission: 'all',
      name: 'CP reader',
    });
    expect((await call('PATCH', '/roles/role-cp-reader', { unique_id: 'other' })).status).toBe(422);
    expect((await call('GET', '/roles/role-cp-reader')).body.data.country_code).toBe('GH');
    expect((await call('GET', '/roles', undefined, cw)).status).toBe(403);
  });

  it('moves a user to a new group: the group supervisor sees their cases, the old one no longer', async () => {
    expect(
      (await call('POST', '/user_groups', { unique_id: 'usergroup-cp-tamale', name: 'CP Tamale' })).status,
    ).toBe(200);
    await call('POST', '/users', newUser('mover_gh'));
    const token = (
      await t.call('POST', '/api/v2/tokens', {
        body: { user: { user_name: 'mover_gh', password: 'a-long-enough-passphrase' } },
      })
    ).body.token;
    const caseId = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Mover Case' } } }))
      .body.data.id;
    const sup = await t.login('sup_gh');
    expect((await t.call('GET', `/api/v2/cases/${caseId}`, { token: sup })).status).toBe(200);
    await call('PATCH', '/users/user-mover_gh', { user_group_unique_ids: ['usergroup-cp-tamale'] });
    // The case keeps the groups its owner had when it was registered (Primero's owned_by_groups).
    expect((await t.call('GET', `/api/v2/cases/${caseId}`, { token: sup })).status).toBe(200);
    const later = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'After Move' } } }))
      .body.data;
    expect(later.owned_by_groups).toEqual(['usergroup-cp-tamale']);
    expect((await t.call('GET', `/api/v2/cases/${later.id}`, { token: sup })).status).toBe(404);
  });

  it('agencies: create, read, change', async () => {
    const created = await call('POST', '/agencies', {
      unique_id: 'agency-ngo-b',
      agency_code: 'NGO-B',
      name: 'NGO B',
    });
    expect(created.status).toBe(200);
    const changed = await call('PATCH', '/agencies/agency-ngo-b', { name: 'NGO Bravo' });
    expect(changed.body.data).toMatchObject({ agency_code: 'NGO-B', name: 'NGO Bravo' });
    expect(
      (await call('GET', '/agencies?per=100')).body.data.map((a: { unique_id: string }) => a.unique_id),
    ).toContain('agency-ngo-b');
    expect((await call('POST', '/agencies', { unique_id: 'a/b', agency_code: 'X', name: 'x' })).status).toBe(
      422,
    );
  });
});

describe('lookups, locations, forms', () => {
  it('lookups keep unique value ids', async () => {
    const lookup = {
      unique_id: 'lookup-displacement',
      name: 'Displacement status',
      values: [
        { id: 'idp', display_text: 'Internally displaced' },
        { id: 'refugee', display_text: 'Refugee' },
      ],
    };
    expect((await call('POST', '/lookups', lookup)).status).toBe(200);
    const dup = await call('PATCH', '/lookups/lookup-displacement', {
      values: [
        { id: 'idp', display_text: 'A' },
        { id: 'idp', display_text: 'B' },
      ],
    });
    expect(dup.status).toBe(422);
  });

  it('locations need an existing parent and no cycles', async () => {
    expect(
      (await call('POST', '/locations', { code: 'GHX', name: 'Ghana', type: 'country', admin_level: 0 }))
        .status,
    ).toBe(200);
    const region = {
      code: 'GH-AA',
      name: 'Greater Accra',
      type: 'region',
      admin_level: 1,
      parent_code: 'GHX',
    };
    expect((await call('POST', '/locations', region)).status).toBe(200);
    const orphan = await call('POST', '/locations', { ...region, code: 'GH-XX', parent_code: 'NOWHERE' });
    expect(orphan.status).toBe(422);
    const cycle = await call('PATCH', '/locations/GHX', { parent_code: 'GH-AA' });
    expect(cycle.status).toBe(422);
    expect(cycle.body.errors[0].message).toBe('would make the location its own ancestor');
  });

  it('a custom field declared on a form is accepted on records; a built-in name is refused', async () => {
    const before = await t.call('POST', '/api/v2/tracing_requests', {
      token: cw,
      body: { data: { shelter_name: 'Camp 3' } },
    });
    expect(before.status).toBe(422);
    const form = await call('PATCH', '/forms/tracing_request', {
      fields: [{ name: 'shelter_name', type: 'string' }],
    });
    expect(form.status).toBe(200);
    const after = await t.call('POST', '/api/v2/tracing_requests', {
      token: cw,
      body: { data: { shelter_name: 'Camp 3' } },
    });
    expect(after.status).toBe(200);
    expect(after.body.data.shelter_name).toBe('Camp 3');
    expect(form.body.data).toEqual({
      record_type: 'tracing_request',
      fields: [{ name: 'shelter_name', type: 'string' }],
    });
    expect((await call('PATCH', '/forms/case', { fields: [{ name: 'name', type: 'string' }] })).status).toBe(
      422,
    );
    expect((await call('PATCH', '/forms/unicorn', { fields: [] })).status).toBe(404);
    expect((await call('PATCH', '/forms/case', { fields: [] }, cw)).status).toBe(403);
  });

  it('every change is in the audit log with the fields it changed, not their values', async () => {
    const logs = await call('GET', '/audit_logs?audit_log_actions[]=admin_update&record_type[]=user&per=100');
    expect(logs.status).toBe(200);
    const reset = logs.body.data.find((e: { record_id: string }) => e.record_id === 'user-reset_gh');
    expect(reset).toMatchObject({ user_name: 'admin_gh', details: { fields: 'password' } });
    expect(JSON.stringify(logs.body)).not.toContain('another-long-passphrase');
  });
});
