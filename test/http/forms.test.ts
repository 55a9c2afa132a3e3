import { startTestApp, type TestApp } from '../support/testApp';

// GET /forms: every signed-in user reads the forms their role may read, in Primero's shape.
let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const user of ['cw_gh', 'sup_gh', 'gbv_gh', 'admin_gh', 'cw_ke']) tokens[user] = await t.login(user);
});
afterAll(() => t.close());

interface FormOut {
  id: string;
  unique_id: string;
  parent_form: string;
  module_ids: string[];
  name: Record<string, string>;
  is_nested: boolean;
  fields: { name: string; type: string; display_name: Record<string, string>; protection: string }[];
}
const forms = async (user: string, query = '') => {
  const res = await t.call('GET', `/api/v2/forms${query}`, { token: tokens[user] });
  expect(res.status).toBe(200);
  return res.body as { data: FormOut[]; metadata: Record<string, unknown> };
};
const ids = (list: FormOut[]) => list.map((f) => f.unique_id);

describe('GET /api/v2/forms', () => {
  it("gives a CP caseworker their module's forms that the role may read, with every locale", async () => {
    const { data, metadata } = await forms('cw_gh');
    expect(ids(data)).toEqual(
      expect.arrayContaining(['basic_identity', 'case_plan', 'followup_subform_section']),
    );
    expect(ids(data)).not.toContain('psychosocial_assessment');
    expect(ids(data)).not.toContain('gbv_survivor_information');
    expect(metadata).toMatchObject({ version: 1, locales: ['en', 'fr'], default_locale: 'en' });

    const identity = data.find((f) => f.unique_id === 'basic_identity') as FormOut;
    expect(identity).toMatchObject({
      id: 'basic_identity',
      parent_form: 'case',
      module_ids: ['primeromodule-cp'],
      name: { en: 'Basic identity', fr: 'Identité' },
      is_nested: false,
    });
    const sex = identity.fields.find((f) => f.name === 'sex');
    expect(sex).toMatchObject({
      type: 'select_box',
      option_strings_source: 'lookup lookup-gender',
      display_name: { en: 'Sex', fr: 'Sexe' },
      protection: 'sealed_categorical',
    });
    // Only the country's locales go out (GH has no Arabic).
    expect(Object.keys(sex?.display_name ?? {})).toEqual(['en', 'fr']);
    // Every field of the fixed case schema has a home in the forms, so today's records stay valid.
    const names = new Set(
      data.filter((f) => f.parent_form === 'case').flatMap((f) => f.fields.map((x) => x.name)),
    );
    for (const key of [
      'name',
      'age',
      'date_of_birth',
      'protection_concerns',
      'risk_level',
      'consent_for_services',
      'followup_subform_section',
      'services_section',
      'service_response_timeframe',
      'date_closure',
    ])
      expect(names).toContain(key);
  });

  it('shows a supervisor and an admin more than a caseworker; an admin sees every module', async () => {
    const [cw, sup, admin] = await Promise.all([forms('cw_gh'), forms('sup_gh'), forms('admin_gh')]);
    expect(ids(sup.data)).toEqual(
      expect.arrayContaining([...ids(cw.data), 'psychosocial_assessment', 'case_supervision']),
    );
    expect(sup.data.length).toBeGreaterThan(cw.data.length);
    expect(ids(admin.data)).toEqual(expect.arrayContaining([...ids(sup.data), 'gbv_survivor_information']));
  });

  it("gives the GBV caseworker the GBV module's forms and not the CP ones", async () => {
    const { data } = await forms('gbv_gh');
    expect(ids(data)).toEqual(
      expect.arrayContaining([
        'gbv_survivor_information',
        'gbv_consent',
        'gbv_action_plan',
        'gbv_closure',
        'incident_details',
      ]),
    );
    expect(ids(data)).not.toContain('basic_identity');
    expect(data.every((f) => f.module_ids.includes('primeromodule-gbv'))).toBe(true);
  });

  it('carries Arabic for KE, filters by record type, and refuses an unknown parameter', async () => {
    const ke = await forms('cw_ke', '?record_type=incident');
    expect(ke.metadata.locales).toEqual(['en', 'ar']);
    expect(ke.data.map((f) => f.parent_form)).toEqual(expect.arrayContaining(['incident']));
    expect(new Set(ke.data.map((f) => f.parent_form))).toEqual(new Set(['incident']));
    expect(ke.data[0]?.name.ar).toBe('تفاصيل الحادثة');
    const bad = await t.call('GET', '/api/v2/forms?record_type=unicorn', { token: tokens.cw_gh });
    expect(bad.status).toBe(400);
    expect((await t.call('GET', '/api/v2/forms?colour=red', { token: tokens.cw_gh })).status).toBe(400);
    expect((await t.call('GET', '/api/v2/forms')).status).toBe(401);
  });

  it('reads one form by id; a form the role may not read is not found', async () => {
    const one = await t.call('GET', '/api/v2/forms/case_plan', { token: tokens.cw_gh });
    expect(one.status).toBe(200);
    expect(one.body.data.fields.map((f: { name: string }) => f.name)).toContain('date_case_plan');
    expect(
      (await t.call('GET', '/api/v2/forms/psychosocial_assessment', { token: tokens.cw_gh })).status,
    ).toBe(404);
    expect(
      (await t.call('GET', '/api/v2/forms/psychosocial_assessment', { token: tokens.sup_gh })).status,
    ).toBe(200);
  });
});
