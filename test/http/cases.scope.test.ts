import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
const tokens: Record<string, string> = {};
const GH = { 'X-Country-Code': 'GH' };
const KE = { 'X-Country-Code': 'KE' };
// Demo cases (src/seed/demoCases.ts)
const ghCwCase = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0001'; // cw_gh
const ghCw2Case = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0003'; // cw2_gh
const ghGbvCase = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0004'; // gbv_gh
const keCase = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0005'; // cw_ke

beforeAll(async () => {
  t = await startTestApp();
  for (const user of ['cw_gh', 'cw2_gh', 'sup_gh', 'gbv_gh', 'cw_ke', 'regional', 'admin_gh'])
    tokens[user] = await t.login(user);
});
afterAll(() => t.close());

const ids = async (user: string, headers: Record<string, string> = {}) => {
  const res = await t.call('GET', '/api/v2/cases?per=1000', { token: tokens[user], headers });
  expect(res.status).toBe(200);
  expect(res.body.metadata.total).toBe(res.body.data.length);
  return res.body.data.map((c: { id: string }) => c.id).sort();
};

describe('country isolation', () => {
  it('a KE caseworker cannot see, list, edit or disable a GH case', async () => {
    const token = tokens.cw_ke;
    expect((await t.call('GET', `/api/v2/cases/${ghCwCase}`, { token })).status).toBe(404);
    expect(await ids('cw_ke')).toEqual([keCase, '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0006']);
    expect((await t.call('GET', `/api/v2/cases?id=${ghCwCase}`, { token })).body.metadata.total).toBe(0);
    expect(
      (await t.call('PATCH', `/api/v2/cases/${ghCwCase}`, { token, body: { data: { age: 1 } } })).status,
    ).toBe(404);
    expect((await t.call('DELETE', `/api/v2/cases/${ghCwCase}`, { token })).status).toBe(404);
    const gh = await t.call('GET', `/api/v2/cases/${ghCwCase}`, { token: tokens.cw_gh });
    expect(gh.body.data).toMatchObject({ enabled: true, version: 1 });
  });

  it('the 404 for another country reads exactly like the 404 for a missing case', async () => {
    const other = await t.call('GET', `/api/v2/cases/${ghCwCase}`, { token: tokens.cw_ke });
    const missing = await t.call('GET', '/api/v2/cases/00000000-0000-4000-8000-000000000000', {
      token: tokens.cw_ke,
    });
    expect(other.body.errors[0].message).toBe(missing.body.errors[0].message);
  });

  it('a case created in KE lives in KE even if the body names another country', async () => {
    const res = await t.call('POST', '/api/v2/cases', {
      token: tokens.cw_ke,
      body: { data: { name: 'Nairobi child' } },
    });
    expect(res.body.data.country_code).toBe('KE');
    expect((await t.call('GET', `/api/v2/cases/${res.body.data.id}`, { token: tokens.cw_gh })).status).toBe(
      404,
    );
  });

  it('a regional user sees each country only when acting in it', async () => {
    const inGh = await ids('regional', GH);
    const inKe = await ids('regional', KE);
    expect(inGh).toContain(ghCwCase);
    expect(inGh).not.toContain(keCase);
    expect(inKe).toContain(keCase);
    expect(inKe).not.toContain(ghCwCase);
    expect(
      (await t.call('GET', `/api/v2/cases/${keCase}`, { token: tokens.regional, headers: GH })).status,
    ).toBe(404);
    expect(
      (await t.call('GET', `/api/v2/cases/${keCase}`, { token: tokens.regional, headers: KE })).status,
    ).toBe(200);
  });
});

describe('record scope', () => {
  it('self: a caseworker sees only their own cases', async () => {
    const mine = await ids('cw_gh');
    expect(mine).toContain(ghCwCase);
    expect(mine).not.toContain(ghCw2Case);
    expect((await t.call('GET', `/api/v2/cases/${ghCw2Case}`, { token: tokens.cw_gh })).status).toBe(404);
    expect(
      (
        await t.call('PATCH', `/api/v2/cases/${ghCw2Case}`, {
          token: tokens.cw_gh,
          body: { data: { age: 1 } },
        })
      ).status,
    ).toBe(404);
  });

  it('group: a supervisor sees the cases of their user group', async () => {
    const seen = await ids('sup_gh');
    expect(seen).toEqual(expect.arrayContaining([ghCwCase, ghCw2Case]));
    const res = await t.call('PATCH', `/api/v2/cases/${ghCw2Case}`, {
      token: tokens.sup_gh,
      body: { data: { risk_level: 'high' } },
    });
    expect(res.status).toBe(200);
  });

  it('all: the admin sees every case of the country, in both modules', async () => {
    const seen = await ids('admin_gh');
    expect(seen).toEqual(expect.arrayContaining([ghCwCase, ghCw2Case, ghGbvCase]));
    expect(seen).not.toContain(keCase);
  });

  it('modules: CP roles never see GBV cases, whatever their reach', async () => {
    for (const user of ['cw_gh', 'sup_gh']) expect(await ids(user)).not.toContain(ghGbvCase);
    expect(await ids('regional', GH)).not.toContain(ghGbvCase);
    expect((await t.call('GET', `/api/v2/cases/${ghGbvCase}`, { token: tokens.sup_gh })).status).toBe(404);
    expect(await ids('gbv_gh')).toEqual([ghGbvCase]);
  });

  it('an action the role does not grant is a 403 on a case in scope', async () => {
    const create = await t.call('POST', '/api/v2/cases', {
      token: tokens.regional,
      headers: GH,
      body: { data: { name: 'x' } },
    });
    expect(create.status).toBe(403);
    const disable = await t.call('DELETE', `/api/v2/cases/${ghCwCase}`, {
      token: tokens.regional,
      headers: GH,
    });
    expect(disable.status).toBe(403);
    expect(disable.body.errors[0].status).toBe(403);
  });
});

describe('GET /api/v2/cases: listing', () => {
  let token: string;
  beforeAll(async () => {
    token = await t.login('cw2_gh');
    const people = [
      { name: 'Lister One', sex: 'female', age: 4, risk_level: 'high', status: 'open' },
      { name: 'Lister Two', sex: 'male', age: 11, risk_level: 'low', status: 'closed' },
      { name: 'Lister Three', sex: 'female', age: 13, risk_level: 'medium', status: 'open' },
      { name: 'Lister Four', sex: 'other', age: 16, risk_level: 'high', status: 'open' },
      { name: 'Lister Five', sex: 'male', age: 17, risk_level: 'low', status: 'open' },
    ];
    for (const data of people) {
      t.clock.advance(1000); // distinct created_at
      expect((await t.call('POST', '/api/v2/cases', { token, body: { data } })).status).toBe(200);
    }
  });
  const names = async (query: string) => {
    const res = await t.call('GET', `/api/v2/cases?${query}`, { token });
    expect(res.status).toBe(200);
    return res.body.data.map((c: { name: string }) => c.name);
  };
  const listers = (query: string) => names(`query=lister&${query}`);

  it('orders by created_at desc by default and pages with total', async () => {
    const page1 = await t.call('GET', '/api/v2/cases?query=lister&per=2', { token });
    expect(page1.body.metadata).toEqual({ total: 5, per: 2, page: 1 });
    expect(page1.body.data.map((c: { name: string }) => c.name)).toEqual(['Lister Five', 'Lister Four']);
    expect(await listers('per=2&page=3')).toEqual(['Lister One']);
    expect(await listers('per=2&page=4')).toEqual([]);
  });

  it('orders by a permitted field in either direction', async () => {
    expect(await listers('order_by=age&order=asc')).toEqual([
      'Lister One',
      'Lister Two',
      'Lister Three',
      'Lister Four',
      'Lister Five',
    ]);
  });

  it('filters by lists, ranges and free text', async () => {
    expect(await listers('sex=female,other&order=asc')).toEqual([
      'Lister One',
      'Lister Three',
      'Lister Four',
    ]);
    expect(await listers('status=closed')).toEqual(['Lister Two']);
    expect(await listers('risk_level=high&order=asc')).toEqual(['Lister One', 'Lister Four']);
    expect(await listers('age=10..15&order=asc')).toEqual(['Lister Two', 'Lister Three']);
    expect(await listers('age=0..5,17..&order=asc')).toEqual(['Lister One', 'Lister Five']);
    expect(await listers('owned_by=cw_gh')).toEqual([]);
    expect(await names('query=LISTER THREE')).toEqual(['Lister Three']);
    expect(await listers('flagged=true')).toEqual([]);
  });

  it('id_search matches the short id', async () => {
    const one = (await t.call('GET', '/api/v2/cases?query=lister%20one', { token })).body.data[0];
    expect(await names(`query=${one.short_id}&id_search=true`)).toEqual(['Lister One']);
  });

  it('filters on dates with ranges', async () => {
    const all = (await t.call('GET', '/api/v2/cases?query=lister&order=asc', { token })).body.data;
    const third = all[2].created_at;
    expect(await listers(`created_at=${third}..&order=asc`)).toEqual([
      'Lister Three',
      'Lister Four',
      'Lister Five',
    ]);
  });

  it('returns only the fields asked for (id always), or the short set', async () => {
    const res = await t.call('GET', '/api/v2/cases?query=lister&fields=name,age&per=1', { token });
    expect(res.body.data[0]).toEqual({ id: expect.any(String), name: 'Lister Five', age: 17 });
    const short = await t.call('GET', '/api/v2/cases?query=lister&fields=short&per=1', { token });
    expect(Object.keys(short.body.data[0])).toEqual(
      expect.arrayContaining(['id', 'case_id_display', 'name', 'sex', 'age', 'owned_by']),
    );
    expect(short.body.data[0]).not.toHaveProperty('followup_subform_section');
    // Fields the server owns may be asked for too (a client's queues read them); storage fields never come.
    const owned = await t.call(
      'GET',
      '/api/v2/cases?query=lister&fields=transitions,approval_status_case_plan,owned_by,search_index&per=1',
      { token },
    );
    expect(owned.status).toBe(400);
    expect(owned.body.errors[0].message).toContain('search_index');
    const queues = await t.call(
      'GET',
      '/api/v2/cases?query=lister&fields=transitions,approval_status_case_plan,owned_by&per=1',
      { token },
    );
    expect(queues.status).toBe(200);
    // Only what was asked for, and only what the record has (no transition, no approval asked for yet).
    expect(queues.body.data[0]).toEqual({ id: expect.any(String), owned_by: expect.any(String) });
  });

  it('hides GBV survivors’ names in lists but not on the record', async () => {
    const list = await t.call('GET', '/api/v2/cases', { token: tokens.gbv_gh });
    expect(list.body.data[0]).toMatchObject({ name: '*******', hidden_name: true });
    const record = await t.call('GET', `/api/v2/cases/${ghGbvCase}`, { token: tokens.gbv_gh });
    expect(record.body.data.name).toBe('Adwoa Sarpong');
  });
});
