import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('cw_gh');
});
afterAll(() => t.close());

describe('GET /api/v2/cases/:id/record_history', () => {
  it('lists every version: who changed which field from what to what, newest first', async () => {
    const c = (
      await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'History Child', age: 5 } } })
    ).body.data;
    await t.call('PATCH', `/api/v2/cases/${c.id}`, { token, body: { data: { age: 6, risk_level: 'high' } } });
    const sup = await t.login('sup_gh');
    await t.call('PATCH', `/api/v2/cases/${c.id}`, {
      token: sup,
      body: { data: { name: 'History Child Renamed' } },
    });
    const res = await t.call('GET', `/api/v2/cases/${c.id}/record_history`, { token });
    expect(res.status).toBe(200);
    const [third, second, first] = res.body.data;
    expect(third).toMatchObject({
      version: 3,
      action: 'update',
      user_name: 'sup_gh',
      record_changes: [{ name: { from: 'History Child', to: 'History Child Renamed' } }],
    });
    expect(second.record_changes).toEqual(
      expect.arrayContaining([{ age: { from: 5, to: 6 } }, { risk_level: { from: null, to: 'high' } }]),
    );
    expect(first).toMatchObject({ version: 1, action: 'create', user_name: 'cw_gh' });
    expect(first.record_changes).toContainEqual({ name: { from: null, to: 'History Child' } });
  });

  it('keeps changed values sealed at rest', async () => {
    const c = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Sealed History' } } }))
      .body.data;
    const { resources } = await t.app.containers.audit.items
      .query({
        query: "SELECT * FROM c WHERE c.type = 'record_history' AND c.record_id = @id",
        parameters: [{ name: '@id', value: c.id }],
      })
      .fetchAll();
    expect(resources).toHaveLength(1);
    expect(JSON.stringify(resources)).not.toContain('Sealed History');
  });

  it('is a 404 for those who may not read the case', async () => {
    const c = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Private History' } } }))
      .body.data;
    expect(
      (await t.call('GET', `/api/v2/cases/${c.id}/record_history`, { token: await t.login('cw2_gh') }))
        .status,
    ).toBe(404);
    expect(
      (await t.call('GET', `/api/v2/cases/${c.id}/record_history`, { token: await t.login('cw_ke') })).status,
    ).toBe(404);
  });
});
