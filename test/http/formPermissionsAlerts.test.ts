import { startTestApp, type TestApp } from '../support/testApp';
import { changeFormGrants } from '../support/formGrants';

// Per-role form permissions on what surrounds a record: tasks, alert counts, history, and the answer a
// write gives. The CP caseworker role loses the follow-up, protection concern (risk_level) and closure
// forms; the supervisor keeps them all. Nothing the caseworker gets may tell them about those forms.
let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const user of ['cw_gh', 'sup_gh', 'admin_gh']) tokens[user] = await t.login(user);
  await changeFormGrants(t, tokens.admin_gh as string, 'role-cp-caseworker', (grants) => {
    for (const form of ['followup', 'protection_concern_details', 'closure']) delete grants[form];
    return grants;
  });
});
afterAll(() => t.close());

const call = (user: string, method: string, path: string, body?: unknown) =>
  t.call(method, path, { token: tokens[user], ...(body === undefined ? {} : { body }) });
/** A case of cw_gh's on which the supervisor set a field the caseworker may not read. */
async function caseWithHiddenField(): Promise<string> {
  const created = await call('cw_gh', 'POST', '/api/v2/cases', { data: { name: 'Kwame Hidden', age: 9 } });
  expect(created.status).toBe(200);
  const id = created.body.data.id as string;
  expect(
    (await call('sup_gh', 'PATCH', `/api/v2/cases/${id}`, { data: { risk_level: 'high' } })).status,
  ).toBe(200);
  return id;
}

it('lists no task from a form the role may not read', async () => {
  // Demo case c1d0001 (cw_gh's) has an overdue follow-up and an overdue assessment.
  const res = await call('cw_gh', 'GET', '/api/v2/tasks?per=100');
  expect(res.status).toBe(200);
  const types = (res.body.data as { record_id_display: string; type: string }[])
    .filter((task) => task.record_id_display === 'c1d0001')
    .map((task) => task.type);
  expect(types).toEqual(['assessment']);
  expect(JSON.stringify(res.body)).not.toContain('followup');
  // Nor do the record's own reminders name it; the supervisor's view does.
  const id = (res.body.data as { record_id_display: string; record_id: string }[]).find(
    (task) => task.record_id_display === 'c1d0001',
  )?.record_id;
  const reminders = async (user: string) =>
    ((await call(user, 'GET', `/api/v2/cases/${id}`)).body.data.reminders as { type: string }[]).map(
      (r) => r.type,
    );
  expect(await reminders('cw_gh')).not.toContain('followup_due');
  expect(await reminders('sup_gh')).toContain('followup_due');
});

it('does not date the next reminder by a follow-up the role may not read', async () => {
  const id = await caseWithHiddenField();
  const inAWeek = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  const planned = await call('sup_gh', 'PATCH', `/api/v2/cases/${id}`, {
    data: { followup_subform_section: [{ followup_type: 'home_visit', followup_needed_by_date: inAWeek }] },
  });
  expect(planned.status).toBe(200);
  const seen = async (user: string) =>
    (await call(user, 'GET', `/api/v2/cases/${id}`)).body.data as {
      next_due_at: string | null;
      reminders: { type: string; due_at: string }[];
    };
  const supervisor = await seen('sup_gh');
  expect(supervisor.reminders.map((r) => r.type)).toEqual(['followup_due']);
  expect(supervisor.next_due_at).toBe(supervisor.reminders[0]?.due_at);
  expect((await seen('cw_gh')).next_due_at).toBeNull();
  const listed = await call('cw_gh', 'GET', `/api/v2/cases?fields=id,next_due_at&per=100`);
  expect((listed.body.data as { id: string }[]).find((r) => r.id === id)).toEqual({ id, next_due_at: null });
});

it('does not count an alert whose only subject is a form the role may not read', async () => {
  const counts = async (user: string) => (await call(user, 'GET', '/api/v2/alerts')).body.data.case as number;
  const before = { cw: await counts('cw_gh'), sup: await counts('sup_gh') };
  const id = await caseWithHiddenField();
  const requested = await call('sup_gh', 'PATCH', `/api/v2/cases/${id}/approvals/closure`, {
    data: { approval_status: 'requested' },
  });
  expect(requested.status).toBe(200);

  expect((await call('sup_gh', 'GET', `/api/v2/cases/${id}`)).body.data.alert_count).toBe(1);
  const mine = (await call('cw_gh', 'GET', `/api/v2/cases/${id}`)).body.data;
  expect(mine.alert_count).toBe(0);
  expect(mine).not.toHaveProperty('alert_subjects');
  const listed = (await call('cw_gh', 'GET', '/api/v2/cases?per=100')).body.data.find(
    (r: { id: string }) => r.id === id,
  );
  expect(listed.alert_count).toBe(0);
  expect(await counts('sup_gh')).toBe(before.sup + 1);
  expect(await counts('cw_gh')).toBe(before.cw);

  // The list of records with alerts agrees with the counts, for each caller.
  const withAlerts = async (user: string, has: boolean) => {
    const res = await call(user, 'GET', `/api/v2/cases?has_alerts=${has}&per=1000`);
    expect(res.status).toBe(200);
    return { total: res.body.metadata.total, ids: (res.body.data as { id: string }[]).map((r) => r.id) };
  };
  const sup = await withAlerts('sup_gh', true);
  expect(sup.total).toBe(before.sup + 1);
  expect(sup.ids).toContain(id);
  const cw = await withAlerts('cw_gh', true);
  expect(cw.total).toBe(before.cw);
  expect(cw.ids).not.toContain(id);
  expect((await withAlerts('cw_gh', false)).ids).toContain(id);
  expect((await withAlerts('sup_gh', false)).ids).not.toContain(id);
});

it('leaves out a history entry whose changes are all on forms hidden from the caller', async () => {
  const id = await caseWithHiddenField();
  const history = async (user: string) =>
    (await call(user, 'GET', `/api/v2/cases/${id}/record_history`)).body as {
      data: { version: number; record_changes: unknown[] }[];
      metadata: { total: number };
    };
  const sup = await history('sup_gh');
  expect(sup.data.map((h) => h.version).sort()).toEqual([1, 2]);
  const mine = await history('cw_gh');
  expect(mine.data.map((h) => h.version)).toEqual([1]);
  expect(mine.metadata.total).toBe(1);
});

it('answers a guess of an unreadable value as it answers any other value: 403, nothing written', async () => {
  const id = await caseWithHiddenField();
  const right = await call('cw_gh', 'PATCH', `/api/v2/cases/${id}`, { data: { risk_level: 'high' } });
  const wrong = await call('cw_gh', 'PATCH', `/api/v2/cases/${id}`, { data: { risk_level: 'low' } });
  expect(right.status).toBe(403);
  expect(wrong.status).toBe(403);
  expect(right.body).toEqual(wrong.body);
});
