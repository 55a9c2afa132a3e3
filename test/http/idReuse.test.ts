import { randomBytes, randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
const tok: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['cw_gh', 'cw2_gh', 'cw_ke']) tok[u] = await t.login(u);
});
afterAll(() => t.close());

const create = (as: string, data: Record<string, unknown>) =>
  t.call('POST', '/api/v2/cases', { token: tok[as], body: { data } });
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size)]);
const upload = (as: string, recordId: string, attachmentId: string, bytes: Buffer) =>
  t.call(
    'POST',
    `/api/v2/cases/${recordId}/attachments?field_name=other_documents&file_name=a.pdf&attachment_id=${attachmentId}`,
    { token: tok[as], rawBody: bytes, headers: { 'Content-Type': 'application/pdf' } },
  );
const download = async (as: string, id: string) => {
  const res = await fetch(`${t.url}/api/v2/attachments/${id}`, {
    headers: { Authorization: `Bearer ${tok[as]}` },
  });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
};

describe('a record id names one record, platform-wide', () => {
  it("a KE caseworker cannot create a case under a GH case's id: 409, without naming the country", async () => {
    const gh = (await create('cw_gh', { name: 'Ghana Child' })).body.data;
    const ke = await create('cw_ke', { id: gh.id, name: 'Kenya Child' });
    expect(ke.status).toBe(409);
    expect(ke.body.errors[0].detail).toBe('id');
    expect(JSON.stringify(ke.body)).not.toMatch(/GH|Ghana/);
    // The same refusal through an offline create.
    const sync = await t.call('POST', '/api/v2/sync/cases', {
      token: tok.cw_ke,
      body: {
        data: [
          { mutation_id: `m-${randomUUID()}`, op: 'create', id: gh.id, changes: { name: 'Kenya Child' } },
        ],
      },
    });
    expect(sync.body.data[0]).toMatchObject({ result: 'rejected' });
    const list = await t.call('GET', `/api/v2/cases?id=${gh.id}`, { token: tok.cw_ke });
    expect(list.body.data ?? []).toEqual([]);
    // The GH child is untouched.
    expect((await t.call('GET', `/api/v2/cases/${gh.id}`, { token: tok.cw_gh })).body.data.name).toBe(
      'Ghana Child',
    );
  });

  it('two countries racing for one new id: exactly one record exists', async () => {
    const id = randomUUID();
    const [a, b] = await Promise.all([
      create('cw_gh', { id, name: 'Race GH' }),
      create('cw_ke', { id, name: 'Race KE' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const found = [
      (await t.call('GET', `/api/v2/cases/${id}`, { token: tok.cw_gh })).status,
      (await t.call('GET', `/api/v2/cases/${id}`, { token: tok.cw_ke })).status,
    ];
    expect(found.sort()).toEqual([200, 404]);
  });

  it('a create that failed validation leaves the id free for the corrected retry', async () => {
    const id = randomUUID();
    expect((await create('cw_ke', { id, name: 'Bad', age: -3 })).status).toBe(422);
    expect((await create('cw_ke', { id, name: 'Good', age: 3 })).status).toBe(200);
    expect((await create('cw_ke', { id, name: 'Good', age: 3 })).status).toBe(200); // the same create again
  });
});

describe('an attachment id names one attachment', () => {
  it('10 parallel uploads with one attachment id: one wins, the others 409, never a 500', async () => {
    const c = (await create('cw_gh', { name: 'Parallel Upload' })).body.data;
    const id = randomUUID();
    const files = Array.from({ length: 10 }, () => pdf(1_500_000));
    const answers = await Promise.all(files.map((f) => upload('cw_gh', c.id, id, f)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    // One file is stored, and it is one whose upload was answered 200.
    const got = await download('cw_gh', id);
    expect(got.status).toBe(200);
    const stored = files.findIndex((f) => got.bytes.equals(f));
    expect(stored).toBeGreaterThanOrEqual(0);
    expect(statuses[stored]).toBe(200);
    const winner = files[stored] as Buffer;
    // An upload that reached the server only after the winner was committed is taken as its retry (a
    // client id names one attachment): answered 200 with that same attachment, nothing written over it.
    // Under load that happens; every other one is a 409.
    for (const answer of answers.filter((a) => a.status === 200))
      expect(answer.body.data).toMatchObject({ id, size: winner.length });
    const record = (await t.call('GET', `/api/v2/cases/${c.id}`, { token: tok.cw_gh })).body.data;
    expect(record.other_documents.map((a: { id: string }) => a.id)).toEqual([id]);
    // A retry of the winning upload after the fact is the same attachment, not a 409.
    expect((await upload('cw_gh', c.id, id, winner)).status).toBe(200);
    // Another file under that id afterwards is refused, not answered as if it were stored.
    const other = await upload('cw_gh', c.id, id, pdf(1000));
    expect(other.status).toBe(409);
    expect((await download('cw_gh', id)).bytes.equals(winner)).toBe(true);
  });

  it('reusing an id on another record does not lock the first uploader out', async () => {
    const first = (await create('cw_gh', { name: 'First Uploader' })).body.data;
    const other = (await create('cw2_gh', { name: 'Other Record' })).body.data;
    const id = randomUUID();
    const file = pdf(1000);
    expect((await upload('cw_gh', first.id, id, file)).status).toBe(200);
    expect((await upload('cw2_gh', other.id, id, pdf(1000))).status).toBe(409);
    const got = await download('cw_gh', id);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(file)).toBe(true);
  });
});
