import { reencryptCountry } from '../../src/crypto/reencryption';
import { isSealed } from '../../src/crypto/fieldCipher';
import type { ProtectionClass } from '../../src/forms/fieldSchema';
import type { CaseDocument } from '../../src/records/recordDocument';
import { startTestApp, type TestApp } from '../support/testApp';

// The published forms decide how each field is kept at rest (records/protection.ts).
let t: TestApp;
let cw: string;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  [cw, admin] = await Promise.all([t.login('cw_gh'), t.login('admin_gh')]);
});
afterAll(() => t.close());

const create = async (data: Record<string, unknown>) => {
  const res = await t.call('POST', '/api/v2/cases', { token: cw, body: { data } });
  expect(res.status).toBe(200);
  return res.body.data.id as string;
};
/** The document as Cosmos holds it, read with the Cosmos client (no cipher). */
const raw = async (id: string) =>
  (await t.app.containers.records.item(id, ['GH', id]).read<CaseDocument>()).resource as CaseDocument;
const list = (query: string) => t.call('GET', `/api/v2/cases?per=100&${query}`, { token: cw });
const names = async (query: string) => {
  const res = await list(query);
  expect(res.status).toBe(200);
  return (res.body.data as { name: string }[]).map((c) => c.name).sort();
};
/** An admin's PATCH /forms/basic_identity with some fields' classes changed. */
const reclass = async (classes: Record<string, ProtectionClass>) => {
  const form = (await t.app.forms.current('GH')).forms.find((f) => f.unique_id === 'basic_identity')!;
  const fields = form.fields.map((f) => ({ ...f, protection: classes[f.name] ?? f.protection }));
  return t.call('PATCH', '/api/v2/forms/basic_identity', { token: admin, body: { data: { fields } } });
};
const reseal = () =>
  reencryptCountry({ cases: t.app.records.cases, dataKeys: t.app.dataKeys, clock: t.clock }, 'GH');

describe('protection classes come from the published forms', () => {
  it('a field the forms seal is ciphertext in Cosmos; one they make categorical is filtered by its token', async () => {
    const id = await create({
      name: 'Formclass Alpha',
      interview_subject: 'Aunt Interviewee',
      displacement_status: 'idp',
    });
    await create({ name: 'Formclass Beta', displacement_status: 'returnee' });
    const doc = await raw(id);
    expect(isSealed(doc.interview_subject)).toBe(true);
    expect(doc.interview_subject).not.toHaveProperty('tok');
    // displacement_status is a country's custom field that only the forms make categorical.
    expect(doc.displacement_status).toMatchObject({ $enc: 'aes-256-gcm', tok: [expect.any(String)] });
    const text = JSON.stringify(doc);
    for (const secret of ['Aunt Interviewee', 'Formclass', '"idp"']) expect(text).not.toContain(secret);

    expect(await names('query=Formclass&displacement_status=idp')).toEqual(['Formclass Alpha']);
    expect(await names('query=Formclass&displacement_status=idp,returnee')).toEqual([
      'Formclass Alpha',
      'Formclass Beta',
    ]);
    // A sealed-only field cannot be filtered on (nothing about it is queryable).
    expect((await list('interview_subject=x')).status).toBe(400);
    expect((await t.call('GET', `/api/v2/cases/${id}`, { token: cw })).body.data).toMatchObject({
      interview_subject: 'Aunt Interviewee',
      displacement_status: 'idp',
    });
  });

  it('a form may not call a sensitive field plain: 422 naming it, nothing published', async () => {
    const before = (await t.app.forms.current('GH')).version;
    const res = await reclass({ date_of_birth: 'plain' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        detail: 'basic_identity.date_of_birth',
        message: expect.stringContaining('plain'),
      }),
    ]);
    expect((await t.app.forms.current('GH')).version).toBe(before);
  });

  it("changing a field's class in the forms re-seals existing records, which still read back", async () => {
    const ids = [
      await create({ name: 'Reclass One', interview_subject: 'Grandmother Ama', displacement_status: 'idp' }),
      await create({ name: 'Reclass Two', interview_subject: 'Uncle Kojo', displacement_status: 'refugee' }),
    ];
    const fingerprint = (await raw(ids[0]!)).protection_version;
    expect(
      (await reclass({ interview_subject: 'sealed_searchable', displacement_status: 'sealed' })).status,
    ).toBe(200);
    // Not yet re-sealed: still under the old classes (the job's work), but readable.
    expect((await raw(ids[0]!)).protection_version).toBe(fingerprint);
    expect(await names('query=Kojo')).toEqual([]);

    const result = await reseal();
    expect(result.done).toBeGreaterThanOrEqual(ids.length);
    for (const [i, id] of ids.entries()) {
      const doc = await raw(id);
      expect(doc.protection_version).not.toBe(fingerprint);
      expect(isSealed(doc.interview_subject)).toBe(true);
      expect(isSealed(doc.displacement_status)).toBe(true);
      expect(doc.displacement_status).not.toHaveProperty('tok');
      expect(JSON.stringify(doc)).not.toMatch(/Grandmother Ama|Uncle Kojo|"refugee"/);
      const read = await t.call('GET', `/api/v2/cases/${id}`, { token: cw });
      expect(read.body.data).toMatchObject({
        name: `Reclass ${['One', 'Two'][i]}`,
        interview_subject: ['Grandmother Ama', 'Uncle Kojo'][i],
        displacement_status: ['idp', 'refugee'][i],
      });
    }
    // The new classes hold for the old records: searchable by the interviewee, no token for displacement.
    expect(await names('query=Kojo')).toEqual(['Reclass Two']);
    // (The GBV module's form still makes it categorical, so the filter exists; CP records carry no token.)
    expect(await names('query=Reclass&displacement_status=idp,refugee')).toEqual([]);
    // Done: a second run finds nothing left.
    expect((await reseal()).total).toBe(0);
  });
});
