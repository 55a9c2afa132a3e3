import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('cw_gh');
});
afterAll(() => t.close());

const newCase = async (data: Record<string, unknown>) =>
  (await t.call('POST', '/api/v2/cases', { token, body: { data } })).body.data as Record<string, unknown> & {
    id: string;
    version: number;
  };
const read = async (id: string) => (await t.call('GET', `/api/v2/cases/${id}`, { token })).body.data;
const times = <T>(n: number, f: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => f(i)));

describe('one mutation retried in parallel is applied once', () => {
  it('20 parallel pushes of the same note: one note on the record, every answer agrees', async () => {
    const c = await newCase({ name: 'Parallel Retry' });
    const mutation = {
      mutation_id: `m-${randomUUID()}`,
      op: 'update',
      id: c.id,
      base_version: c.version,
      changes: { notes_section: [{ note_subject: 'visit', note_text: 'seen at home' }] },
    };
    const answers = await times(20, () =>
      t.call('POST', '/api/v2/sync/cases', { token, body: { data: [mutation] } }),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const results = answers.map((a) => a.body.data[0].result as string);
    expect(results.filter((r) => r === 'applied')).toHaveLength(1);
    expect(results.filter((r) => r === 'duplicate')).toHaveLength(19);
    const stored = await read(c.id);
    expect(stored.notes_section).toHaveLength(1);
    expect(stored.version).toBe(c.version + 1);
  });

  it('20 parallel creates under one client id: one record, one history entry, all 200', async () => {
    const id = randomUUID();
    const answers = await times(20, () =>
      t.call('POST', '/api/v2/cases', { token, body: { data: { id, name: 'Parallel Create' } } }),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((a) => a.body.data.id))).toEqual(new Set([id]));
    const history = await t.call('GET', `/api/v2/cases/${id}/record_history`, { token });
    expect(history.body.data.filter((h: { action: string }) => h.action === 'create')).toHaveLength(1);
  });
});

describe('PATCH under contention', () => {
  const fields = ['age', 'sex', 'risk_level', 'location_current', 'nationality'] as const;
  // Location writers each pick a different place of the demo tree.
  const places = ['GH', 'GH01', 'GH0101', 'GH0102', 'GH02', 'GH0201'];
  const value = (i: number) =>
    ({ age: 9, sex: 'female', risk_level: 'high', location_current: places[i % 6], nationality: ['ghana'] })[
      fields[i % fields.length] as string
    ];

  it('20 parallel PATCHes of different fields without If-Match: all 200, every change kept', async () => {
    const c = await newCase({ name: 'Contended' });
    const notes = Array.from({ length: 20 }, (_, i) => ({ unique_id: randomUUID(), note_text: `n${i}` }));
    const answers = await times(20, (i) =>
      t.call('PATCH', `/api/v2/cases/${c.id}`, {
        token,
        // Each writer sets its own field and adds its own note: every one of them must survive.
        body: { data: { [fields[i % fields.length] as string]: value(i), notes_section: [notes[i]] } },
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const stored = await read(c.id);
    expect(stored.version).toBe(c.version + 20);
    expect(stored).toMatchObject({ age: 9, sex: 'female', risk_level: 'high' });
    expect(stored.notes_section.map((n: { note_text: string }) => n.note_text).sort()).toEqual(
      notes.map((n) => n.note_text).sort(),
    );
  });

  it('with a stale If-Match the answer stays 412', async () => {
    const c = await newCase({ name: 'Stale Etag' });
    const first = await t.call('GET', `/api/v2/cases/${c.id}`, { token });
    const etag = first.headers.get('etag') as string;
    expect(etag).toBeTruthy();
    await t.call('PATCH', `/api/v2/cases/${c.id}`, { token, body: { data: { age: 3 } } });
    const stale = await t.call('PATCH', `/api/v2/cases/${c.id}`, {
      token,
      headers: { 'If-Match': etag },
      body: { data: { age: 4 } },
    });
    expect(stale.status).toBe(412);
    expect((await read(c.id)).age).toBe(3);
  });
});
