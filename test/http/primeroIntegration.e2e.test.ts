import { randomUUID } from 'node:crypto';
import { PASSWORD, startTestApp, type TestApp } from '../support/testApp';

/**
 * An interoperability workflow's round trip (issue 17), with Primero's request shapes only, as OpenFn's
 * Primero adaptor makes it: sign in, look a case up by case_id with remote=true, upsert by the
 * integration's own id, list a case's referrals, bulk-refer two cases, the receiver accepts one, and read
 * the configuration a client needs to map its fields: forms, every lookup, the location tree.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const signIn = async (user_name: string) => {
  const res = await t.call('POST', '/api/v2/tokens', { body: { user: { user_name, password: PASSWORD } } });
  expect(res.status).toBe(200);
  return res.body.token as string;
};

it("an integration's round trip with Primero's requests", async () => {
  const token = await signIn('cw_gh');
  const call = (method: string, path: string, data?: Record<string, unknown>, as = token) =>
    t.call(method, `/api/v2${path}`, { token: as, ...(data ? { body: { data } } : {}) });

  // Upsert by the integration's id: not found by case_id, so created with that id; a replay finds it.
  const externalId = randomUUID();
  const lookup = () => call('GET', `/cases?remote=true&case_id=${externalId}&scope[]=case_id`);
  expect((await lookup()).body.metadata.total).toBe(0);
  const created = await call('POST', '/cases', {
    id: externalId,
    name: 'Kobo Submission',
    sex: 'female',
    age: 11,
    consent_for_services: true,
  });
  expect(created.status).toBe(200);
  const found = await lookup();
  expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([externalId]);
  const updated = await call('PATCH', `/cases/${externalId}`, { age: 12 });
  expect(updated.body.data.age).toBe(12);

  // Its referrals, then a bulk referral of it and one more case.
  expect((await call('GET', `/cases/${externalId}/referrals`)).body.data).toEqual([]);
  const other = (await call('POST', '/cases', { name: 'Second Child', consent_for_services: true })).body
    .data;
  const bulk = await call('POST', '/cases/referrals', {
    ids: [externalId, other.id],
    transitioned_to: 'cw2_gh',
    notes: 'Psychosocial support',
  });
  expect(bulk.status).toBe(200);
  expect(bulk.body.errors).toEqual([]);
  expect(bulk.body.data).toHaveLength(2);

  // The receiver (another agency) finds the referral by the case's display id and accepts it.
  const receiver = await signIn('cw2_gh');
  const mine = await call(
    'GET',
    `/cases?remote=true&case_id_display=${other.case_id_display}`,
    undefined,
    receiver,
  );
  expect(mine.body.data.map((c: { id: string }) => c.id)).toEqual([other.id]);
  const [referral] = (await call('GET', `/cases/${other.id}/referrals`, undefined, receiver)).body.data;
  expect(referral).toMatchObject({
    type: 'Referral',
    status: 'in_progress',
    user_can_accept_or_reject: true,
  });
  const accepted = await call(
    'PATCH',
    `/cases/${other.id}/referrals/${referral.id}`,
    { status: 'accepted' },
    receiver,
  );
  expect(accepted.body.data).toMatchObject({ id: referral.id, status: 'accepted', record: { id: other.id } });
  const transitions = await call('GET', `/cases/${other.id}/transitions`);
  expect(transitions.body.data.map((tr: { status: string }) => tr.status)).toEqual(['accepted']);

  // The configuration, as Primero's clients ask for it: every lookup at once, the locations as a tree.
  const forms = await call('GET', '/forms');
  expect(forms.status).toBe(200);
  expect(forms.body.data.length).toBeGreaterThan(0);
  expect(forms.body.data[0]).toEqual(
    expect.objectContaining({
      unique_id: expect.any(String),
      parent_form: expect.any(String),
      fields: expect.any(Array),
    }),
  );
  const lookups = await call('GET', '/lookups?per=10000&page=1');
  expect(lookups.status).toBe(200);
  expect(lookups.body.metadata.total).toBe(lookups.body.data.length);
  expect(lookups.body.data[0]).toEqual(
    expect.objectContaining({ unique_id: expect.any(String), values: expect.any(Array) }),
  );
  const locations = await call('GET', '/locations?hierarchy=true&per=10000');
  expect(locations.status).toBe(200);
  const located = locations.body.data as { code: string; hierarchy: string[]; admin_level: number }[];
  expect(located.length).toBeGreaterThan(1);
  // Each location's path ends with itself and starts at a country root.
  for (const loc of located) expect(loc.hierarchy[loc.hierarchy.length - 1]).toBe(loc.code);
  expect(located.some((l) => l.hierarchy.length > 1)).toBe(true);
});
