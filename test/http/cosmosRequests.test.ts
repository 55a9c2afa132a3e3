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

describe('Cosmos requests of a sync push, warm', () => {
  it('reads every base record of the batch in one bulk request and writes one audit entry for the batch', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await create()).body.data.id as string);
    const push = (changes: Record<string, unknown>, tag: string, base: number) =>
      t.call('POST', '/api/v2/sync/cases', {
        token,
        body: {
          data: ids.map((id) => ({
            mutation_id: `${tag}-${id}`,
            op: 'update',
            id,
            base_version: base,
            changes,
          })),
        },
      });
    await push({ age: 11 }, 'warm', 1);
    const { result, requests } = await counted(() => push({ age: 12 }, 'counted', 2));
    expect(result.status).toBe(200);
    expect(result.body.data.map((r: { result: string }) => r.result)).toEqual(ids.map(() => 'applied'));
    // Every receipt claimed in one bulk request; the base records read in one bulk request (point reads, no
    // query plan); every record replaced in one bulk request (each on its etag); every history entry in one
    // bulk request, every receipt completed in another; one audit entry for the batch.
    expect(requests).toBe(1 + 1 + 1 + 1 + 1 + 1);
    const { resources } = await t.app.containers.audit.items
      .query({
        query: "SELECT * FROM c WHERE c.action = 'sync_push' AND c.user_name = 'cw_gh' ORDER BY c.at DESC",
      })
      .fetchAll();
    expect(resources[0].details).toEqual({ mutations: '10' });
  });
});
