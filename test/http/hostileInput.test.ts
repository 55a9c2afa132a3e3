import { rawRequest } from '../support/rawRequest';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let token: string;
let caseId: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('cw_gh');
  caseId = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Hostile Input' } } })).body
    .data.id;
});
afterAll(() => t.close());

const rawGet = (path: string) => rawRequest(t.url, token, 'GET', path);

const names = ['a/b', 'a\\b', 'a#b', 'a?b'];

describe('names Cosmos cannot hold are refused as input, never a 500', () => {
  it.each(names)('POST /tokens with %j', async (userName) => {
    const res = await t.call('POST', '/api/v2/tokens', {
      body: { user: { user_name: userName, password: 'x' } },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].detail).toBe('user.user_name');
    expect(JSON.stringify(res.body)).not.toContain(userName);
  });

  it.each(names)('assign and referral to %j', async (userName) => {
    for (const kind of ['assigns', 'referrals']) {
      const res = await t.call('POST', `/api/v2/cases/${caseId}/${kind}`, {
        token,
        body: { data: { transitioned_to: userName } },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].detail).toBe('data.transitioned_to');
    }
  });
});

describe('malformed percent-encoding in a path', () => {
  it.each(['/api/v2/cases/%E0%A4%A', '/api/v2/cases/%', '/api/v2/cases/%zz/flags'])(
    '%s is a 400',
    async (path) => {
      const res = await rawGet(path);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).errors[0]).toMatchObject({ status: 400, message: expect.any(String) });
    },
  );
});

describe('dates of birth no one alive has', () => {
  it.each(['1800-01-01', '2999-01-01'])('%s is a 422, on create and on update', async (dob) => {
    const created = await t.call('POST', '/api/v2/cases', {
      token,
      body: { data: { name: 'Old', date_of_birth: dob } },
    });
    expect(created.status).toBe(422);
    expect(created.body.errors[0].detail).toBe('date_of_birth');
    const patched = await t.call('PATCH', `/api/v2/cases/${caseId}`, {
      token,
      body: { data: { date_of_birth: dob } },
    });
    expect(patched.status).toBe(422);
  });

  it('130 years ago is still accepted', async () => {
    const year = Number(t.clock.now().toISOString().slice(0, 4)) - 130;
    const res = await t.call('POST', '/api/v2/cases', {
      token,
      body: { data: { name: 'Eldest', date_of_birth: `${year}-01-01` } },
    });
    expect(res.status).toBe(200);
  });
});

it('age=1..2..3 is a 400; age=1..2 is a list', async () => {
  const bad = await t.call('GET', '/api/v2/cases?age=1..2..3', { token });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].detail).toBe('age');
  expect((await t.call('GET', '/api/v2/cases?age=1..2', { token })).status).toBe(200);
});

describe('an empty attachment is a 422 and leaves nothing behind', () => {
  it('raw form', async () => {
    const res = await t.call(
      'POST',
      `/api/v2/cases/${caseId}/attachments?field_name=other_documents&file_name=e.txt`,
      {
        token,
        rawBody: Buffer.alloc(0),
        headers: { 'Content-Type': 'text/plain' },
      },
    );
    expect(res.status).toBe(422);
  });

  it('JSON form', async () => {
    const res = await t.call('POST', `/api/v2/cases/${caseId}/attachments`, {
      token,
      body: {
        data: {
          field_name: 'other_documents',
          file_name: 'e.txt',
          content_type: 'text/plain',
          attachment: '',
        },
      },
    });
    expect(res.status).toBe(422);
    const stored = await t.call('GET', `/api/v2/cases/${caseId}`, { token });
    expect(stored.body.data.other_documents ?? []).toEqual([]);
    const blobs = t.app.blob.getContainerClient(t.app.config.ATTACHMENTS_CONTAINER);
    let n = 0;
    for await (const _ of blobs.listBlobsFlat({ prefix: `GH/case/${caseId}/` })) n += 1;
    expect(n).toBe(0);
  });
});
