import { startTestApp, type TestApp } from '../support/testApp';

// An integration's list calls, with Primero's parameters (issue 17, item 1).
let t: TestApp;
let token: string;
let boy: { id: string; short_id: string; case_id: string; case_id_display: string };
let girl: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('cw_gh');
  const create = async (data: Record<string, unknown>) =>
    (await t.call('POST', '/api/v2/cases', { token, body: { data } })).body.data;
  boy = await create({ name: 'Kwame Listed', sex: 'male', age: 12 });
  girl = (await create({ name: 'Ama Listed', sex: 'female', age: 9, status: 'closed' })).id;
});
afterAll(() => t.close());

const list = async (query: string) => {
  const res = await t.call('GET', `/api/v2/cases?query=listed&${query}`, { token });
  expect(res.status).toBe(200);
  return res.body as { data: Record<string, unknown>[]; metadata: { total: number; per: number } };
};
const ids = async (query: string) => (await list(query)).data.map((c) => c.id).sort();

describe("GET /cases with Primero's parameters", () => {
  it('remote and scope are accepted and change nothing', async () => {
    expect(await ids('remote=true&sex=male')).toEqual([boy.id]);
    expect(await ids('remote=true&scope[]=case_id&scope[sex]=male')).toEqual([boy.id, girl].sort());
  });

  it('reads the array syntaxes status[]=, status[0]=&status[1]= like status=a,b', async () => {
    expect(await ids('status[]=open')).toEqual([boy.id]);
    expect(await ids('status[0]=open&status[1]=closed')).toEqual([boy.id, girl].sort());
    expect(await ids('sex[0]=female')).toEqual([girl]);
    expect(await ids('record_state=true&status=closed')).toEqual([girl]);
  });

  it('finds a case by its display ids (case_id, case_id_display, short_id)', async () => {
    for (const field of ['case_id', 'case_id_display', 'short_id'] as const) {
      const res = await t.call('GET', `/api/v2/cases?remote=true&${field}=${boy[field]}`, { token });
      expect(res.status).toBe(200);
      expect(res.body.data.map((c: { id: string }) => c.id)).toEqual([boy.id]);
    }
  });

  it('clamps per above the maximum to 1000 instead of refusing it', async () => {
    expect((await list('per=5000')).metadata.per).toBe(1000);
    const zero = await t.call('GET', '/api/v2/cases?per=0', { token });
    expect(zero.status).toBe(400);
  });

  it("fields=short answers Primero's short list with photos and record_in_scope", async () => {
    const [one] = (await list(`fields=short&id[]=${boy.id}`)).data;
    expect(one).toMatchObject({ id: boy.id, sex: 'male', age: 12, photos: [], record_in_scope: true });
    // The keys of Primero's documented list (doc-examples cases/get).
    for (const key of [
      'id',
      'age',
      'sex',
      'name',
      'owned_by',
      'created_at',
      'case_id_display',
      'registration_date',
    ])
      expect(one).toHaveProperty(key);
    expect(one).not.toHaveProperty('date_of_birth');
  });

  it('an unknown parameter that is not Primero’s stays a 400 naming it and the filters there are', async () => {
    const res = await t.call('GET', '/api/v2/cases?remote=true&colour[]=red', { token });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].detail).toBe('colour');
    expect(res.body.errors[0].message).toMatch(/Unknown query parameter colour: .*case_id_display/);
    // Without naming fields of forms the caller may not read (the CP caseworker does not read the
    // psychosocial assessment).
    expect(res.body.errors[0].message).not.toMatch(/pss_/);
  });

  it('a filter takes at most 50 values, and a range its lower bound first', async () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `sex[]=v${i}`).join('&');
    expect((await t.call('GET', `/api/v2/cases?${values(50)}`, { token })).status).toBe(200);
    const many = await t.call('GET', `/api/v2/cases?${values(51)}`, { token });
    expect(many.status).toBe(400);
    expect(many.body.errors[0]).toMatchObject({ detail: 'sex', message: 'sex takes at most 50 values' });
    const reversed = await t.call('GET', '/api/v2/cases?age=15..5', { token });
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors[0]).toMatchObject({ detail: 'age' });
  });
});
