import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/**
 * The README's walk-through: a GH case from registration through assessment, case plan approval, referral to
 * another agency's caseworker (who can then see it) and closure approval; the audit log and the record
 * history show each step.
 */
describe('a case from registration to closure', () => {
  it('follows the walk-through of the README', async () => {
    const cw = await t.login('cw_gh');
    const sup = await t.login('sup_gh');
    const call = async (token: string, method: string, path: string, data?: unknown) => {
      const res = await t.call(method, path, { token, ...(data ? { body: { data } } : {}) });
      expect([method, path, res.status]).toEqual([method, path, 200]);
      return res.body.data;
    };

    const c = await call(cw, 'POST', '/api/v2/cases', {
      name: 'Walk Through',
      sex: 'female',
      age: 12,
      consent_for_services: true,
      risk_level: 'high',
    });
    const path = `/api/v2/cases/${c.id}`;
    expect((await call(cw, 'PATCH', path, { assessment_requested_on: '2026-11-20' })).workflow).toBe(
      'assessment',
    );
    await call(cw, 'PATCH', path, { date_case_plan: '2026-11-25' });
    await call(cw, 'PATCH', `${path}/approvals/case_plan`, {
      approval_status: 'requested',
      notes: 'Plan ready',
    });
    expect(
      (await call(sup, 'PATCH', `${path}/approvals/case_plan`, { approval_status: 'approved' })).record
        .approval_status_case_plan,
    ).toBe('approved');

    const referred = await call(cw, 'POST', `${path}/referrals`, {
      transitioned_to: 'cw2_gh',
      notes: 'Psychosocial support',
    });
    const cw2 = await t.login('cw2_gh'); // NGO-A: another agency
    expect((await call(cw2, 'GET', path)).name).toBe('Walk Through');
    await call(cw2, 'PATCH', `${path}/referrals/${referred.id}`, { status: 'accepted' });

    await call(cw, 'PATCH', `${path}/approvals/closure`, { approval_status: 'requested' });
    const closed = await call(sup, 'PATCH', `${path}/approvals/closure`, { approval_status: 'approved' });
    expect(closed.record).toMatchObject({ status: 'closed', workflow: 'closed' });

    const admin = await t.login('admin_gh');
    const trail = (await t.call('GET', `/api/v2/audit_logs?record_id=${c.id}&per=100`, { token: admin })).body
      .data as { action: string; user_name: string }[];
    const steps = trail.map((e) => `${e.user_name}:${e.action}`).reverse();
    expect(steps).toEqual(
      expect.arrayContaining([
        'cw_gh:create',
        'cw_gh:update',
        'cw_gh:approval',
        'sup_gh:approval',
        'cw_gh:referral',
        'cw2_gh:read',
        'cw2_gh:referral_response',
      ]),
    );
    const history = await call(sup, 'GET', `${path}/record_history`);
    // Every version has its entry, newest first, and each person's steps are there.
    expect(history.map((h: { version: number }) => h.version)).toEqual(
      Array.from({ length: closed.record.version }, (_, i) => closed.record.version - i),
    );
    expect(new Set(history.map((h: { user_name: string }) => h.user_name))).toEqual(
      new Set(['cw_gh', 'sup_gh', 'cw2_gh']),
    );
    expect(history[0].record_changes).toContainEqual({ status: { from: 'open', to: 'closed' } });
  });
});
