import { createApp, type App } from '../../src/app';
import { DEPLOYMENT_WIDE } from '../../src/platform/containers';
import { userDocId } from '../../src/users/userRepository';
import type { Role, User } from '../../src/users/types';
import { startTestApp, type TestApp } from '../support/testApp';

// What authentication reads is kept per instance for AUTH_CACHE_SECONDS (5 by default). A change made
// through another instance (another App on the same database: its writes do not clear this one's cache)
// must be effective here once that bound has passed.
const BOUND_MS = 5_000;
let t: TestApp;
let other: App;
beforeAll(async () => {
  t = await startTestApp();
  other = createApp(t.app.config, { clock: t.clock });
});
afterAll(() => t.close());

const listCases = (token: string) => t.call('GET', '/api/v2/cases', { token });

it('a token signed out through another instance is refused here after the bound', async () => {
  const token = await t.login('cw_gh');
  expect((await listCases(token)).status).toBe(200);
  const { jti, exp } = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString());
  await other.revocations.revoke(jti, exp);
  t.clock.advance(BOUND_MS);
  const refused = await listCases(token);
  expect(refused.status).toBe(401);
  expect(refused.body.errors[0].message).toMatch(/sign in again/);
});

it('a sign-out through this instance is effective at once', async () => {
  const token = await t.login('cw_gh');
  expect((await listCases(token)).status).toBe(200);
  expect((await t.call('DELETE', '/api/v2/tokens', { token })).status).toBe(200);
  expect((await listCases(token)).status).toBe(401);
});

it('an account disabled through another instance is refused here after the bound', async () => {
  const token = await t.login('cw2_gh');
  expect((await listCases(token)).status).toBe(200);
  const id = userDocId('cw2_gh');
  const item = other.containers.users.item(id, [DEPLOYMENT_WIDE, id]);
  const { resource } = await item.read<User>();
  await item.replace({ ...(resource as User), disabled: true });
  t.clock.advance(BOUND_MS);
  expect((await listCases(token)).status).toBe(401);
});

it('a role change made through another instance applies here after the bound', async () => {
  const token = await t.login('cw_gh');
  const me = await t.app.users.findByUserName('cw_gh');
  const id = me?.role_unique_id as string;
  expect((await listCases(token)).status).toBe(200);
  const item = other.containers.users.item(id, ['GH', id]);
  const { resource } = await item.read<Role>();
  const role = resource as Role;
  await item.replace({ ...role, permissions: role.permissions.filter((p) => p.resource !== 'cases') });
  t.clock.advance(BOUND_MS);
  expect((await listCases(token)).status).toBe(403);
});
