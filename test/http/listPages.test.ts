import { startTestApp, type TestApp } from '../support/testApp';

// /tasks and /flags take the same page parameters as /cases and page the same way.
let t: TestApp;
let cw: string;
beforeAll(async () => {
  t = await startTestApp();
  cw = await t.login('cw_gh');
  for (const name of ['Paged Flag One', 'Paged Flag Two']) {
    const id = (await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { name } } })).body.data.id;
    await t.call('POST', `/api/v2/cases/${id}/flags`, { token: cw, body: { data: { message: 'check' } } });
  }
});
afterAll(() => t.close());

describe.each(['/api/v2/tasks', '/api/v2/flags'])('%s', (path) => {
  it.each([
    ['per=abc', 'per'],
    ['per=0', 'per'],
    ['per=1001', 'per'],
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=1000&per=1000', 'page'],
    ['bogus=1', 'bogus'],
  ])('answers %s with a 400 naming the parameter', async (query, detail) => {
    const res = await t.call('GET', `${path}?${query}`, { token: cw });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ status: 400, resource: path, detail });
  });

  it('pages as /cases does: metadata.per is the page size, total counts every item', async () => {
    const all = await t.call('GET', `${path}?locale=en`, { token: cw });
    expect(all.status).toBe(200);
    expect(all.body.metadata).toEqual({ total: all.body.data.length, per: 20, page: 1 });
    expect(all.body.data.length).toBeGreaterThanOrEqual(2);
    const second = await t.call('GET', `${path}?per=1&page=2`, { token: cw });
    expect(second.body.metadata).toEqual({ total: all.body.data.length, per: 1, page: 2 });
    expect(second.body.data).toEqual([all.body.data[1]]);
    const beyond = await t.call('GET', `${path}?per=1&page=${all.body.data.length + 1}`, { token: cw });
    expect(beyond.body).toEqual({
      data: [],
      metadata: { total: all.body.data.length, per: 1, page: all.body.data.length + 1 },
    });
  });

  it('an empty list still says the page size', async () => {
    const gbv = await t.login('gbv_gh');
    const res = await t.call('GET', path, { token: gbv });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [], metadata: { total: 0, per: 20, page: 1 } });
  });
});
