import { startTestApp, type TestApp } from '../support/testApp';

// Records are validated by the published forms: what an admin configures is what a caseworker may write.
let t: TestApp;
let admin: string;
let cw: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin_gh');
  cw = await t.login('cw_gh');
});
afterAll(() => t.close());

interface Field {
  name: string;
  [key: string]: unknown;
}
const basicIdentityFields = async (): Promise<Field[]> => {
  const res = await t.call('GET', '/api/v2/forms/basic_identity', { token: admin });
  expect(res.status).toBe(200);
  return res.body.data.fields as Field[];
};
const publishFields = async (fields: Field[]) => {
  const res = await t.call('PATCH', '/api/v2/forms/basic_identity', {
    token: admin,
    body: { data: { fields } },
  });
  expect(res.status).toBe(200);
  return res.body.metadata.version as number;
};
const createCase = (data: Record<string, unknown>, token = cw) =>
  t.call('POST', '/api/v2/cases', { token, body: { data } });

describe('a select field an admin adds with a new lookup', () => {
  let caseId: string;

  it('takes one of its options from a caseworker, and refuses a value not in the lookup, naming the field', async () => {
    const lookup = await t.call('POST', '/api/v2/lookups', {
      token: admin,
      body: {
        data: {
          unique_id: 'lookup-school-transport',
          name: { en: 'Transport to school', fr: "Transport vers l'école" },
          values: [
            { id: 'walk', display_text: 'Walks' },
            { id: 'bus', display_text: 'School bus' },
          ],
        },
      },
    });
    expect(lookup.status).toBe(200);
    // Before the field exists, the value is refused like any unknown field.
    const early = await createCase({ name: 'Transport Child', school_transport: 'bus' });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([
      expect.objectContaining({ detail: 'school_transport', message: 'is not a field of this form' }),
    ]);

    const fields = await basicIdentityFields();
    await publishFields([
      ...fields,
      {
        name: 'school_transport',
        type: 'select_box',
        display_name: { en: 'Transport to school', fr: "Transport vers l'école" },
        option_strings_source: 'lookup lookup-school-transport',
      },
    ]);

    const created = await createCase({ name: 'Transport Child', school_transport: 'bus' });
    expect(created.status).toBe(200);
    expect(created.body.data.school_transport).toBe('bus');
    caseId = created.body.data.id;

    const wrong = await createCase({ name: 'Transport Child', school_transport: 'taxi' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([
      {
        status: 422,
        resource: '/api/v2/cases',
        detail: 'school_transport',
        message: 'is not one of the options',
      },
    ]);
    const patch = await t.call('PATCH', `/api/v2/cases/${caseId}`, {
      token: cw,
      body: { data: { school_transport: 'Bus' } },
    });
    expect(patch.status).toBe(422);
    expect(patch.body.errors[0]).toMatchObject({ detail: 'school_transport' });
  });

  it('takes an option added to the lookup later, on the next write', async () => {
    const changed = await t.call('PATCH', '/api/v2/lookups/lookup-school-transport', {
      token: admin,
      body: {
        data: {
          values: [
            { id: 'walk', display_text: 'Walks' },
            { id: 'bus', display_text: 'School bus' },
            { id: 'bicycle', display_text: 'Bicycle' },
          ],
        },
      },
    });
    expect(changed.status).toBe(200);
    const res = await t.call('PATCH', `/api/v2/cases/${caseId}`, {
      token: cw,
      body: { data: { school_transport: 'bicycle' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.school_transport).toBe('bicycle');
  });

  it('answers in the caller’s language', async () => {
    expect(
      (await t.call('PATCH', '/api/v2/users/me', { token: cw, body: { data: { locale: 'fr' } } })).status,
    ).toBe(200);
    try {
      const res = await createCase({ name: 'Enfant', school_transport: 'taxi', age: 200 });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { detail: string; message: string }) => [e.detail, e.message])).toEqual([
        ['school_transport', "n'est pas une des options"],
        ['age', 'doit être au plus 130'],
      ]);
    } finally {
      await t.call('PATCH', '/api/v2/users/me', { token: cw, body: { data: { locale: 'en' } } });
    }
  });

  it('once removed, its stored value stays readable by an admin; a caseworker can no longer write it', async () => {
    const fields = await basicIdentityFields();
    await publishFields(fields.filter((f) => f.name !== 'school_transport'));

    const read = await t.call('GET', `/api/v2/cases/${caseId}`, { token: admin });
    expect(read.status).toBe(200);
    expect(read.body.data.school_transport).toBe('bicycle');

    const write = await t.call('PATCH', `/api/v2/cases/${caseId}`, {
      token: cw,
      body: { data: { school_transport: 'walk' } },
    });
    expect(write.status).toBe(422);
    expect(write.body.errors[0]).toMatchObject({
      detail: 'school_transport',
      message: 'is not a field of this form',
    });
    // A client sending the record back as it read it changes nothing and is not refused for it.
    const roundTrip = await t.call('PATCH', `/api/v2/cases/${caseId}`, {
      token: cw,
      body: { data: { school_transport: 'bicycle', age: 7 } },
    });
    expect(roundTrip.status).toBe(200);
    // A removed field is for admins only (docs/form-permissions.md): the caseworker no longer sees it.
    expect(roundTrip.body.data).toMatchObject({ age: 7 });
    expect(roundTrip.body.data).not.toHaveProperty('school_transport');
    const again = await t.call('GET', `/api/v2/cases/${caseId}`, { token: admin });
    expect(again.body.data.school_transport).toBe('bicycle');
  });
});

describe('the default CP forms on every write path', () => {
  it('check location codes, nested subform entries (keeping unique_id) and dates not in the future', async () => {
    const res = await createCase({
      name: 'Forms Child',
      location_current: 'Accra',
      date_of_birth: '2999-01-01',
      followup_subform_section: [{ followup_type: 'home_visit' }, { followup_type: 'carrier_pigeon' }],
      family_details_section: [{ relation: 'mother', relation_age: 'forty' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { detail: string }) => e.detail)).toEqual([
      'location_current',
      'date_of_birth',
      'followup_subform_section[1].followup_type',
      'family_details_section[0].relation_age',
    ]);

    const ok = await createCase({
      name: 'Forms Child',
      location_current: 'GH0101',
      family_details_section: [{ relation: 'mother', relation_age: 40 }],
    });
    expect(ok.status).toBe(200);
    const [entry] = ok.body.data.family_details_section;
    expect(entry.unique_id).toEqual(expect.any(String));
    // A subform the forms define merges entry by entry on unique_id, as the built-in ones do.
    const edit = await t.call('PATCH', `/api/v2/cases/${ok.body.data.id}`, {
      token: cw,
      body: { data: { family_details_section: [{ unique_id: entry.unique_id, relation_age: 41 }] } },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.data.family_details_section).toEqual([
      { unique_id: entry.unique_id, relation: 'mother', relation_age: 41 },
    ]);
  });

  it('an offline push is checked the same way: the mutation is rejected naming the field', async () => {
    const c = (await createCase({ name: 'Offline Forms' })).body.data;
    const res = await t.call('POST', '/api/v2/sync/cases', {
      token: cw,
      body: {
        data: [
          {
            mutation_id: `m-${c.id}`,
            op: 'update',
            id: c.id,
            base_version: c.version,
            changes: { risk_level: 'catastrophic', sex: 'female' },
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({
      result: 'rejected',
      errors: [expect.objectContaining({ detail: 'risk_level', message: 'is not one of the options' })],
    });
  });

  it('a GBV case is checked against the GBV forms, not the CP ones', async () => {
    const gbv = await t.login('gbv_gh');
    const res = await createCase({ name: 'Survivor', risk_level: 'high', gbv_marital_status: 'single' }, gbv);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ detail: 'risk_level' })]);
    expect((await createCase({ name: 'Survivor', gbv_marital_status: 'single' }, gbv)).status).toBe(200);
  });
});

describe('a date that may not be in the future', () => {
  it('is refused while its form says not_future_date, and taken once an admin drops the rule', async () => {
    const createInquiry = (inquiry_date: string) =>
      t.call('POST', '/api/v2/tracing_requests', { token: cw, body: { data: { inquiry_date } } });
    const future = await createInquiry('2999-01-01');
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([
      expect.objectContaining({ detail: 'inquiry_date', message: 'cannot be in the future' }),
    ]);

    const form = await t.call('GET', '/api/v2/forms/tracing_request_inquirer', { token: admin });
    const fields = (form.body.data.fields as Field[]).map((f) =>
      f.name === 'inquiry_date' ? { ...f, date_validation: 'default_date_validation' } : f,
    );
    const published = await t.call('PATCH', '/api/v2/forms/tracing_request_inquirer', {
      token: admin,
      body: { data: { fields } },
    });
    expect(published.status).toBe(200);
    // A programme that records planned inquiries configures it so; no rule in code overrides the forms.
    const planned = await createInquiry('2099-01-01');
    expect(planned.status).toBe(200);
    expect(planned.body.data.inquiry_date).toBe('2099-01-01');
  });
});
