import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
const tok: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['cw_gh', 'cw2_gh', 'sup_gh', 'gbv_gh', 'cw_ke']) tok[u] = await t.login(u);
});
afterAll(() => t.close());

const newCase = async (data: Record<string, unknown>) =>
  (await t.call('POST', '/api/v2/cases', { token: tok.cw_gh, body: { data } })).body.data.id as string;
const read = (id: string, user: string) => t.call('GET', `/api/v2/cases/${id}`, { token: tok[user] });

describe('assign', () => {
  it('moves ownership: the new owner sees the case, the previous one no longer does', async () => {
    const id = await newCase({ name: 'Assigned Child' });
    const res = await t.call('POST', `/api/v2/cases/${id}/assigns`, {
      token: tok.cw_gh,
      body: { data: { transitioned_to: 'cw2_gh', notes: 'Moving to Tema team' } },
    });
    expect(res.status).toBe(200);
    // The transition in Primero's keys; the case is no longer the assigner's to open.
    expect(res.body.data).toMatchObject({
      type: 'Assign',
      status: 'done',
      record_id: id,
      record_type: 'case',
      transitioned_to: 'cw2_gh',
      transitioned_by: 'cw_gh',
      notes: 'Moving to Tema team',
      record_access_denied: true,
    });
    expect(res.body.data).not.toHaveProperty('record');
    expect((await read(id, 'cw2_gh')).body.data).toMatchObject({
      owned_by: 'cw2_gh',
      owned_by_agency_id: 'agency-ngo-a',
      associated_user_names: ['cw2_gh'],
    });
    expect((await read(id, 'cw_gh')).status).toBe(404);
    const transitions = await t.call('GET', `/api/v2/cases/${id}/transitions`, { token: tok.cw2_gh });
    expect(transitions.body.data).toEqual([
      expect.objectContaining({
        id: res.body.data.id,
        type: 'Assign',
        transitioned_to: 'cw2_gh',
        transitioned_by: 'cw_gh',
        status: 'done',
        notes: 'Moving to Tema team',
      }),
    ]);
  });

  it('tells an empty or malformed recipient what is wrong with it, once', async () => {
    const id = await newCase({ name: 'Nobody Named' });
    const assign = (to: string) =>
      t.call('POST', `/api/v2/cases/${id}/assigns`, {
        token: tok.cw_gh,
        body: { data: { transitioned_to: to } },
      });
    const empty = await assign('');
    expect(empty.status).toBe(422);
    expect(empty.body.errors.map((e: { detail: string; message: string }) => [e.detail, e.message])).toEqual([
      ['data.transitioned_to', 'is required'],
    ]);
    const odd = await assign('cw gh');
    expect(odd.body.errors).toHaveLength(1);
    expect(odd.body.errors[0].message).toBe('may hold only letters, digits and _ . @ + -');
    expect((await read(id, 'cw_gh')).body.data.owned_by).toBe('cw_gh');
  });

  it('refuses a user of another country or module (422) and a case out of scope (404)', async () => {
    const id = await newCase({ name: 'Not Assignable' });
    const ke = await t.call('POST', `/api/v2/cases/${id}/assigns`, {
      token: tok.cw_gh,
      body: { data: { transitioned_to: 'cw_ke' } },
    });
    expect(ke.status).toBe(422);
    expect(ke.body.errors[0].detail).toBe('transitioned_to');
    expect(
      (
        await t.call('POST', `/api/v2/cases/${id}/assigns`, {
          token: tok.cw_gh,
          body: { data: { transitioned_to: 'gbv_gh' } },
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await t.call('POST', `/api/v2/cases/${id}/assigns`, {
          token: tok.cw_ke,
          body: { data: { transitioned_to: 'cw2_gh' } },
        })
      ).status,
    ).toBe(404);
  });
});

describe('referrals', () => {
  it('need consent, unless a role allowed to overrides it', async () => {
    const id = await newCase({ name: 'No Consent' });
    const refused = await t.call('POST', `/api/v2/cases/${id}/referrals`, {
      token: tok.cw_gh,
      body: { data: { transitioned_to: 'cw2_gh' } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].detail).toBe('consent_for_services');
    expect(
      (
        await t.call('POST', `/api/v2/cases/${id}/referrals`, {
          token: tok.cw_gh,
          body: { data: { transitioned_to: 'cw2_gh', consent_overridden: true } },
        })
      ).status,
    ).toBe(403);
    const byVisor = await t.call('POST', `/api/v2/cases/${id}/referrals`, {
      token: tok.sup_gh,
      body: { data: { transitioned_to: 'cw2_gh', consent_overridden: true } },
    });
    expect(byVisor.status).toBe(200);
  });

  it('grant the receiving user this case only; rejecting or revoking takes it away', async () => {
    const id = await newCase({ name: 'Referred Child', consent_for_services: true });
    const other = await newCase({ name: 'Not Referred' });
    const referral = await t.call('POST', `/api/v2/cases/${id}/referrals`, {
      token: tok.cw_gh,
      body: { data: { transitioned_to: 'cw2_gh', notes: 'Needs shelter' } },
    });
    expect(referral.status).toBe(200);
    expect(referral.body.data).toMatchObject({ type: 'Referral', status: 'in_progress', record_id: id });
    expect(referral.body.data.record).toMatchObject({ owned_by: 'cw_gh', assigned_user_names: ['cw2_gh'] });
    const referralId = referral.body.data.id as string;
    expect((await read(id, 'cw2_gh')).status).toBe(200);
    expect((await read(other, 'cw2_gh')).status).toBe(404);
    // Only the receiver answers; accepting keeps access.
    expect(
      (
        await t.call('PATCH', `/api/v2/cases/${id}/referrals/${referralId}`, {
          token: tok.cw_gh,
          body: { data: { status: 'accepted' } },
        })
      ).status,
    ).toBe(403);
    const accepted = await t.call('PATCH', `/api/v2/cases/${id}/referrals/${referralId}`, {
      token: tok.cw2_gh,
      body: { data: { status: 'accepted' } },
    });
    expect(accepted.body.data).toMatchObject({ id: referralId, status: 'accepted' });
    expect((await read(id, 'cw2_gh')).status).toBe(200);
    // The referrer revokes: access ends.
    const revoked = await t.call('DELETE', `/api/v2/cases/${id}/referrals/${referralId}`, {
      token: tok.cw_gh,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.data).toMatchObject({ id: referralId, status: 'revoked' });
    expect(revoked.body.data.record).toMatchObject({
      associated_user_names: ['cw_gh'],
      assigned_user_names: [],
    });
    expect((await read(id, 'cw2_gh')).status).toBe(404);
    expect(
      (await t.call('DELETE', `/api/v2/cases/${id}/referrals/${referralId}`, { token: tok.cw_gh })).status,
    ).toBe(422);
  });

  it('a rejected referral ends access too', async () => {
    const id = await newCase({ name: 'Rejected Referral', consent_for_services: true });
    const referral = await t.call('POST', `/api/v2/cases/${id}/referrals`, {
      token: tok.cw_gh,
      body: { data: { transitioned_to: 'cw2_gh' } },
    });
    const referralId = referral.body.data.id as string;
    await t.call('PATCH', `/api/v2/cases/${id}/referrals/${referralId}`, {
      token: tok.cw2_gh,
      body: { data: { status: 'rejected' } },
    });
    expect((await read(id, 'cw2_gh')).status).toBe(404);
  });
});

describe('transfers', () => {
  it('the receiver sees the case while deciding; accepting makes them the owner', async () => {
    const id = await newCase({ name: 'Transferred Child' });
    expect(
      (
        await t.call('POST', `/api/v2/cases/${id}/transfers`, {
          token: tok.cw_gh,
          body: { data: { transitioned_to: 'cw2_gh' } },
        })
      ).status,
    ).toBe(403); // caseworkers may not transfer
    const sup = tok.sup_gh as string;
    const res = await t.call('POST', `/api/v2/cases/${id}/transfers`, {
      token: sup,
      body: { data: { transitioned_to: 'cw2_gh', notes: 'Family moved to Tema' } },
    });
    expect(res.status).toBe(200);
    const transferId = res.body.data.id as string;
    expect((await read(id, 'cw2_gh')).status).toBe(200);
    expect(
      (
        await t.call('PATCH', `/api/v2/cases/${id}/transfers/${transferId}`, {
          token: sup,
          body: { data: { status: 'accepted' } },
        })
      ).status,
    ).toBe(403);
    const accepted = await t.call('PATCH', `/api/v2/cases/${id}/transfers/${transferId}`, {
      token: tok.cw2_gh,
      body: { data: { status: 'accepted' } },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toMatchObject({ id: transferId, type: 'Transfer', status: 'accepted' });
    expect(accepted.body.data.record).toMatchObject({
      owned_by: 'cw2_gh',
      owned_by_agency_id: 'agency-ngo-a',
      associated_user_names: ['cw2_gh'],
    });
    expect((await read(id, 'cw_gh')).status).toBe(404);
    expect(
      (
        await t.call('PATCH', `/api/v2/cases/${id}/transfers/${transferId}`, {
          token: tok.cw2_gh,
          body: { data: { status: 'rejected' } },
        })
      ).status,
    ).toBe(422);
  });

  it('a rejected transfer leaves the owner as it was and ends the receiver’s access', async () => {
    const id = await newCase({ name: 'Transfer Rejected' });
    const res = await t.call('POST', `/api/v2/cases/${id}/transfers`, {
      token: tok.sup_gh,
      body: { data: { transitioned_to: 'cw2_gh' } },
    });
    const transferId = res.body.data.id as string;
    const rejected = await t.call('PATCH', `/api/v2/cases/${id}/transfers/${transferId}`, {
      token: tok.cw2_gh,
      body: { data: { status: 'rejected', rejected_reason: 'Not our area' } },
    });
    // The reason is kept beside the transfer's own notes; the receiver may no longer open the case.
    expect(rejected.body.data).toMatchObject({
      status: 'rejected',
      rejected_reason: 'Not our area',
      record_access_denied: true,
    });
    expect(rejected.body.data).not.toHaveProperty('record');
    expect((await read(id, 'cw2_gh')).status).toBe(404);
    expect((await read(id, 'cw_gh')).body.data).toMatchObject({ owned_by: 'cw_gh' });
  });
});

describe("Primero's transition routes: lists per type and bulk by ids", () => {
  const bulk = (user: string, resource: string, data: Record<string, unknown>) =>
    t.call('POST', `/api/v2/cases/${resource}`, { token: tok[user], body: { data } });

  it('bulk refers each case on its own: refused cases are in errors, the others are referred', async () => {
    const a = await newCase({ name: 'Bulk Referred A', consent_for_services: true });
    const b = await newCase({ name: 'Bulk Referred B', consent_for_services: true });
    const noConsent = await newCase({ name: 'Bulk No Consent' });
    const unknown = '3f9c2a4e-8b1d-4c6a-9e2f-000000000000';
    const res = await bulk('cw_gh', 'referrals', {
      ids: [a, b, noConsent, unknown],
      transitioned_to: 'cw2_gh',
      notes: 'This is a bulk referral',
    });
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { record_id: string }) => r.record_id).sort()).toEqual([a, b].sort());
    expect(res.body.data[0]).toMatchObject({
      type: 'Referral',
      record_type: 'case',
      status: 'in_progress',
      transitioned_to: 'cw2_gh',
      transitioned_by: 'cw_gh',
      notes: 'This is a bulk referral',
    });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ status: 422, resource: `/api/v2/cases/${noConsent}/referrals` }),
      expect.objectContaining({ status: 404, resource: `/api/v2/cases/${unknown}/referrals` }),
    ]);
    expect((await read(a, 'cw2_gh')).status).toBe(200);
    expect((await read(noConsent, 'cw2_gh')).status).toBe(404);

    // The receiver lists the referrals of a case and accepts one by its id.
    const referrals = await t.call('GET', `/api/v2/cases/${a}/referrals`, { token: tok.cw2_gh });
    expect(referrals.body.data).toEqual([
      expect.objectContaining({ type: 'Referral', record_id: a, user_can_accept_or_reject: true }),
    ]);
    const accepted = await t.call('PATCH', `/api/v2/cases/${a}/referrals/${referrals.body.data[0].id}`, {
      token: tok.cw2_gh,
      body: { data: { status: 'accepted' } },
    });
    expect(accepted.body.data).toMatchObject({ status: 'accepted', user_can_accept_or_reject: false });
    expect((await t.call('GET', `/api/v2/cases/${a}/assigns`, { token: tok.cw_gh })).body.data).toEqual([]);
  });

  it('bulk assigns and transfers by ids; the bulk size is bounded', async () => {
    const ids = [await newCase({ name: 'Bulk Assigned A' }), await newCase({ name: 'Bulk Assigned B' })];
    const assigned = await bulk('cw_gh', 'assigns', { ids, transitioned_to: 'cw2_gh' });
    expect(assigned.body.errors).toEqual([]);
    for (const id of ids) expect((await read(id, 'cw2_gh')).body.data.owned_by).toBe('cw2_gh');
    const assigns = await t.call('GET', `/api/v2/cases/${ids[0]}/assigns`, { token: tok.cw2_gh });
    expect(assigns.body.data).toEqual([expect.objectContaining({ type: 'Assign', status: 'done' })]);

    // Primero's bulk assign selects by filters (its documented request), within the caller's scope.
    const picked = [await newCase({ name: 'Filtered A' }), await newCase({ name: 'Filtered B' })];
    const shortIds = picked.map((id) => id.slice(-7));
    const byFilters = await bulk('cw_gh', 'assigns', {
      filters: { short_id: shortIds },
      query: 'filtered',
      transitioned_to: 'cw2_gh',
      notes: 'This is a bulk assignment',
    });
    expect(byFilters.status).toBe(200);
    expect(byFilters.body.data.map((r: { record_id: string }) => r.record_id).sort()).toEqual(picked.sort());
    const outOfScope = await bulk('cw_gh', 'assigns', {
      filters: { short_id: [ids[0]?.slice(-7)] },
      transitioned_to: 'cw2_gh',
    });
    expect(outOfScope.body.data).toEqual([]); // now cw2_gh's: no longer in cw_gh's list
    expect(
      (await bulk('cw_gh', 'assigns', { filters: { colour: 'red' }, transitioned_to: 'cw2_gh' })).status,
    ).toBe(400);
    const both = await bulk('cw_gh', 'assigns', {
      ids,
      filters: { short_id: 'x' },
      transitioned_to: 'cw2_gh',
    });
    expect(both.status).toBe(422);

    const toTransfer = await newCase({ name: 'Bulk Transferred' });
    const refused = await bulk('cw_gh', 'transfers', { ids: [toTransfer], transitioned_to: 'cw2_gh' });
    expect(refused.body.errors).toEqual([expect.objectContaining({ status: 403 })]);
    const transferred = await bulk('sup_gh', 'transfers', { ids: [toTransfer], transitioned_to: 'cw2_gh' });
    expect(transferred.body.data).toEqual([
      expect.objectContaining({ type: 'Transfer', status: 'in_progress', record_id: toTransfer }),
    ]);

    const tooMany = Array.from(
      { length: 101 },
      (_, i) => `3f9c2a4e-8b1d-4c6a-9e2f-${String(i).padStart(12, '0')}`,
    );
    const over = await bulk('cw_gh', 'assigns', { ids: tooMany, transitioned_to: 'cw2_gh' });
    expect(over.status).toBe(422);
    expect(over.body.errors[0].message).toMatch(/at most 100/);
  });
});
