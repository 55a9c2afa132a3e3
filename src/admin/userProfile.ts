import { msg } from '../messages/catalogue';
import { roleCan, type Principal } from '../auth/principal';
import { badRequest } from '../errors';
import { allKinds } from '../records/recordKinds';
import type { Role, User } from '../users/types';
import { userDocId } from '../users/userRepository';
import { directoryKind } from './directoryKinds';
import { getUser, presentUser, type UserAdminDeps } from './userAdmin';

/** `extended` (true|false) and `locale` (ignored), as Primero's GET /users/{id}; anything else a 400. */
export function parseUserReadQuery(search: URLSearchParams): { extended: boolean } {
  let extended = false;
  for (const [name, value] of search) {
    if (name === 'locale') continue;
    if (name !== 'extended') throw badRequest(msg('query_unknown', { name }), name);
    if (value !== 'true' && value !== 'false') throw badRequest(msg('query_boolean', { name }), name);
    extended = value === 'true';
  }
  return { extended };
}

/**
 * GET /users/{id}: an admin reads any account of their country; anyone reads their own (Primero's clients
 * load `/users/{own id}?extended=true` at start). Extended adds what a client needs to build its screens:
 * the role's permissions, the forms it may see, and the list columns and filters of each record type the
 * role reads (from the record types' list settings, in Primero's `name`/`field_name` keys).
 */
export async function readUserProfile(
  deps: UserAdminDeps,
  principal: Principal,
  id: string,
  options: { extended: boolean },
) {
  const own = id === userDocId(principal.user.user_name);
  const user: User & { _etag?: string } = own
    ? { ...((await deps.users.findByUserName(principal.user.user_name)) ?? principal.user) }
    : await getUser(deps, principal, id);
  const [role, lock] = await Promise.all([
    own ? principal.role : deps.users.findRole(principal.countryCode, user.role_unique_id),
    // As GET /users says it of each: whether an administrator has someone to unlock.
    own
      ? undefined
      : deps.lockedUntil([user.user_name]).then((locks) => locks.get(user.user_name.toLowerCase())),
  ]);
  const base = {
    ...presentUser(user),
    ...(own ? {} : { locked: lock !== undefined, locked_until: lock?.toISOString() ?? null }),
    agency_id: user.agency_unique_id,
    module_unique_ids: role?.module_unique_ids ?? [],
    role_group_permission: role?.group_permission ?? null,
  };
  if (!options.extended || !role) return { user, profile: base };
  const agency = await deps.directory.find(
    principal.countryCode,
    directoryKind('agencies'),
    user.agency_unique_id,
  );
  return {
    user,
    profile: {
      ...base,
      ...extendedFields(role),
      agency_unique_id: user.agency_unique_id,
      agency_name: typeof agency?.name === 'string' ? agency.name : null,
    },
  };
}

function extendedFields(role: Role) {
  const readable = allKinds.filter((kind) => roleCan(role, kind.resource, 'read'));
  const perKind = <T>(f: (kind: (typeof allKinds)[number]) => T) =>
    Object.fromEntries(readable.map((kind) => [kind.resource, f(kind)]));
  return {
    permissions: { list: role.permissions.map((p) => ({ resource: p.resource, actions: p.actions })) },
    permitted_form_unique_ids: Object.keys(role.form_section_read_write ?? {}),
    permitted_form: role.form_section_read_write ?? {},
    list_headers: perKind((kind) =>
      kind.list.shortFields.map((field) => ({
        name: field,
        field_name: field,
        ...(field === kind.displayField ? { id_search: true } : {}),
        sortable: kind.list.orderable.includes(field),
      })),
    ),
    filters: perKind((kind) => [
      ...kind.list.filters.map((field) => ({ name: field, field_name: field, type: 'checkbox' })),
      ...Object.entries(kind.list.ranges).map(([field, range]) => ({
        name: field,
        field_name: field,
        type: range === 'int' ? 'numeric_range' : 'dates',
      })),
    ]),
    is_manager: role.group_permission !== 'self',
  };
}
