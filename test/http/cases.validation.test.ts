import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let gh: string;
let ke: string;
beforeAll(async () => {
  t = await startTestApp();
  gh = await t.login('cw_gh');
  ke = await t.login('cw_ke');
});
afterAll(() => t.close());

const create = (data: unknown, token = gh) => t.call('POST', '/api/v2/cases', { token, body: { data } });
const details = (res: { body: { errors: { detail: string }[] } }) =>
  res.body.errors.map((e) => e.detail).sort();

describe('bad input to POST/PATCH /api/v2/cases is a 4xx naming the field, and writes nothing', () => {
  it('malformed JSON → 400', async () => {
    const res = await t.call('POST', '/api/v2/cases', {
      token: gh,
      rawBody: '{"data": {"name": ',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({
      status: 400,
      resource: '/api/v2/cases',
      detail: 'body',
      message: 'The body is not valid JSON',
    });
  });

  it('a body that is not UTF-8 → 400, and nothing stored in its place', async () => {
    const before = (await t.call('GET', '/api/v2/cases?per=1', { token: gh })).body.metadata.total;
    const res = await t.call('POST', '/api/v2/cases', {
      token: gh,
      rawBody: Buffer.concat([
        Buffer.from('{"data": {"name": "'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}}'),
      ]),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ detail: 'body', message: 'The body is not UTF-8 text' });
    expect((await t.call('GET', '/api/v2/cases?per=1', { token: gh })).body.metadata.total).toBe(before);
  });

  it('a body that is not JSON → 400', async () => {
    const res = await t.call('POST', '/api/v2/cases', {
      token: gh,
      rawBody: 'name=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].detail).toBe('Content-Type');
  });

  it('no data envelope → 422', async () => {
    const res = await t.call('POST', '/api/v2/cases', { token: gh, body: { name: 'x' } });
    expect(res.body.errors).toEqual([
      { status: 422, resource: '/api/v2/cases', detail: 'data', message: 'the body must be {"data": {...}}' },
    ]);
    const sync = await t.call('POST', '/api/v2/sync/cases', { token: gh, body: [{ op: 'create' }] });
    expect(sync.body.errors[0]).toMatchObject({
      detail: 'data',
      message: 'the body must be {"data": [...]}',
    });
  });

  it('wrong types → 422, one entry per field', async () => {
    const res = await create({
      name: 42,
      age: 'ten',
      sex: 'girl',
      consent_for_services: 'yes',
      protection_concerns: 'x',
    });
    expect(res.status).toBe(422);
    expect(details(res)).toEqual(['age', 'consent_for_services', 'name', 'protection_concerns', 'sex']);
    expect(res.body.errors.find((e: { detail: string }) => e.detail === 'age').message).toBe(
      'must be a whole number',
    );
  });

  it('out-of-range numbers → 422', async () => {
    expect(details(await create({ age: -1 }))).toEqual(['age']);
    expect(details(await create({ age: 131 }))).toEqual(['age']);
    expect(details(await create({ age: 3.5 }))).toEqual(['age']);
  });

  it('bad dates → 422 with the expected format', async () => {
    const res = await create({
      date_of_birth: '2026-02-30',
      registration_date: '01/02/2026',
      assessment_due_date: 'tomorrow',
    });
    expect(res.status).toBe(422);
    expect(details(res)).toEqual(['assessment_due_date', 'date_of_birth', 'registration_date']);
    expect(res.body.errors[0].message).toBe('must be a date YYYY-MM-DD');
    const future = await create({ date_of_birth: '2999-01-01' });
    expect(future.status).toBe(422);
    expect(future.body.errors[0]).toMatchObject({
      detail: 'date_of_birth',
      message: 'cannot be in the future',
    });
  });

  it('bad subform entries → 422 with the entry path', async () => {
    const res = await create({
      followup_subform_section: [
        { followup_type: 'home_visit' },
        { followup_needed_by_date: 'soon', colour: 'red' },
      ],
    });
    expect(res.status).toBe(422);
    expect(details(res)).toEqual([
      'followup_subform_section[1].colour',
      'followup_subform_section[1].followup_needed_by_date',
    ]);
    const service = await create({ services_section: [{ service_response_timeframe: '2_weeks' }] });
    expect(details(service)).toEqual(['services_section[0].service_response_timeframe']);
  });

  it("unknown fields → 422 unless the country's forms define them", async () => {
    const unknown = await create({ name: 'x', favourite_colour: 'blue' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]).toMatchObject({
      detail: 'favourite_colour',
      message: 'is not a field of this form',
    });
    // The default CP forms define displacement_status (a lookup) and has_disability (a tick box).
    const gh = await create({ name: 'x', displacement_status: 'idp', has_disability: true });
    expect(gh.status).toBe(200);
    expect(gh.body.data).toMatchObject({ displacement_status: 'idp', has_disability: true });
    expect(details(await create({ has_disability: 'maybe' }))).toEqual(['has_disability']);
    expect(details(await create({ displacement_status: 'nomad' }))).toEqual(['displacement_status']);
    expect((await create({ name: 'x', displacement_status: 'idp' }, ke)).status).toBe(200);
    expect(details(await create({ name: 'x', favourite_colour: 'blue' }, ke))).toEqual(['favourite_colour']);
  });

  it('server-owned fields on create → 422', async () => {
    const res = await create({ name: 'x', owned_by: 'cw2_gh', version: 9, country_code: 'KE' });
    expect(res.status).toBe(422);
    expect(details(res)).toEqual(['country_code', 'owned_by', 'version']);
  });

  it('an id that is not a UUID → 422', async () => {
    expect(details(await create({ id: 'my-own-id', name: 'x' }))).toEqual(['id']);
  });

  it('a module the role does not work in → 422', async () => {
    expect(details(await create({ module_id: 'primeromodule-gbv', name: 'x' }))).toEqual(['module_id']);
  });

  it('a body over 1 MB → 413', async () => {
    const res = await create({ name: 'x', notes_section: [{ note_text: 'a'.repeat(1024 * 1024) }] });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].status).toBe(413);
  });

  it('nothing was stored by any of the refused requests', async () => {
    // Its own refused requests under a name of its own, so it holds alone and in any order.
    const name = `Refused ${Date.now()}`;
    const refused = [
      await create({ name, owned_by: 'cw2_gh' }),
      await create({ name, id: 'my-own-id' }),
      await create({ name, module_id: 'primeromodule-gbv' }),
      await create({ name, favourite_colour: 'blue' }),
      await create({ name, age: -1 }),
      await create({ name, notes_section: [{ note_text: 'a'.repeat(1024 * 1024) }] }),
    ];
    expect(refused.map((r) => r.status)).toEqual([422, 422, 422, 422, 422, 413]);
    const res = await t.call('GET', '/api/v2/cases?per=100', { token: gh });
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: { name: string }) => c.name)).not.toContain(name);
  });

  it('PATCH validates the same way', async () => {
    const id = (await create({ name: 'Patch target' })).body.data.id;
    const res = await t.call('PATCH', `/api/v2/cases/${id}`, {
      token: gh,
      body: { data: { age: 'old', shoe_size: 3 } },
    });
    expect(res.status).toBe(422);
    expect(details(res)).toEqual(['age', 'shoe_size']);
    const destroyWithoutId = await t.call('PATCH', `/api/v2/cases/${id}`, {
      token: gh,
      body: { data: { notes_section: [{ _destroy: true }] } },
    });
    expect(destroyWithoutId.status).toBe(422);
    const after = await t.call('GET', `/api/v2/cases/${id}`, { token: gh });
    expect(after.body.data.version).toBe(1);
  });
});

describe('bad query parameters on GET /api/v2/cases → 400 naming the parameter', () => {
  it.each([
    ['per=0', 'per'],
    ['page=-1', 'page'],
    ['page=abc', 'page'],
    ['order_by=name', 'order_by'],
    ['order=sideways', 'order'],
    ['age=ten..twelve', 'age'],
    ['age=..', 'age'],
    ['last_updated_at=yesterday..', 'last_updated_at'],
    ['flagged=maybe', 'flagged'],
    ['has_alerts=1', 'has_alerts'],
    ['fields=name,secret', 'fields'],
    ['colour=red', 'colour'],
    ['page=11&per=1000', 'page'],
  ])('%s', async (query, param) => {
    const res = await t.call('GET', `/api/v2/cases?${query}`, { token: gh });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].detail).toBe(param);
  });
});
