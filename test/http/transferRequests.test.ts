import { startTestApp, type TestApp } from '../support/testApp';

// Primero's transfer requests: a user who works on a case asks its owner for it; the owner answers, and
// accepting starts a transfer the requester then accepts.
let t: TestApp;
const tok: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['cw_gh', 'cw2_gh', 'sup_gh']) tok[u] = await t.login(u);
});
afterAll(() => t.close());

const newCase = async (name: string) =>
  (await t.call('POST', '/api/v2/cases', { token: tok.cw_gh, body: { data: { name } } })).body.data
    .id as string;
const ask = (id: string, user: string, data: Record<string, unknown> = {}) =>
  t.call('POST', `/api/v2/cases/${id}/transfer_requests`, { token: tok[user], body: { data } });
const answer = (id: string, requestId: string, user: string, data: Record<string, unknown>) =>
  t.call('PATCH', `/api/v2/cases/${id}/transfer_requests/${requestId}`, { token: tok[user], body: { data } });

it('the owner accepts: a transfer to the requester starts, and accepting it makes them the owner', async () => {
  const id = await newCase('Requested Child');
  const asked = await ask(id, 'sup_gh', { notes: 'I know the family', consent_individual_transfer: true });
  expect(asked.status).toBe(200);
  expect(asked.body.data).toMatchObject({
    type: 'TransferRequest',
    status: 'in_progress',
    record_id: id,
    record_type: 'case',
    transitioned_to: 'cw_gh',
    transitioned_by: 'sup_gh',
    notes: 'I know the family',
    consent_individual_transfer: true,
    user_can_accept_or_reject: false,
  });
  expect(asked.body.data.record).toMatchObject({ id, owned_by: 'cw_gh' });
  const requestId = asked.body.data.id as string;

  // The owner sees it as theirs to answer; the requester cannot answer it.
  const listed = await t.call('GET', `/api/v2/cases/${id}/transfer_requests`, { token: tok.cw_gh });
  expect(listed.body.data).toEqual([
    expect.objectContaining({ id: requestId, type: 'TransferRequest', user_can_accept_or_reject: true }),
  ]);
  expect((await answer(id, requestId, 'sup_gh', { status: 'accepted' })).status).toBe(403);

  const accepted = await answer(id, requestId, 'cw_gh', { status: 'accepted' });
  expect(accepted.status).toBe(200);
  expect(accepted.body.data).toMatchObject({ id: requestId, status: 'accepted' });
  expect((await answer(id, requestId, 'cw_gh', { status: 'rejected' })).status).toBe(422);

  const transfers = await t.call('GET', `/api/v2/cases/${id}/transfers`, { token: tok.sup_gh });
  expect(transfers.body.data).toEqual([
    expect.objectContaining({
      type: 'Transfer',
      status: 'in_progress',
      transitioned_to: 'sup_gh',
      transitioned_by: 'cw_gh',
      notes: 'I know the family',
      user_can_accept_or_reject: true,
    }),
  ]);
  const taken = await t.call('PATCH', `/api/v2/cases/${id}/transfers/${transfers.body.data[0].id}`, {
    token: tok.sup_gh,
    body: { data: { status: 'accepted' } },
  });
  expect(taken.status).toBe(200);
  expect(taken.body.data.record).toMatchObject({ owned_by: 'sup_gh' });
});

it('the owner rejects: the case stays theirs, with the reason on the request', async () => {
  const id = await newCase('Kept Child');
  const requestId = (await ask(id, 'sup_gh')).body.data.id as string;
  const rejected = await answer(id, requestId, 'cw_gh', {
    status: 'rejected',
    rejected_reason: 'Ongoing plan',
  });
  expect(rejected.status).toBe(200);
  expect(rejected.body.data).toMatchObject({ status: 'rejected', rejected_reason: 'Ongoing plan' });
  expect(rejected.body.data.record).toMatchObject({ owned_by: 'cw_gh' });
  const transitions = await t.call('GET', `/api/v2/cases/${id}/transitions`, { token: tok.cw_gh });
  expect(transitions.body.data.map((x: { type: string }) => x.type)).toEqual(['TransferRequest']);
});

it('refuses the owner, a second pending request, and a case the requester cannot read', async () => {
  const id = await newCase('Asked Twice');
  expect((await ask(id, 'cw_gh')).status).toBe(422);
  expect((await ask(id, 'sup_gh')).status).toBe(200);
  const again = await ask(id, 'sup_gh');
  expect(again.status).toBe(422);
  expect(again.body.errors[0].detail).toBe('status');
  // cw2_gh's scope is their own cases: this one does not exist for them.
  expect((await ask(id, 'cw2_gh')).status).toBe(404);
  expect((await t.call('GET', `/api/v2/cases/${id}/transfer_requests`, { token: tok.cw2_gh })).status).toBe(
    404,
  );
  expect(
    (
      await t.call('POST', `/api/v2/cases/${id}/transfer_requests`, {
        token: tok.sup_gh,
        body: { data: { x: 1 } },
      })
    ).status,
  ).toBe(422);
});
