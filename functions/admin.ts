import { directoryKinds } from '../src/admin/directoryKinds';
import { presentDirectoryDoc } from '../src/admin/directory';
import { permissionCatalog } from '../src/admin/permissionCatalog';
import { createUser, listUsers, unlockUser, updateUser, type UserAdminDeps } from '../src/admin/userAdmin';
import { parseUserReadQuery, readUserProfile } from '../src/admin/userProfile';
import { can } from '../src/auth/principal';
import { forbidden } from '../src/errors';
import { dataBodySchema, readJson } from '../src/http/body';
import { withEtag } from '../src/http/etag';
import { pageParams } from '../src/http/pageParams';
import { list, ok } from '../src/http/responses';
import type { App } from '../src/app';
import { authedRoute } from './_shared/http';

// Administration of the admin's acting country (API.md, "Administration"); every change is audited with
// the names of the fields it changed.
const changed = (data: Record<string, unknown>) => ({ fields: Object.keys(data).sort().join(',') });

for (const kind of directoryKinds) {
  const audit = (action: string) => ({ audit: { action, record_type: kind.type } });

  authedRoute(
    `${kind.resource}-list`,
    'GET',
    `api/v2/${kind.resource}`,
    async (request, principal, services) => {
      const { page, per } = pageParams(request.url.searchParams);
      const docs = await services.directory.list(principal, kind);
      const window = docs.slice((page - 1) * per, page * per).map(presentDirectoryDoc);
      return list(window, { total: docs.length, per, page });
    },
    audit('admin_list'),
  );

  authedRoute(
    `${kind.resource}-read`,
    'GET',
    `api/v2/${kind.resource}/{id}`,
    async (request, principal, services) => {
      const doc = await services.directory.get(principal, kind, request.params.id ?? '');
      return ok(presentDirectoryDoc(doc), withEtag(doc));
    },
    audit('admin_read'),
  );

  authedRoute(
    `${kind.resource}-create`,
    'POST',
    `api/v2/${kind.resource}`,
    async (request, principal, services) => {
      const { data } = await readJson(request, dataBodySchema, services.config.MAX_BODY_BYTES);
      const doc = await services.directory.create(principal, kind, data);
      return { ...ok(presentDirectoryDoc(doc), withEtag(doc)), auditDetails: changed(data) };
    },
    audit('admin_create'),
  );

  authedRoute(
    `${kind.resource}-update`,
    'PATCH',
    `api/v2/${kind.resource}/{id}`,
    async (request, principal, services) => {
      const { data } = await readJson(request, dataBodySchema, services.config.MAX_BODY_BYTES);
      const id = request.params.id ?? '';
      const doc = await services.directory.update(principal, kind, id, data, request.headers.get('if-match'));
      return { ...ok(presentDirectoryDoc(doc), withEtag(doc)), auditDetails: changed(data) };
    },
    audit('admin_update'),
  );
}

const userDeps = (services: App): UserAdminDeps => ({
  users: services.users,
  usersContainer: services.containers.users,
  directory: services.directory,
  now: () => services.clock.now(),
  lockedUntil: (userNames) => services.loginGuard.lockedUntil(userNames),
});
const userAudit = (action: string) => ({ audit: { action, record_type: 'user' } });

authedRoute(
  'users-list',
  'GET',
  'api/v2/users',
  async (request, principal, services) => {
    const { page, per } = pageParams(request.url.searchParams);
    const { users, total } = await listUsers(userDeps(services), principal, page, per);
    return list(users, { total, per, page });
  },
  userAudit('admin_list'),
);

authedRoute(
  'users-read',
  'GET',
  'api/v2/users/{id}',
  async (request, principal, services) => {
    const options = parseUserReadQuery(request.url.searchParams);
    const id = request.params.id ?? '';
    const { user, profile } = await readUserProfile(userDeps(services), principal, id, options);
    return ok(profile, withEtag(user));
  },
  userAudit('admin_read'),
);

authedRoute(
  'users-create',
  'POST',
  'api/v2/users',
  async (request, principal, services) => {
    const { data } = await readJson(request, dataBodySchema, services.config.MAX_BODY_BYTES);
    const user = await createUser(userDeps(services), principal, data);
    return { ...ok(user), auditDetails: changed(data) };
  },
  userAudit('admin_create'),
);

authedRoute(
  'users-update',
  'PATCH',
  'api/v2/users/{id}',
  async (request, principal, services) => {
    const { data } = await readJson(request, dataBodySchema, services.config.MAX_BODY_BYTES);
    const id = request.params.id ?? '';
    const { user } = await updateUser(
      userDeps(services),
      principal,
      id,
      data,
      request.headers.get('if-match'),
    );
    return { ...ok(user), auditDetails: changed(data) };
  },
  userAudit('admin_update'),
);

authedRoute(
  'users-unlock',
  'POST',
  'api/v2/users/{id}/unlock',
  async (request, principal, services) => {
    const { user, was_locked } = await unlockUser(
      userDeps(services),
      services.loginGuard,
      principal,
      request.params.id ?? '',
    );
    return { ...ok({ ...user, was_locked }), auditDetails: { was_locked: String(was_locked) } };
  },
  userAudit('user_unlock'),
);

authedRoute('permissions-list', 'GET', 'api/v2/permissions', async (_request, principal) => {
  if (!can(principal, 'roles', 'read')) throw forbidden('Your role does not allow reading roles');
  return ok(Object.entries(permissionCatalog).map(([resource, actions]) => ({ resource, actions })));
});
