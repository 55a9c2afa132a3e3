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
    expect(res.body.data).toMatchObject({
      owned_by: 'cw2_gh',
      owned_by_agency_id: 'agency-ngo-a',
      associated_user_names: ['cw2_gh'],
    });
    expect((await read(id, 'cw2_gh')).status).toBe(200);
    expect((await read(id, 'cw_gh')).status).toBe(404);
    const transitions = await t.call('GET', `/api/v2/cases/${id}/transitions`, { token: tok.cw2_gh });
    expect(transitions.body.data).toEqual([
      expect.objectContaining({
        type: 'assign',
        transitioned_to: 'cw2_gh',
        transitioned_by: 'cw_gh',
        status: 'done',
        notes: 'Moving to Tema team',
      }),
    ]);
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
    expect(referral.body.data).toMatchObject({ owned_by: 'cw_gh', assigned_user_names: ['cw2_gh'] });
    const referralId = referral.body.data.transitions.at(-1).id as string;
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
    expect(accepted.body.data.transitions.at(-1).status).toBe('accepted');
    expect((await read(id, 'cw2_gh')).status).toBe(200);
    // The referrer revokes: access ends.
    const revoked = await t.call('DELETE', `/api/v2/cases/${id}/referrals/${referralId}`, {
      token: tok.cw_gh,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.data).toMatchObject({ associated_user_names: ['cw_gh'], assigned_user_names: [] });
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
    const referralId = referral.body.data.transitions.at(-1).id as string;
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
    const transferId = res.body.data.transitions.at(-1).id as string;
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
    expect(accepted.body.data).toMatchObject({
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
    const transferId = res.body.data.transitions.at(-1).id as string;
    const rejected = await t.call('PATCH', `/api/v2/cases/${id}/transfers/${transferId}`, {
      token: tok.cw2_gh,
      body: { data: { status: 'rejected', rejected_reason: 'Not our area' } },
    });
    expect(rejected.body.data).toMatchObject({ owned_by: 'cw_gh' });
    expect((await read(id, 'cw2_gh')).status).toBe(404);
    expect((await read(id, 'cw_gh')).status).toBe(200);
  });
});
