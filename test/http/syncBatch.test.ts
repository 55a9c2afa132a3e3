import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/testApp';

// A push batch is worked on concurrently (issue 18): records of a batch read in one query, their replaces
// grouped into bulk requests. What a client sees must not change: order per record, lost races retried,
// every version with its history, a mutation sent twice answered once.
let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('cw_gh');
});
afterAll(() => t.close());

type Result = { mutation_id: string; result: string; first_result?: string; record?: { version: number } };
const push = async (mutations: unknown[]) => {
  const res = await t.call('POST', '/api/v2/sync/cases', { token, body: { data: mutations } });
  expect(res.status).toBe(200);
  return res.body.data as Result[];
};
const newCase = async (name: string) =>
  (await t.call('POST', '/api/v2/cases', { token, body: { data: { name, age: 3 } } })).body.data as {
    id: string;
    version: number;
  };
const update = (
  id: string,
  changes: Record<string, unknown>,
  base = 1,
  mutation_id = `m-${randomUUID()}`,
) => ({
  mutation_id,
  op: 'update',
  id,
  base_version: base,
  changes,
});

describe('a sync push batch, worked on concurrently', () => {
  it('applies the mutations of one record in the order sent, each a version with its history', async () => {
    const c = await newCase('Ordered Edits');
    const other = await newCase('Other Record');
    const results = await push([
      update(c.id, { age: 4 }),
      update(other.id, { age: 9 }),
      update(c.id, { age: 5 }, 2),
      update(c.id, { risk_level: 'high' }, 3),
    ]);
    expect(results.map((r) => [r.result, r.record?.version])).toEqual([
      ['applied', 2],
      ['applied', 2],
      ['applied', 3],
      ['applied', 4],
    ]);
    const stored = (await t.call('GET', `/api/v2/cases/${c.id}`, { token })).body.data;
    expect(stored).toMatchObject({ age: 5, risk_level: 'high', version: 4 });
    const history = (await t.call('GET', `/api/v2/cases/${c.id}/record_history`, { token })).body.data;
    expect(history.map((h: { version: number }) => h.version)).toEqual([4, 3, 2, 1]);
  });

  it('two batches racing on the same records: every edit lands, no version lost', async () => {
    const cases = await Promise.all(['Race A', 'Race B', 'Race C', 'Race D', 'Race E'].map(newCase));
    const [first, second] = await Promise.all([
      push(cases.map((c) => update(c.id, { age: 7 }))),
      push(cases.map((c) => update(c.id, { risk_level: 'high' }))),
    ]);
    expect([...first!, ...second!].map((r) => r.result)).toEqual(Array(10).fill('applied'));
    for (const c of cases) {
      const stored = (await t.call('GET', `/api/v2/cases/${c.id}`, { token })).body.data;
      expect(stored).toMatchObject({ age: 7, risk_level: 'high', version: 3 });
      const history = (await t.call('GET', `/api/v2/cases/${c.id}/record_history`, { token })).body.data;
      expect(history.map((h: { version: number }) => h.version)).toEqual([3, 2, 1]);
    }
  });

  it('a mutation sent twice in one batch is applied once', async () => {
    const c = await newCase('Sent Twice');
    const twice = update(c.id, { age: 6 });
    const results = await push([twice, twice]);
    expect(results.map((r) => r.result)).toEqual(['applied', 'duplicate']);
    expect(results[1]?.first_result).toBe('applied');
    expect((await t.call('GET', `/api/v2/cases/${c.id}`, { token })).body.data.version).toBe(2);
  });
});
