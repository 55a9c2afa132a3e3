import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PASSWORD, ROOT, startTestApp, type TestApp } from '../support/testApp';
import { rowFor } from '../support/compatibilityTable';

/**
 * Replays the examples of Primero's API documentation whose route docs/primero-compatibility.md marks
 * *same*: Primero's request (with our demo users and records in place of Primero's), checked for the
 * documented status and every documented key. A key may be missing only where the table's note names it.
 */
interface Example {
  key: string;
  method: string;
  path: string;
  request_body: { data?: Record<string, unknown> } | null;
  status: number | null;
  response_shape: {
    data: 'array' | 'object' | 'none';
    top_level_keys: string[];
    metadata_keys: string[];
    data_keys: string[];
    optional_data_keys?: string[];
    response_headers?: string[];
    nested_keys?: Record<string, string[]>;
  };
}
const examples = JSON.parse(
  readFileSync(join(ROOT, 'test', 'fixtures', 'primero-doc-examples.json'), 'utf8'),
) as Example[];

let t: TestApp;
const tok: Record<string, string> = {};
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['cw_gh', 'cw2_gh', 'sup_gh', 'admin_gh']) tok[u] = await t.login(u);
  const create = async (name: string) =>
    (
      await t.call('POST', '/api/v2/cases', {
        token: tok.cw_gh,
        // A due assessment makes a task to list.
        body: {
          data: {
            name,
            age: 16,
            sex: 'female',
            consent_for_services: true,
            assessment_due_date: '2026-01-05',
          },
        },
      })
    ).body.data.id as string;
  for (const name of [
    'main',
    'assigned',
    'referred',
    'bulk1',
    'bulk2',
    'transferred',
    'bulk3',
    'bulk4',
    'gone',
  ])
    ids[name] = await create(`Replay ${name}`);
  // A flag to list (flags/get comes before flags/id/post in the documentation).
  await t.call('POST', `/api/v2/cases/${ids.main}/flags`, {
    token: tok.cw_gh,
    body: { data: { message: 'Listed flag' } },
  });
  // An alert to list: requesting an approval alerts on the case.
  await t.call('PATCH', `/api/v2/cases/${ids.main}/approvals/case_plan`, {
    token: tok.cw_gh,
    body: { data: { approval_status: 'requested' } },
  });
});
afterAll(() => t.close());

interface Replay {
  user?: string;
  params?: () => Record<string, string | undefined>;
  /** Fields of the documented body replaced by ours (Primero's user names and ids do not exist here). */
  body?: () => Record<string, unknown>;
  /** The whole body, for a request without Primero's `data` envelope (sign-in). */
  wholeBody?: () => unknown;
  /** Sent without a token. */
  anonymous?: boolean;
}
const to = { transitioned_to: 'cw2_gh' };
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
// Ids made by earlier replays (examples run in the documentation's order).
const made: Record<string, string> = {};
const replays: Record<string, Replay> = {
  'cases/get': {},
  'cases/id/get': { params: () => ({ id: ids.main }) },
  'cases/id/delete': { params: () => ({ id: ids.gone }) },
  'flags/id/post': { params: () => ({ recordType: 'cases', recordId: ids.main }) },
  'flags/get': { params: () => ({ recordType: 'cases', recordId: ids.main }) },
  'flags/id/patch': { params: () => ({ recordType: 'cases', recordId: ids.main, id: made.flag }) },
  'alerts/get': {},
  'alerts/id/get': { params: () => ({ recordType: 'cases', recordId: ids.main }) },
  'assigns/id/post': { params: () => ({ id: ids.assigned }), body: () => to },
  'referrals/id/post': { params: () => ({ id: ids.referred }), body: () => to },
  'referrals/post_referrals': { body: () => ({ ...to, ids: [ids.bulk1, ids.bulk2] }) },
  'referrals/id/delete': { params: () => ({ id: ids.referred, referral_id: made.referral }) },
  'transfers/id/post': { user: 'sup_gh', params: () => ({ id: ids.transferred }), body: () => to },
  'transfers/post_transfers': { user: 'sup_gh', body: () => ({ ...to, ids: [ids.bulk3, ids.bulk4] }) },
  'transfers/id/patch': {
    user: 'cw2_gh',
    params: () => ({ id: ids.transferred, transfer_id: made.transfer }),
    body: () => ({ status: 'rejected' }),
  },
  'transitions/get': { params: () => ({ recordId: ids.referred }) },
  'primero/get': { anonymous: true },
  // A role with both request_approval_assessment and approve_assessment (the administrator's), so one user does both steps.
  'approvals/patch#requested': {
    user: 'admin_gh',
    params: () => ({ id: ids.main, approval_id: 'assessment' }),
  },
  'approvals/patch#approved': {
    user: 'admin_gh',
    params: () => ({ id: ids.main, approval_id: 'assessment' }),
  },
  'attachments/post': {
    params: () => ({ recordType: 'cases', recordId: ids.main }),
    body: () => ({
      field_name: 'photos',
      type: 'image',
      content_type: 'image/png',
      file_name: 'replay.png',
      attachment: PNG,
    }),
  },
  'attachments/id/delete': {
    params: () => ({ recordType: 'cases', recordId: ids.main, id: made.attachment }),
  },
  'tasks/get': {},
  'tokens/post': { anonymous: true, wholeBody: () => ({ user: { user_name: 'cw_gh', password: PASSWORD } }) },
  'record_history/get': { params: () => ({ record_type: 'cases', record_id: ids.main }) },
};

const same = examples.filter((e) => rowFor(e.method, e.path)?.verdict === 'same');

describe("Primero's documentation examples, replayed", () => {
  it('every example of a route marked same has a replay here', () => {
    expect(same.length).toBeGreaterThan(10);
    expect(same.map((e) => e.key).filter((k) => !replays[k])).toEqual([]);
  });

  it.each(same.map((e) => [e.key, e] as const))('%s', async (_key, example) => {
    const replay = replays[example.key] as Replay;
    const params = replay.params?.() ?? {};
    const path = example.path.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? `:${name}`);
    const documented = example.request_body?.data;
    const body =
      replay.wholeBody?.() ?? (documented ? { data: { ...documented, ...replay.body?.() } } : undefined);
    const token = replay.anonymous ? undefined : tok[replay.user ?? 'cw_gh'];
    const res = await t.call(example.method, path, { token, body });
    expect({ status: res.status, errors: res.body?.errors ?? [] }).toEqual({
      status: example.status ?? 200,
      errors: [],
    });
    const note = rowFor(example.method, example.path)?.notes ?? '';
    const allowed = (key: string) => note.includes(`\`${key}\``);
    const shape = example.response_shape;
    for (const key of shape.top_level_keys) expect(res.body).toHaveProperty(key);
    for (const header of shape.response_headers ?? []) expect(res.headers.get(header)).toBeTruthy();
    for (const key of shape.metadata_keys) expect(res.body.metadata).toHaveProperty(key);
    const data = shape.data === 'array' ? res.body.data[0] : (res.body?.data ?? {});
    if (shape.data === 'array') expect(res.body.data.length).toBeGreaterThan(0);
    const optional = new Set(shape.optional_data_keys ?? []);
    const missing = shape.data_keys.filter((k) => !optional.has(k) && !allowed(k) && !(k in data));
    expect(missing).toEqual([]);
    for (const [parent, keys] of Object.entries(shape.nested_keys ?? {}))
      for (const key of keys) expect(data[parent]).toHaveProperty(key);
    if (example.key === 'flags/id/post') made.flag = data.id;
    if (example.key === 'attachments/post') made.attachment = data.id;
    if (example.key === 'referrals/id/post') made.referral = data.id;
    if (example.key === 'transfers/id/post') made.transfer = data.id;
  });
});
