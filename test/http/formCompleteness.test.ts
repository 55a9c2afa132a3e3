import { startTestApp, type TestApp } from '../support/testApp';

// `required` and `mandatory_for_completion` come from the published forms: an admin decides what a case must
// hold from its creation, and what it must hold before it is closed.
let t: TestApp;
let admin: string;
let cw: string;
let before: { id: string; version: number };
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin_gh');
  cw = await t.login('cw_gh');
  // A case written before the admin's change: the change must not make its unrelated edits fail.
  before = (await createCase({ name_nickname: 'Before' })).body.data;
  await mark('basic_identity', 'name', { required: true });
  await mark('closure', 'closure_reason', { mandatory_for_completion: true });
});
afterAll(() => t.close());

async function mark(formId: string, fieldName: string, flags: Record<string, boolean>) {
  const form = await t.call('GET', `/api/v2/forms/${formId}`, { token: admin });
  expect(form.status).toBe(200);
  const fields = (form.body.data.fields as { name: string }[]).map((f) =>
    f.name === fieldName ? { ...f, ...flags } : f,
  );
  const res = await t.call('PATCH', `/api/v2/forms/${formId}`, { token: admin, body: { data: { fields } } });
  expect(res.status).toBe(200);
}
const createCase = (data: Record<string, unknown>) =>
  t.call('POST', '/api/v2/cases', { token: cw, body: { data } });
const patchCase = (id: string, data: Record<string, unknown>) =>
  t.call('PATCH', `/api/v2/cases/${id}`, { token: cw, body: { data } });

describe('required fields', () => {
  it('a new case without one is refused, naming it; with it, the case is created', async () => {
    const refused = await createCase({ name_nickname: 'No name', sex: 'female' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ detail: 'name', message: 'is required' }),
    ]);
    const blank = await createCase({ name: '   ' });
    expect(blank.status).toBe(422);
    expect(blank.body.errors).toEqual([expect.objectContaining({ detail: 'name' })]);
    expect((await createCase({ name: 'Kofi Asante' })).status).toBe(200);
  });

  it('cannot be cleared, while edits that leave it alone go through, on a case stored before it was required', async () => {
    const created = (await createCase({ name: 'Esi Owusu' })).body.data;
    const cleared = await patchCase(created.id, { name: null });
    expect(cleared.status).toBe(422);
    expect(cleared.body.errors).toEqual([
      expect.objectContaining({ detail: 'name', message: 'is required' }),
    ]);
    expect((await t.call('GET', `/api/v2/cases/${created.id}`, { token: cw })).body.data.name).toBe(
      'Esi Owusu',
    );

    const unrelated = await patchCase(before.id, { name_nickname: 'Still before' });
    expect(unrelated.status).toBe(200);
  });

  it('an offline create without it is rejected naming it, the rest of the batch applies', async () => {
    const res = await t.call('POST', '/api/v2/sync/cases', {
      token: cw,
      body: {
        data: [
          { mutation_id: 'm-no-name', op: 'create', id: crypto.randomUUID(), changes: { sex: 'male' } },
          { mutation_id: 'm-named', op: 'create', id: crypto.randomUUID(), changes: { name: 'Ama' } },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({
      result: 'rejected',
      errors: [expect.objectContaining({ detail: 'name', message: 'is required' })],
    });
    expect(res.body.data[1]).toMatchObject({ result: 'applied' });
  });
});

describe('fields needed to close a case', () => {
  it('closing without one is refused naming it; once filled, the case closes', async () => {
    const c = (await createCase({ name: 'Yaw Mensah' })).body.data;
    const refused = await patchCase(c.id, { status: 'closed' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        detail: 'closure_reason',
        message: 'must be filled in before the record is closed',
      }),
    ]);
    const stored = (await t.call('GET', `/api/v2/cases/${c.id}`, { token: cw })).body.data;
    expect(stored.status).toBe('open');

    // Not needed while the case stays open.
    expect((await patchCase(c.id, { name_nickname: 'Yaw' })).status).toBe(200);
    const closed = await patchCase(c.id, { status: 'closed', closure_reason: 'case_goals_met' });
    expect(closed.status).toBe(200);
    expect(closed.body.data.status).toBe('closed');
  });

  it('a value stored earlier counts', async () => {
    const c = (await createCase({ name: 'Akua Boateng', closure_reason: 'reunified' })).body.data;
    const closed = await patchCase(c.id, { status: 'closed' });
    expect(closed.status).toBe(200);
  });
});
