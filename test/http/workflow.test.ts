import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('cw_gh');
});
afterAll(() => t.close());

const patch = async (id: string, data: Record<string, unknown>) => {
  const res = await t.call('PATCH', `/api/v2/cases/${id}`, { token, body: { data } });
  expect(res.status).toBe(200);
  return res.body.data;
};

describe('case workflow', () => {
  it('follows a case from registration to closure, and reopens it when a service is added', async () => {
    const created = (
      await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Workflow Child' } } })
    ).body.data;
    expect(created).toMatchObject({ status: 'open', workflow: 'new' });
    const id = created.id as string;
    expect((await patch(id, { assessment_requested_on: '2026-11-01' })).workflow).toBe('assessment');
    expect((await patch(id, { date_case_plan: '2026-11-10' })).workflow).toBe('case_plan');
    const withService = await patch(id, {
      services_section: [{ service_type: 'health', service_response_timeframe: '3_days' }],
    });
    expect(withService.workflow).toBe('service_provision');
    const serviceId = withService.services_section[0].unique_id;
    expect(
      (await patch(id, { services_section: [{ unique_id: serviceId, service_implemented: 'implemented' }] }))
        .workflow,
    ).toBe('services_implemented');

    const closed = await patch(id, { status: 'closed', closure_reason: 'case_goals_met' });
    expect(closed).toMatchObject({ status: 'closed', workflow: 'closed' });
    expect(closed.date_closure).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const reopened = await patch(id, { services_section: [{ service_type: 'education' }] });
    expect(reopened).toMatchObject({ status: 'open', workflow: 'service_provision' });
    expect(reopened.reopened_logs).toEqual([
      { unique_id: expect.any(String), reopened_date: expect.any(String), reopened_user: 'cw_gh' },
    ]);
  });

  it('logs a reopening by status too, and keeps a date_closure the caseworker gave', async () => {
    const id = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Reopen Child' } } }))
      .body.data.id as string;
    expect((await patch(id, { status: 'closed', date_closure: '2026-10-01' })).date_closure).toBe(
      '2026-10-01',
    );
    const open = await patch(id, { status: 'open' });
    expect(open).toMatchObject({ status: 'open', workflow: 'reopened' });
    expect(open.reopened_logs).toHaveLength(1);
    expect(
      (await t.call('PATCH', `/api/v2/cases/${id}`, { token, body: { data: { workflow: 'closed' } } }))
        .status,
    ).toBe(422);
  });
});
