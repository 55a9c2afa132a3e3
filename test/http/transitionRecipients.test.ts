import { hashPassword } from '../../src/auth/passwords';
import { DEPLOYMENT_WIDE } from '../../src/platform/containers';
import { userDocId } from '../../src/users/userRepository';
import type { User } from '../../src/users/types';
import { PASSWORD, startTestApp, type TestApp } from '../support/testApp';

// GET /users/assign-to, /refer-to, /transfer-to: the users a caller may choose, by the rule the transitions
// themselves apply.
let t: TestApp;
const tok: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  // A role that may assign only within its agency (Primero's assign_within_agency).
  await t.app.containers.users.items.upsert({
    id: 'role-agency-assigner',
    type: 'role',
    country_code: 'GH',
    unique_id: 'role-agency-assigner',
    name: 'Agency assigner',
    group_permission: 'self',
    permissions: [{ resource: 'cases', actions: ['read', 'create', 'write', 'assign_within_agency'] }],
    module_unique_ids: ['primeromodule-cp'],
    // Writing a case's fields needs edit grants on their forms (docs/form-permissions.md).
    form_section_read_write: { basic_identity: 'rw' },
    require_2fa: false,
  });
  await t.app.users.upsert({
    id: userDocId('agency_gh'),
    type: 'user',
    country_code: DEPLOYMENT_WIDE,
    user_name: 'agency_gh',
    full_name: 'Agency Assigner',
    password_hash: await hashPassword(PASSWORD),
    disabled: false,
    locale: 'en',
    user_group_unique_ids: ['usergroup-cp-accra'],
    agency_unique_id: 'agency-unicef',
    country_codes: ['GH'],
    role_unique_id: 'role-agency-assigner',
  } as User);
  for (const u of ['cw_gh', 'sup_gh', 'regional', 'agency_gh']) tok[u] = await t.login(u);
});
afterAll(() => t.close());

const names = async (path: string, user: string) => {
  const res = await t.call('GET', `/api/v2/users/${path}`, { token: tok[user] });
  expect(res.status).toBe(200);
  return (res.body.data as { user_name: string }[]).map((u) => u.user_name).sort();
};
const cp = 'record_type=case&record_module_id=primeromodule-cp';

it('lists the users of the country and module, never the caller, in Primero’s keys', async () => {
  const res = await t.call('GET', `/api/v2/users/assign-to?${cp}`, { token: tok.cw_gh });
  expect(res.status).toBe(200);
  expect(res.body.data.find((u: { user_name: string }) => u.user_name === 'cw2_gh')).toEqual({
    id: userDocId('cw2_gh'),
    user_name: 'cw2_gh',
    full_name: expect.any(String),
    code: null,
    position: null,
    location: null,
    agency: 'agency-ngo-a',
    disabled: false,
    services: [],
  });
  // Not gbv_gh (GBV module), not cw_ke (Kenya), not cw_gh themself.
  expect(await names(`assign-to?${cp}`, 'cw_gh')).toEqual([
    'admin_gh',
    'agency_gh',
    'cw2_gh',
    'regional',
    'sup_gh',
  ]);
  expect(await names('assign-to?record_type=case&record_module_id=primeromodule-gbv', 'cw_gh')).toEqual([
    'admin_gh',
    'gbv_gh',
  ]);
  expect(await names(`refer-to?${cp}&agency=agency-ngo-a&location=GH01`, 'cw_gh')).toEqual(['cw2_gh']);
  expect(await names('transfer-to?record_type=incident', 'sup_gh')).toEqual([]);
});

it('needs the permission of the transition, and Primero’s parameters only', async () => {
  expect((await t.call('GET', `/api/v2/users/transfer-to?${cp}`, { token: tok.cw_gh })).status).toBe(403);
  expect(
    (
      await t.call('GET', `/api/v2/users/assign-to?${cp}`, {
        token: tok.regional,
        headers: { 'X-Country-Code': 'GH' },
      })
    ).status,
  ).toBe(403);
  expect(await names(`transfer-to?${cp}`, 'sup_gh')).toContain('cw_gh');
  const unknown = await t.call('GET', '/api/v2/users/assign-to?role=admin', { token: tok.cw_gh });
  expect(unknown.status).toBe(400);
  expect(unknown.body.errors[0]).toMatchObject({ detail: 'role' });
  expect(
    (await t.call('GET', '/api/v2/users/assign-to?record_type=child', { token: tok.cw_gh })).status,
  ).toBe(400);
});

it('assign_within_agency lists the assigner’s agency only, and the assignment refuses anyone else', async () => {
  expect(await names(`assign-to?${cp}`, 'agency_gh')).toEqual(['admin_gh', 'cw_gh', 'regional', 'sup_gh']);
  const created = await t.call('POST', '/api/v2/cases', {
    token: tok.agency_gh,
    body: { data: { name: 'Agency Case' } },
  });
  const id = created.body.data.id as string;
  const outside = await t.call('POST', `/api/v2/cases/${id}/assigns`, {
    token: tok.agency_gh,
    body: { data: { transitioned_to: 'cw2_gh' } },
  });
  expect(outside.status).toBe(422);
  expect(outside.body.errors[0]).toMatchObject({ detail: 'transitioned_to' });
  const inside = await t.call('POST', `/api/v2/cases/${id}/assigns`, {
    token: tok.agency_gh,
    body: { data: { transitioned_to: 'cw_gh' } },
  });
  expect(inside.status).toBe(200);
});
