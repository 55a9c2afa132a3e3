import { startTestApp, type TestApp } from '../support/testApp';

// Round trips to Cosmos per API call, warm (issue 18): each costs milliseconds and request units in Azure.
// Counted by the request plugin on the app's own client; nothing else runs meanwhile (timers are off).
let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('cw_gh');
});
afterAll(() => t.close());

const counted = async <T>(call: () => Promise<T>): Promise<{ result: T; requests: number }> => {
  const before = t.app.cosmosRequests.count;
  const result = await call();
  return { result, requests: t.app.cosmosRequests.count - before };
};

const create = () =>
  t.call('POST', '/api/v2/cases', {
    token,
    body: { data: { name: 'Counted Child', age: 9, sex: 'female' } },
  });

describe('Cosmos requests per API call, warm', () => {
  beforeAll(async () => {
    // Warm: the country's settings, keys, the account and role of cw_gh.
    const warm = await create();
    await t.call('GET', `/api/v2/cases/${warm.body.data.id}`, { token });
    await t.call('GET', '/api/v2/cases', { token });
  });

  it('a read is the record and its audit entry, written alongside', async () => {
    const { id } = (await create()).body.data;
    const { result, requests } = await counted(() => t.call('GET', `/api/v2/cases/${id}`, { token }));
    expect(result.status).toBe(200);
    expect(requests).toBe(2);
  });

  it('a create is the record, then its history and audit entry in one transactional batch', async () => {
    const { result, requests } = await counted(create);
    expect(result.status).toBe(200);
    expect(requests).toBe(2);
  });

  // Pinned so that a new round trip is noticed: an update reads the record, replaces it, then writes history
  // and audit in one batch; a list page is two queries (page and total), each preceded by the SDK's
  // query-plan request, and the audit entry (written alongside).
  it('an update and a list page', async () => {
    const { id } = (await create()).body.data;
    const update = await counted(() =>
      t.call('PATCH', `/api/v2/cases/${id}`, { token, body: { data: { age: 10 } } }),
    );
    expect(update.result.status).toBe(200);
    const list = await counted(() => t.call('GET', '/api/v2/cases', { token }));
    expect(list.result.status).toBe(200);
    expect(update.requests).toBe(3);
    expect(list.requests).toBe(5);
  });
});
