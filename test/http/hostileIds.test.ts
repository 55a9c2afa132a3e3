import { rawRequest } from '../support/rawRequest';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let token: string;
let caseId: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('cw_gh');
  caseId = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Hostile Ids' } } })).body
    .data.id;
});
afterAll(() => t.close());

// Not `..`: it is no id but a dot segment, which every HTTP server (Kestrel, as our host) resolves before
// routing — `/cases/{id}/flags/..` *is* `/cases/{id}`, `/cases/../flags` is `/flags` — so it would address
// another route (an earlier version of this test disabled its own case that way). `...` is a segment.
const hostile = [
  '%23frag',
  '...',
  'a%20b',
  encodeURIComponent("' OR 1=1 --"),
  'x'.repeat(600),
  '%00',
  encodeURIComponent('a?b'),
  encodeURIComponent('日本'),
];

const raw = (method: string, path: string, body?: unknown) => rawRequest(t.url, token, method, path, body);

describe('hostile ids in paths are a 4xx, never a 500', () => {
  it.each(hostile)('%s', async (id) => {
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/v2/cases/${id}`],
      ['PATCH', `/api/v2/cases/${id}`, { data: { age: 1 } }],
      ['DELETE', `/api/v2/cases/${id}`],
      ['GET', `/api/v2/cases/${id}/flags`],
      ['POST', `/api/v2/cases/${id}/flags`, { data: { message: 'x' } }],
      ['PATCH', `/api/v2/cases/${caseId}/flags/${id}`, { data: { unflag_message: 'x' } }],
      ['GET', `/api/v2/cases/${id}/alerts`],
      ['DELETE', `/api/v2/cases/${caseId}/alerts/${id}`],
      ['GET', `/api/v2/attachments/${id}`],
      ['DELETE', `/api/v2/cases/${caseId}/attachments/${id}`],
    ];
    for (const [method, path, body] of calls) {
      const res = await raw(method, path, body);
      const is4xx = res.status >= 400 && res.status < 500;
      expect([method, path.slice(0, 60), res.status, is4xx]).toEqual([
        method,
        path.slice(0, 60),
        res.status,
        true,
      ]);
    }
    // None of them reached the case under test.
    const own = await t.call('GET', `/api/v2/cases/${caseId}`, { token });
    expect(own.body.data).toMatchObject({ enabled: true, version: 1 });
  });
});
