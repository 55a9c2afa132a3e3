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

  it('lists no field as changed from nothing to nothing (absent before, null after)', async () => {
    const c = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'No Age Child' } } }))
      .body.data;
    expect(c.age).toBeNull(); // the case's derived age: null without a date of birth
    const res = await t.call('GET', `/api/v2/cases/${c.id}/record_history`, { token });
    const [created] = res.body.data as { record_changes: Record<string, { from: unknown; to: unknown }>[] }[];
    expect(created?.record_changes).toContainEqual({ name: { from: null, to: 'No Age Child' } });
    const nothing = created?.record_changes.filter((change) =>
      Object.values(change).some(({ from, to }) => from === null && to === null),
    );
    expect(nothing).toEqual([]);
  });

  it('pages like Primero: metadata {total, per, page}, newest first; bad page parameters are a 400', async () => {
    const c = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Paged', age: 1 } } }))
      .body.data;
    for (const age of [2, 3, 4])
      await t.call('PATCH', `/api/v2/cases/${c.id}`, { token, body: { data: { age } } });
    const all = await t.call('GET', `/api/v2/cases/${c.id}/record_history`, { token });
    expect(all.body.metadata).toEqual({ total: 4, per: 20, page: 1 });
    const second = await t.call('GET', `/api/v2/cases/${c.id}/record_history?per=3&page=2`, { token });
    expect(second.body.metadata).toEqual({ total: 4, per: 3, page: 2 });
    expect(second.body.data.map((h: { version: number }) => h.version)).toEqual([1]);
    const bad = await t.call('GET', `/api/v2/cases/${c.id}/record_history?per=0`, { token });
    expect(bad.status).toBe(400);
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
