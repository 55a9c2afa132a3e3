import type { TestApp } from './testApp';

/** Changes a role's form_section_read_write through the admin API, as a country admin would, and checks it took. */
export async function changeFormGrants(
  t: TestApp,
  adminToken: string,
  roleId: string,
  change: (grants: Record<string, string>) => Record<string, string>,
): Promise<void> {
  const role = await t.call('GET', `/api/v2/roles/${roleId}`, { token: adminToken });
  expect(role.status).toBe(200);
  const grants = change({ ...(role.body.data.form_section_read_write as Record<string, string>) });
  const changed = await t.call('PATCH', `/api/v2/roles/${roleId}`, {
    token: adminToken,
    body: { data: { form_section_read_write: grants } },
  });
  expect(changed.status).toBe(200);
}
