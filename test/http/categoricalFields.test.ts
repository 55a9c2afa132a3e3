import { reencryptCountry } from '../../src/crypto/reencryption';
import { isSealed } from '../../src/crypto/fieldCipher';
import type { CaseDocument } from '../../src/records/recordDocument';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('cw_gh');
});
afterAll(() => t.close());

const create = async (data: Record<string, unknown>) => {
  const res = await t.call('POST', '/api/v2/cases', { token, body: { data } });
  expect(res.status).toBe(200);
  return res.body.data as { id: string };
};
const raw = async (id: string) =>
  (await t.app.containers.records.item(id, ['GH', id]).read<CaseDocument>()).resource as CaseDocument;
const list = async (query: string) => {
  const res = await t.call('GET', `/api/v2/cases?per=100&${query}`, { token });
  expect(res.status).toBe(200);
  return {
    names: (res.body.data as { name: string }[]).map((c) => c.name).sort(),
    total: res.body.metadata.total,
  };
};

describe('categorical fields: sealed, yet filterable and countable', () => {
  beforeAll(async () => {
    await create({
      name: 'Cat A',
      sex: 'female',
      risk_level: 'high',
      protection_concerns: ['trafficking', 'unaccompanied'],
    });
    await create({ name: 'Cat B', sex: 'female', risk_level: 'low', protection_concerns: ['unaccompanied'] });
    await create({ name: 'Cat C', sex: 'male', risk_level: 'high', location_current: 'GH0101' });
    probe = (await create({ name: 'Cat D', sex: 'other' })).id;
  });
  let probe: string;

  it('an equality filter on a sealed categorical field finds the records, and the total counts them', async () => {
    const doc = await raw(probe);
    expect(isSealed(doc.sex)).toBe(true);
    expect(JSON.stringify(doc)).not.toContain('"other"');
    const marker = 'query=Cat';
    expect(await list(`${marker}&sex=female`)).toEqual({ names: ['Cat A', 'Cat B'], total: 2 });
    expect(await list(`${marker}&risk_level=high&sex=male`)).toEqual({ names: ['Cat C'], total: 1 });
    expect(await list(`${marker}&protection_concerns=unaccompanied`)).toEqual({
      names: ['Cat A', 'Cat B'],
      total: 2,
    });
    expect((await list(`${marker}&protection_concerns=trafficking,none`)).names).toEqual(['Cat A']);
    expect((await list(`${marker}&location_current=GH0101`)).names).toEqual(['Cat C']);
    expect((await list(`${marker}&sex=female,other`)).total).toBe(3);
  });

  it('the token of each known option labels a count without any plaintext in the query', async () => {
    const all = (
      (await t.call('GET', '/api/v2/cases?per=1000', { token })).body.data as {
        sex?: string;
        owned_by: string;
      }[]
    ).filter((c) => c.owned_by === 'cw_gh');
    expect(all.filter((c) => c.sex === 'female').length).toBeGreaterThanOrEqual(2);
    for (const option of ['female', 'male', 'other', 'unknown']) {
      const [tok] = await t.app.records.cases.cipher.categoryTokens('GH', 'sex', [option]);
      const counted = await t.app.records.cases.count(
        'GH',
        "c.country_code = 'GH' AND c.record_type = 'case' AND c.enabled = true AND c.owned_by = 'cw_gh' AND ARRAY_CONTAINS(c.sex.tok, @t)",
        [{ name: '@t', value: tok as string }],
      );
      // The count over tokens equals the count over opened values (cw_gh's own cases).
      expect({ option, counted }).toEqual({ option, counted: all.filter((c) => c.sex === option).length });
    }
  });

  it('a record stored before (with these fields in clear) still reads, and the re-encryption job seals it', async () => {
    const { id } = await create({
      name: 'Cat Legacy',
      sex: 'unknown',
      protection_concerns: ['neglect'],
    });
    // Stored before the forms had this lookup: a value that is no option today still reads and reseals.
    const sealed = await raw(id);
    const legacy: Record<string, unknown> = {
      ...sealed,
      sex: 'unknown',
      protection_concerns: ['legacy_concern'],
    };
    delete legacy.protection_version;
    await t.app.containers.records.item(id, ['GH', id]).replace(legacy);

    const read = await t.call('GET', `/api/v2/cases/${id}`, { token });
    expect(read.body.data).toMatchObject({ sex: 'unknown', protection_concerns: ['legacy_concern'] });

    await reencryptCountry({ cases: t.app.records.cases, dataKeys: t.app.dataKeys, clock: t.clock }, 'GH');
    const resealed = await raw(id);
    expect(isSealed(resealed.sex)).toBe(true);
    expect(JSON.stringify(resealed)).not.toContain('legacy_concern');
    expect((await list('query=Cat Legacy&sex=unknown')).names).toEqual(['Cat Legacy']);
    expect((await t.call('GET', `/api/v2/cases/${id}`, { token })).body.data).toMatchObject({
      sex: 'unknown',
      protection_concerns: ['legacy_concern'],
    });
  });
});
