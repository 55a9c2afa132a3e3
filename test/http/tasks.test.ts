import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('GET /api/v2/tasks', () => {
  it("lists the caller's due and overdue work, soonest first, and nobody else's", async () => {
    const token = await t.login('cw_gh');
    const res = await t.call('GET', '/api/v2/tasks', { token });
    expect(res.status).toBe(200);
    const tasks = res.body.data as {
      record_id_display: string;
      type: string;
      overdue: boolean;
      upcoming_soon: boolean;
      priority: string;
      due_date: string;
    }[];
    // Demo (src/seed/demoCases.ts): case c1d0001 has an overdue follow-up and assessment; c1d0002 a follow-up in 5 days.
    expect(
      tasks
        .filter((x) => x.record_id_display === 'c1d0001')
        .map((x) => x.type)
        .sort(),
    ).toEqual(['assessment', 'follow_up']);
    expect(tasks.find((x) => x.record_id_display === 'c1d0001' && x.type === 'follow_up')).toMatchObject({
      // Primero's keys: the case's id, name and module, what completes the task.
      name: 'Amina Mensah',
      module_unique_id: 'primeromodule-cp',
      type_display: 'Follow up',
      completion_field: 'followup_date',
      overdue: true,
      upcoming_soon: false,
      priority: 'high',
    });
    expect(tasks.find((x) => x.record_id_display === 'c1d0002')).toMatchObject({
      type: 'follow_up',
      overdue: false,
      upcoming_soon: true,
      priority: 'medium',
    });
    expect(tasks.map((x) => x.due_date)).toEqual([...tasks.map((x) => x.due_date)].sort());
    expect(tasks.some((x) => x.record_id_display === 'c1d0003')).toBe(false); // cw2_gh's case plan
  });

  it('drops a task once it is done', async () => {
    const token = await t.login('cw_gh');
    const id = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0001';
    const record = (await t.call('GET', `/api/v2/cases/${id}`, { token })).body.data;
    const followup = record.followup_subform_section[0].unique_id;
    await t.call('PATCH', `/api/v2/cases/${id}`, {
      token,
      body: {
        data: {
          followup_subform_section: [{ unique_id: followup, followup_date: record.registration_date }],
        },
      },
    });
    const tasks = (await t.call('GET', '/api/v2/tasks', { token })).body.data as {
      record_id_display: string;
      type: string;
    }[];
    expect(tasks.filter((x) => x.record_id_display === 'c1d0001').map((x) => x.type)).toEqual(['assessment']);
  });
});
