import type { App } from '../src/app';
import { readOwnAccount, updateOwnAccount } from '../src/auth/ownAccount';
import { dataBodySchema, readJson } from '../src/http/body';
import { clientAddress } from '../src/http/clientAddress';
import { ok } from '../src/http/responses';
import { authedRoute } from './_shared/http';

// The caller's own account (any role): /users/me is a literal route, so it wins over /users/{id}.
const deps = (services: App) => ({
  users: services.users,
  guard: services.loginGuard,
  clock: services.clock,
  revocations: services.revocations,
});

authedRoute(
  'users-me-read',
  'GET',
  'api/v2/users/me',
  async (_request, principal, services) => ok(await readOwnAccount(deps(services), principal)),
  { audit: { action: 'read', record_type: 'user' } },
);

authedRoute(
  'users-me-update',
  'PATCH',
  'api/v2/users/me',
  async (request, principal, services) => {
    const { data } = await readJson(request, dataBodySchema, services.config.MAX_BODY_BYTES);
    const { account, changed } = await updateOwnAccount(
      deps(services),
      principal,
      data,
      clientAddress(request),
    );
    return { ...ok(account), auditDetails: { fields: changed.join(',') } };
  },
  { audit: { action: 'update', record_type: 'user' } },
);
