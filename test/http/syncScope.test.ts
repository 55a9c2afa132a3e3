import { startTestApp, type TestApp } from '../support/testApp';

// A role or group change moves records in and out of a user's reach without the records changing:
// the next pull still brings the ones gained and tombstones for the ones lost.
let t: TestApp;
let admin: string;
let cw: string;
beforeAll(async () => {
  t = await startTestApp();
  [admin, cw] = await Promise.all([t.login('admin_gh'), t.login('cw_gh')]);
});
afterAll(() => t.close());

// Pulls send only writes older than their settle window: wait it out in real time.
const settle = () => new Promise((resolve) => setTimeout(resolve, 3500));
const adminPatch = (id: string, data: Record<string, unknown>) =>
  t.call('PATCH', `/api/v2/users/${id}`, { token: admin, body: { data } });

async function pullAll(token: string, cursor?: string) {
  const rows: { id: string; deleted?: boolean }[] = [];
  let next = cursor;
  for (;;) {
    const res = await t.call('GET', `/api/v2/sync/cases?per=2${next ? `&cursor=${next}` : ''}`, { token });
    expect(res.status).toBe(200);
    rows.push(...res.body.data);
    next = res.body.metadata.next_cursor;
    if (!res.body.metadata.has_more) return { rows, cursor: next as string };
  }
}

it('gains records with a wider role and gets tombstones when moved out of the group', async () => {
  const created = await t.call('POST', '/api/v2/users', {
    token: admin,
    body: {
      data: {
        user_name: 'newsup_gh',
        full_name: 'New Supervisor',
        password: 'a-long-enough-passphrase',
        role_unique_id: 'role-cp-caseworker',
        user_group_unique_ids: ['usergroup-cp-accra'],
        agency_unique_id: 'agency-unicef',
      },
    },
  });
  expect(created.status).toBe(200);
  await t.call('POST', '/api/v2/user_groups', {
    token: admin,
    body: { data: { unique_id: 'usergroup-empty', name: 'Empty' } },
  });
  const mine = (await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { name: 'Group Case' } } }))
    .body.data.id as string;
  const token = (
    await t.call('POST', '/api/v2/tokens', {
      body: { user: { user_name: 'newsup_gh', password: 'a-long-enough-passphrase' } },
    })
  ).body.token as string;
  await settle();

  // Scope self: none of cw_gh's cases.
  const first = await pullAll(token);
  expect(first.rows.map((r) => r.id)).not.toContain(mine);

  // Promoted to supervisor (scope group): cw_gh's cases, unchanged since, arrive on the next pull.
  expect((await adminPatch('user-newsup_gh', { role_unique_id: 'role-cp-supervisor' })).status).toBe(200);
  const gained = await pullAll(token, first.cursor);
  expect(gained.rows).toContainEqual(expect.objectContaining({ id: mine, name: 'Group Case' }));
  const demoCase = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0001'; // cw_gh's demo case, same group
  expect(gained.rows.map((r) => r.id)).toContain(demoCase);

  // Nothing changed since: the replay is over, the next pull is empty.
  expect((await pullAll(token, gained.cursor)).rows).toEqual([]);

  // Moved to another group: the group's cases leave as tombstones, though none of them changed.
  expect((await adminPatch('user-newsup_gh', { user_group_unique_ids: ['usergroup-empty'] })).status).toBe(
    200,
  );
  const lost = await pullAll(token, gained.cursor);
  expect(lost.rows).toContainEqual({ id: mine, deleted: true });
  expect(lost.rows).toContainEqual({ id: demoCase, deleted: true });
  expect(lost.rows.filter((r) => !r.deleted)).toEqual([]);
  // Each record once, across pages of 2.
  const ids = lost.rows.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
});
