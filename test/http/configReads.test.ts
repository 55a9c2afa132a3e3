import { startTestApp, type TestApp } from '../support/testApp';

// Lookups, locations and system settings: read by every signed-in user; changed by admins only.
let t: TestApp;
let cw: string;
let admin: string;
let cwKe: string;
beforeAll(async () => {
  t = await startTestApp();
  [cw, admin, cwKe] = await Promise.all([t.login('cw_gh'), t.login('admin_gh'), t.login('cw_ke')]);
});
afterAll(() => t.close());
const get = (path: string, token = cw) => t.call('GET', `/api/v2${path}`, { token });

describe('configuration reads', () => {
  it('a caseworker lists lookups in Primero shape; per above the maximum is clamped', async () => {
    const res = await get('/lookups?per=10000');
    expect(res.status).toBe(200);
    expect(res.body.metadata).toMatchObject({ per: 1000, page: 1 });
    expect(res.body.metadata.total).toBe(res.body.data.length);
    const gender = res.body.data.find((l: { unique_id: string }) => l.unique_id === 'lookup-gender');
    expect(gender).toMatchObject({
      id: 'lookup-gender',
      name: { en: 'Sex', fr: 'Sexe' },
      values: expect.arrayContaining([{ id: 'female', display_text: { en: 'Female', fr: 'Féminin' } }]),
    });
    expect((await get('/lookups/lookup-risk-level')).body.data.values).toHaveLength(3);
    expect((await get('/lookups?colour=red')).status).toBe(400);
    expect((await get('/lookups?per=0')).status).toBe(400);
  });

  it('a caseworker reads the location tree; hierarchy=true adds level, placename and the path', async () => {
    const flat = await get('/locations?per=999');
    expect(flat.status).toBe(200);
    const accra = flat.body.data.find((l: { code: string }) => l.code === 'GH0101');
    expect(accra).toMatchObject({
      code: 'GH0101',
      type: 'district',
      disabled: false,
      name: { en: 'Accra Metropolitan' },
    });
    expect(accra).not.toHaveProperty('hierarchy');
    const tree = await get('/locations?hierarchy=true&per=999');
    expect(tree.body.data.find((l: { code: string }) => l.code === 'GH0101')).toMatchObject({
      admin_level: 2,
      placename: { en: 'Accra Metropolitan', fr: 'Accra Métropole' },
      hierarchy: ['GH', 'GH01', 'GH0101'],
    });
    const ke = await get('/locations?hierarchy=true', cwKe);
    expect(ke.body.data.map((l: { code: string }) => l.code)).toContain('KE0102');
    expect(ke.body.data.find((l: { code: string }) => l.code === 'KE01').name).toEqual({
      en: 'Nairobi',
      ar: 'نيروبي',
    });
    expect((await get('/locations?hierarchy=maybe')).status).toBe(400);
  });

  it('system settings name the locales, the right-to-left ones and each module’s forms', async () => {
    const res = await get('/system_settings', cwKe);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      locales: ['en', 'ar'],
      default_locale: 'en',
      rtl_locales: ['ar', 'fa', 'ku', 'ur'],
    });
    const cp = res.body.data.primero_modules.find(
      (m: { unique_id: string }) => m.unique_id === 'primeromodule-cp',
    );
    expect(cp.form_section_unique_ids).toContain('basic_identity');
  });
});

describe('configuration changes', () => {
  it('are refused to a caseworker', async () => {
    const lookup = { unique_id: 'lookup-x', name: 'X', values: [{ id: 'a', display_text: 'A' }] };
    expect((await t.call('POST', '/api/v2/lookups', { token: cw, body: { data: lookup } })).status).toBe(403);
    expect(
      (await t.call('PATCH', '/api/v2/locations/GH01', { token: cw, body: { data: { disabled: true } } }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.call('PATCH', '/api/v2/forms/basic_identity', {
          token: cw,
          body: { data: { visible: false } },
        })
      ).status,
    ).toBe(403);
  });

  it('an admin edit of a form publishes a new version that clients see in metadata, and is audited', async () => {
    const before = (await get('/forms')).body.metadata.version as number;
    const res = await t.call('PATCH', '/api/v2/forms/basic_identity', {
      token: admin,
      body: { data: { name: { en: 'Identity', fr: 'Identité' } } },
    });
    expect(res.status).toBe(200);
    expect(res.body.metadata.version).toBe(before + 1);
    const after = await get('/forms');
    expect(after.body.metadata.version).toBe(before + 1);
    expect(after.body.data.find((f: { id: string }) => f.id === 'basic_identity').name.en).toBe('Identity');
    // A change that breaks the set (a lookup that does not exist) is refused and publishes nothing.
    const broken = await t.call('PATCH', '/api/v2/forms/basic_identity', {
      token: admin,
      body: {
        data: {
          fields: [
            {
              name: 'x',
              type: 'select_box',
              display_name: { en: 'X' },
              option_strings_source: 'lookup lookup-nope',
            },
          ],
        },
      },
    });
    expect(broken.status).toBe(422);
    expect((await get('/forms')).body.metadata.version).toBe(before + 1);
    expect(
      (await t.call('PATCH', '/api/v2/forms/nope', { token: admin, body: { data: { visible: false } } }))
        .status,
    ).toBe(404);
    const logs = await t.call(
      'GET',
      '/api/v2/audit_logs?audit_log_actions[]=admin_update&record_type[]=form',
      { token: admin },
    );
    expect(logs.body.data[0]).toMatchObject({
      user_name: 'admin_gh',
      details: { fields: 'name', version: String(before + 1) },
    });
  });
});
