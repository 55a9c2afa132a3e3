import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let cw: string;
let sup: string;
beforeAll(async () => {
  t = await startTestApp();
  cw = await t.login('cw_gh');
  sup = await t.login('sup_gh');
});
afterAll(() => t.close());

const approval = (id: string, type: string, status: string, token: string, notes?: string) =>
  t.call('PATCH', `/api/v2/cases/${id}/approvals/${type}`, {
    token,
    body: { data: { approval_status: status, ...(notes ? { notes } : {}) } },
  });

describe('approvals', () => {
  it('a caseworker requests a case plan approval, the supervisor approves it', async () => {
    const id = (
      await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { name: 'Approval Child' } } })
    ).body.data.id as string;
    const requested = await approval(id, 'case_plan', 'requested', cw);
    expect(requested.status).toBe(200);
    expect(requested.body.data.record).toMatchObject({
      approval_status_case_plan: 'requested',
      alert_count: 1,
    });
    expect(requested.body.data.record.approval_subforms).toEqual([
      expect.objectContaining({
        approval_requested_for: 'case_plan',
        approval_status: 'requested',
        requested_by: 'cw_gh',
      }),
    ]);
    const alerts = (await t.call('GET', `/api/v2/cases/${id}/alerts`, { token: cw })).body.data;
    expect(alerts).toEqual([expect.objectContaining({ alert_for: 'approval', type: 'case_plan' })]);
    // The request alerts the approver: the requester cannot take it off the supervisor's Home.
    const dismissed = await t.call('DELETE', `/api/v2/cases/${id}/alerts/${alerts[0].unique_id}`, {
      token: cw,
    });
    expect(dismissed.status).toBe(403);
    expect((await t.call('GET', `/api/v2/cases/${id}/alerts`, { token: sup })).body.data).toHaveLength(1);

    expect((await approval(id, 'case_plan', 'approved', cw)).status).toBe(403); // caseworkers cannot approve
    const approved = await approval(id, 'case_plan', 'approved', sup, 'Good plan');
    expect(approved.status).toBe(200);
    expect(approved.body.data.record).toMatchObject({
      approval_status_case_plan: 'approved',
      workflow: 'case_plan',
      alert_count: 0,
    });
    // Decided, the request alerts no one any more.
    expect((await t.call('GET', `/api/v2/cases/${id}/alerts`, { token: sup })).body.data).toEqual([]);
    expect(approved.body.data.record.approval_subforms[1]).toMatchObject({
      approval_status: 'approved',
      approved_by: 'sup_gh',
      approval_manager_comments: 'Good plan',
    });
    expect((await approval(id, 'case_plan', 'rejected', sup)).status).toBe(422); // nothing pending any more
  });

  it('an approved closure closes the case', async () => {
    const id = (
      await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { name: 'Closure Child' } } })
    ).body.data.id as string;
    expect((await approval(id, 'closure', 'requested', cw)).status).toBe(200);
    expect((await approval(id, 'closure', 'requested', cw)).status).toBe(422); // already pending
    const closed = await approval(id, 'closure', 'approved', sup);
    expect(closed.body.data.record).toMatchObject({
      status: 'closed',
      workflow: 'closed',
      approval_status_closure: 'approved',
    });
    expect(closed.body.data.record.date_closure).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses unknown approvals (404), cases out of scope (404), bad input (422), and client writes of the state', async () => {
    const id = (
      await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { name: 'Other Approval' } } })
    ).body.data.id as string;
    expect((await approval(id, 'lunch', 'requested', cw)).status).toBe(404);
    expect((await approval(id, 'case_plan', 'requested', await t.login('cw_ke'))).status).toBe(404);
    expect((await approval(id, 'case_plan', 'maybe', cw)).status).toBe(422);
    expect(
      (
        await t.call('PATCH', `/api/v2/cases/${id}`, {
          token: cw,
          body: { data: { approval_status_case_plan: 'approved' } },
        })
      ).status,
    ).toBe(422);
  });
});

describe('pending approval reminders', () => {
  it('an approval still pending after 3 days raises an approval alert when the reminders job runs', async () => {
    const id = (
      await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { name: 'Waiting Approval' } } })
    ).body.data.id as string;
    expect((await approval(id, 'case_plan', 'requested', cw)).status).toBe(200);
    const alertsOf = async () =>
      (
        (await t.call('GET', `/api/v2/cases/${id}/alerts`, { token: await t.login('cw_gh') })).body.data as {
          alert_for: string;
        }[]
      ).map((a) => a.alert_for);
    await t.host.invoke('reminders', { isPastDue: false });
    expect(await alertsOf()).toEqual(['approval']); // the request's own alert only
    t.clock.advance(3 * 86_400_000 + 60_000);
    await t.host.invoke('reminders', { isPastDue: false });
    expect(await alertsOf()).toEqual(['approval', 'approval']);
  });
});
