import { startTestApp, type TestApp } from '../support/testApp';

// The administration of what the forms are made of: forms, lookups, locations. Every change is checked
// with the whole set, publishes a new configuration version and leaves an audit entry saying what changed.
let t: TestApp;
let admin: string;
let cw: string;
beforeAll(async () => {
  t = await startTestApp();
  [admin, cw] = await Promise.all([t.login('admin_gh'), t.login('cw_gh')]);
});
afterAll(() => t.close());

const call = (method: string, path: string, data?: unknown, token = admin) =>
  t.call(method, `/api/v2${path}`, { token, ...(data === undefined ? {} : { body: { data } }) });
const version = async () => (await call('GET', '/forms')).body.metadata.version as number;
const auditDetails = async (action: string, recordType: string) => {
  const res = await call('GET', `/audit_logs?audit_log_actions[]=${action}&record_type[]=${recordType}`);
  return res.body.data[0] as { record_id: string; details: Record<string, string> };
};

const shelterLookup = {
  unique_id: 'lookup-shelter-type',
  name: { en: 'Shelter type', fr: "Type d'abri" },
  values: [
    { id: 'tent', display_text: { en: 'Tent', fr: 'Tente' } },
    { id: 'host_family', display_text: { en: 'Host family', fr: "Famille d'accueil" } },
  ],
};
const shelterForm = {
  unique_id: 'shelter',
  parent_form: 'case',
  module_ids: ['primeromodule-cp'],
  name: { en: 'Shelter', fr: 'Abri' },
  order: 40,
  fields: [
    {
      name: 'shelter_type',
      type: 'select_box',
      display_name: { en: 'Shelter type', fr: "Type d'abri" },
      option_strings_source: 'lookup lookup-shelter-type',
      protection: 'sealed_categorical',
    },
  ],
};

describe('forms and lookups, changed by an admin', () => {
  it('a new lookup and a form using it each publish a version; both show in Primero’s shape', async () => {
    const v0 = await version();
    const lookup = await call('POST', '/lookups', shelterLookup);
    expect(lookup.status).toBe(200);
    expect(lookup.body.metadata.version).toBe(v0 + 1);
    expect(lookup.body.data).toMatchObject({ id: 'lookup-shelter-type', name: { en: 'Shelter type' } });
    const form = await call('POST', '/forms', shelterForm);
    expect(form.status).toBe(200);
    expect(form.body.metadata.version).toBe(v0 + 2);
    expect((await call('GET', '/forms/shelter')).body.data).toMatchObject({
      id: 'shelter',
      name: { en: 'Shelter', fr: 'Abri' },
      fields: [{ name: 'shelter_type', option_strings_source: 'lookup lookup-shelter-type' }],
    });
    expect(await auditDetails('admin_create', 'form')).toMatchObject({
      record_id: 'shelter',
      details: { form: 'shelter', version: String(v0 + 2) },
    });
    // A caseworker's role does not list the new form: it stays invisible until a role grants it.
    expect((await call('GET', '/forms/shelter', undefined, cw)).status).toBe(404);
  });

  it('a form that exists, or that names a lookup nobody made, is refused and publishes nothing', async () => {
    const v = await version();
    expect((await call('POST', '/forms', shelterForm)).status).toBe(409);
    const broken = await call('POST', '/forms', {
      ...shelterForm,
      unique_id: 'shelter_two',
      fields: [
        { ...shelterForm.fields[0], name: 'shelter_two_type', option_strings_source: 'lookup lookup-nope' },
      ],
    });
    expect(broken.status).toBe(422);
    expect(broken.body.errors[0]).toMatchObject({
      detail: 'shelter_two.shelter_two_type',
      message: 'lookup lookup-nope does not exist',
    });
    expect((await call('POST', '/forms', { unique_id: 'Bad Id' })).status).toBe(422);
    // A field the server sets may be shown, not offered for input: no one could ever save it.
    const owned = { type: 'text_field', display_name: { en: 'Owner' } };
    const offering = await call('POST', '/forms', {
      ...shelterForm,
      unique_id: 'shelter_owner',
      fields: [{ ...owned, name: 'owned_by' }],
    });
    expect(offering.status).toBe(422);
    expect(offering.body.errors[0]).toMatchObject({ detail: 'shelter_owner.owned_by' });
    expect(await version()).toBe(v);
    const showing = await call('POST', '/forms', {
      ...shelterForm,
      unique_id: 'shelter_owner',
      fields: [{ ...owned, name: 'owned_by', editable: false }],
    });
    expect(showing.status).toBe(200);
  });

  it('a lookup a form uses cannot be deleted; a default (locked) one neither; nothing changes', async () => {
    const v = await version();
    const used = await call('DELETE', '/lookups/lookup-shelter-type');
    expect(used.status).toBe(422);
    expect(used.body.errors[0]).toMatchObject({ detail: 'shelter.shelter_type' });
    const locked = await call('DELETE', '/lookups/lookup-gender');
    expect(locked.status).toBe(422);
    expect(locked.body.errors[0].message).toMatch(/locked/);
    expect((await call('GET', '/lookups/lookup-shelter-type')).status).toBe(200);
    expect((await call('DELETE', '/lookups/lookup-nope')).status).toBe(404);
    expect(await version()).toBe(v);
  });

  it('an edited lookup bumps the version, so offline clients refresh their option lists', async () => {
    const v = await version();
    const res = await call('PATCH', '/lookups/lookup-shelter-type', {
      values: [...shelterLookup.values, { id: 'collective', display_text: { en: 'Collective centre' } }],
    });
    expect(res.status).toBe(200);
    expect(res.body.metadata.version).toBe(v + 1);
    expect(res.body.data.values).toHaveLength(3);
    expect(await auditDetails('admin_update', 'lookup')).toMatchObject({
      record_id: 'lookup-shelter-type',
      details: { fields: 'values', version: String(v + 1) },
    });
  });

  it('a core form cannot be deleted; another can, and then its lookup can go too', async () => {
    const core = await call('DELETE', '/forms/basic_identity');
    expect(core.status).toBe(409);
    expect(core.body.errors[0].message).toBe(
      'Form basic_identity is a core form: it cannot be deleted (hide it with visible: false instead)',
    );
    const v = await version();
    const res = await call('DELETE', '/forms/shelter');
    expect(res.status).toBe(200);
    expect(res.body.metadata.version).toBe(v + 1);
    expect((await call('GET', '/forms/shelter')).status).toBe(404);
    expect((await call('DELETE', '/forms/shelter')).status).toBe(404);
    const lookup = await call('DELETE', '/lookups/lookup-shelter-type');
    expect(lookup.status).toBe(200);
    expect(lookup.body.metadata.version).toBe(v + 2);
    expect((await call('GET', '/lookups/lookup-shelter-type')).status).toBe(404);
    expect(await auditDetails('admin_delete', 'lookup')).toMatchObject({
      record_id: 'lookup-shelter-type',
      details: { version: String(v + 2) },
    });
  });

  it('deleting a form takes its own nested sections with it; a nested section still in use stays', async () => {
    expect((await call('DELETE', '/forms/followup_subform_section')).status).toBe(422);
    const res = await call('DELETE', '/forms/followup');
    expect(res.status).toBe(200);
    const ids = (await call('GET', '/forms')).body.data.map((f: { id: string }) => f.id);
    expect(ids).not.toContain('followup');
    expect(ids).not.toContain('followup_subform_section');
    expect(await auditDetails('admin_delete', 'form')).toMatchObject({
      details: { removed: 'followup,followup_subform_section' },
    });
  });

  it('taking a field out of a form leaves the value records stored for it', async () => {
    const created = await call('POST', '/cases', { name: 'Amina', location_current: 'GH0101' }, cw);
    expect(created.status).toBe(200);
    const identity = (await call('GET', '/forms/basic_identity')).body.data;
    const fields = identity.fields.filter((f: { name: string }) => f.name !== 'location_current');
    expect((await call('PATCH', '/forms/basic_identity', { fields })).status).toBe(200);
    const read = await call('GET', `/cases/${created.body.data.id}`);
    expect(read.body.data.location_current).toBe('GH0101');
  });

  it('is refused to a caseworker', async () => {
    expect((await call('POST', '/forms', shelterForm, cw)).status).toBe(403);
    expect((await call('DELETE', '/forms/case_plan', undefined, cw)).status).toBe(403);
    expect((await call('DELETE', '/lookups/lookup-risk-level', undefined, cw)).status).toBe(403);
    expect((await call('DELETE', '/locations/GH0102', undefined, cw)).status).toBe(403);
  });
});

describe('locations, changed by an admin', () => {
  it('a place with places under it stays; a leaf goes, and the version moves', async () => {
    const parent = await call('DELETE', '/locations/GH01');
    expect(parent.status).toBe(422);
    expect(parent.body.errors[0].message).toBe(
      'has 2 locations under it (GH0101, GH0102): delete or move them first',
    );
    const v = await version();
    const leaf = await call('DELETE', '/locations/GH0102');
    expect(leaf.status).toBe(200);
    expect(leaf.body.metadata.version).toBe(v + 1);
    expect((await call('GET', '/locations/GH0102')).status).toBe(404);
  });

  it('a tree of any depth: a village under a district is level 3 with its whole path', async () => {
    const village = {
      code: 'GH010101',
      name: { en: 'Osu' },
      type: 'village',
      admin_level: 3,
      parent_code: 'GH0101',
    };
    const res = await call('POST', '/locations', village);
    expect(res.status).toBe(200);
    const tree = await call('GET', '/locations/GH010101');
    expect(tree.body.data).toMatchObject({ admin_level: 3, hierarchy: ['GH', 'GH01', 'GH0101', 'GH010101'] });
  });
});
