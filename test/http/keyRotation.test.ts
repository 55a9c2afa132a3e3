import type { CaseDocument } from '../../src/records/recordDocument';
import { reencryptCountry, type ReencryptionProgress } from '../../src/crypto/reencryption';
import { tamperWithSealed } from '../support/tamper';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let token: string;
const ids: string[] = [];
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('cw_gh');
  for (let i = 0; i < 25; i++) {
    const res = await t.call('POST', '/api/v2/cases', {
      token,
      body: { data: { name: `Rotation Child ${i}`, address_current: `House ${i}` } },
    });
    ids.push(res.body.data.id);
  }
});
afterAll(() => t.close());

const deps = () => ({ cases: t.app.records.cases, dataKeys: t.app.dataKeys, clock: t.clock });
const versions = async () => {
  const { resources } = await t.app.containers.records.items
    .query<CaseDocument>({ query: "SELECT c.id, c.key_version FROM c WHERE c.country_code = 'GH'" })
    .fetchAll();
  return new Map(resources.map((r) => [r.id, r.key_version as string]));
};

describe('re-encryption after a rotation', () => {
  it('moves every record to the new version in bounded batches, resumably, reporting progress', async () => {
    const rotated = await t.app.dataKeys.rotate('GH');
    const all = (await versions()).size;
    // An interrupted run: stops after 10 records.
    const first = await reencryptCountry(deps(), 'GH', { batchSize: 4, maxRecords: 10 });
    expect(first.done).toBe(10);
    expect([...(await versions()).values()].filter((v) => v === rotated.version)).toHaveLength(10);

    const progress: ReencryptionProgress[] = [];
    const rest = await reencryptCountry(deps(), 'GH', { batchSize: 7, onProgress: (p) => progress.push(p) });
    expect(rest.done).toBe(all - 10);
    expect(progress.map((p) => p.done)).toEqual(progress.map((_, i) => Math.min((i + 1) * 7, all - 10)));
    expect(progress.at(-1)).toMatchObject({ done: all - 10, total: all - 10, skipped: 0 });
    expect([...(await versions()).values()].every((v) => v === rotated.version)).toBe(true);
    // Every one of the 25 records carries the new version in Cosmos and still reads as before.
    const stored = await versions();
    for (const [i, id] of ids.entries()) {
      expect([id, stored.get(id)]).toEqual([id, rotated.version]);
      const read = await t.call('GET', `/api/v2/cases/${id}`, { token });
      expect(read.body.data).toMatchObject({ name: `Rotation Child ${i}`, address_current: `House ${i}` });
    }
    expect((await reencryptCountry(deps(), 'GH')).total).toBe(0);
  });

  it('never overwrites an edit made between its read and its write', async () => {
    await t.app.dataKeys.rotate('GH');
    const real = t.app.records.cases;
    let edited = false;
    // The job reads its batch; before it writes, a caseworker edits one of those records.
    const racing = Object.assign(Object.create(real), {
      queryEach: async (...args: Parameters<typeof real.queryEach>) => {
        const docs = await real.queryEach(...args);
        if (!edited) {
          edited = true;
          const res = await t.call('PATCH', `/api/v2/cases/${ids[24]}`, {
            token,
            body: { data: { address_current: 'Moved house' } },
          });
          expect(res.status).toBe(200);
        }
        return docs;
      },
    });
    const result = await reencryptCountry({ ...deps(), cases: racing }, 'GH', { batchSize: 1000 });
    expect(edited).toBe(true);
    expect(result.skipped).toBe(1);
    const read = await t.call('GET', `/api/v2/cases/${ids[24]}`, { token });
    expect(read.body.data.address_current).toBe('Moved house');
    // The edit itself was sealed with the current key: nothing is left for a second pass.
    expect((await reencryptCountry(deps(), 'GH')).total).toBe(0);
    expect(new Set((await versions()).values()).size).toBe(1);
  });
});

describe('a record that fails its integrity check during re-encryption', () => {
  it('is passed over and named; every other record still moves to the new version', async () => {
    const target = ids[3] as string;
    const repair = await tamperWithSealed(t.app.containers.records, target);
    try {
      const rotated = await t.app.dataKeys.rotate('GH');
      const result = await reencryptCountry(deps(), 'GH', { batchSize: 4 });
      expect(result.unreadable).toEqual([target]);
      const stored = await versions();
      for (const id of ids) expect([id, stored.get(id) === rotated.version]).toEqual([id, id !== target]);
    } finally {
      await repair();
    }
  });
});

describe('POST /api/v2/admin/keys/rotate and the reencrypt timer', () => {
  it('lets an administrator rotate their country key; the timer then moves the records', async () => {
    const admin = await t.login('admin_gh');
    const res = await t.call('POST', '/api/v2/admin/keys/rotate', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.data.country_code).toBe('GH');
    const newVersion = res.body.data.key_version as string;
    expect((await t.app.dataKeys.encryptionKey('GH')).version).toBe(newVersion);
    await t.host.invoke('reencrypt', { isPastDue: false });
    expect([...(await versions()).values()].every((v) => v === newVersion)).toBe(true);
  });

  it('is refused to a caseworker (403)', async () => {
    expect((await t.call('POST', '/api/v2/admin/keys/rotate', { token })).status).toBe(403);
  });
});
