import type { Container } from '@azure/cosmos';
import { hashPassword, passwordChange } from '../auth/passwords';
import { can, type Principal } from '../auth/principal';
import type { LoginGuard } from '../auth/loginGuard';
import { conflict, forbidden, notFound, preconditionFailed, unprocessable, type ErrorEntry } from '../errors';
import { ifMatchHolds } from '../http/etag';
import { parseOr422 } from '../http/validation';
import { DEPLOYMENT_WIDE } from '../platform/containers';
import type { User } from '../users/types';
import { userDocId, type UserRepository } from '../users/userRepository';
import type { Directory } from './directory';
import { directoryKind } from './directoryKinds';
import { userCreateSchema, userUpdateSchema } from './userSchemas';
import { msg } from '../messages/catalogue';

type StoredUser = User & { _etag?: string; created_at?: string; updated_at?: string };

/** What an admin sees of an account: never its password hash or second-factor secrets. */
export function presentUser(user: StoredUser) {
  return {
    id: user.id,
    user_name: user.user_name,
    full_name: user.full_name,
    email: user.email ?? null,
    country_codes: user.country_codes,
    role_unique_id: user.role_unique_id,
    user_group_unique_ids: user.user_group_unique_ids,
    agency_unique_id: user.agency_unique_id,
    disabled: user.disabled,
    locale: user.locale,
    totp_enabled: typeof user.totp_secret === 'string' || typeof user.totp_secret === 'object',
    ...(user.created_at ? { created_at: user.created_at } : {}),
    ...(user.updated_at ? { updated_at: user.updated_at } : {}),
  };
}

export interface UserAdminDeps {
  users: UserRepository;
  usersContainer: Container;
  directory: Directory;
  now(): Date;
  /** Accounts locked out of sign-in now, and until when (LoginGuard). */
  lockedUntil(userNames: string[]): Promise<Map<string, Date>>;
}

function authorize(principal: Principal, action: 'read' | 'manage') {
  if (!can(principal, 'users', action))
    throw forbidden(msg(action === 'read' ? 'may_not_read_users' : 'may_not_change_users'));
}

/** The accounts working in the admin's acting country, by user name, in pages. */
export async function listUsers(deps: UserAdminDeps, principal: Principal, page: number, per: number) {
  authorize(principal, 'read');
  const where = "c.country_code = @all AND c.type = 'user' AND ARRAY_CONTAINS(c.country_codes, @country)";
  const parameters = [
    { name: '@all', value: DEPLOYMENT_WIDE },
    { name: '@country', value: principal.countryCode },
  ];
  const query = (sql: string, extra: { name: string; value: number }[] = []) =>
    deps.usersContainer.items
      .query({ query: sql, parameters: [...parameters, ...extra] }, { partitionKey: [DEPLOYMENT_WIDE] })
      .fetchAll();
  const [window, count] = await Promise.all([
    query(`SELECT TOP @take * FROM c WHERE ${where} ORDER BY c.user_name ASC`, [
      { name: '@take', value: page * per },
    ]),
    query(`SELECT VALUE COUNT(1) FROM c WHERE ${where}`),
  ]);
  const users = (window.resources as StoredUser[]).slice((page - 1) * per);
  // Whether each is locked out of sign-in, so an admin knows whom to unlock (nothing about the attempts).
  const locks = await deps.lockedUntil(users.map((u) => u.user_name));
  return {
    users: users.map((u) => {
      const until = locks.get(u.user_name.toLowerCase());
      return { ...presentUser(u), locked: until !== undefined, locked_until: until?.toISOString() ?? null };
    }),
    total: (count.resources[0] as number) ?? 0,
  };
}

async function findInCountry(deps: UserAdminDeps, principal: Principal, id: string): Promise<StoredUser> {
  const userName = /^user-([a-z0-9_.-]{1,50})$/.exec(id)?.[1];
  const user = userName ? ((await deps.users.findByUserName(userName)) as StoredUser | undefined) : undefined;
  // Accounts of other countries do not exist for this admin.
  if (!user || !user.country_codes.includes(principal.countryCode)) throw notFound(msg('user_not_found'));
  return user;
}

/**
 * Lifts a sign-in lockout (and every source's wait) of an account of the admin's country, e.g. once its
 * owner has confirmed who they are. Low-risk, so an admin of any of the account's countries may do it.
 */
export async function unlockUser(deps: UserAdminDeps, guard: LoginGuard, principal: Principal, id: string) {
  authorize(principal, 'manage');
  const user = await findInCountry(deps, principal, id);
  const { was_locked } = await guard.unlock(user.user_name);
  return { user: presentUser(user), was_locked };
}

export async function getUser(deps: UserAdminDeps, principal: Principal, id: string) {
  authorize(principal, 'read');
  return findInCountry(deps, principal, id);
}

/** The role, groups and agency must exist in the admin's country: a user is never given another's. */
async function checkReferences(
  deps: UserAdminDeps,
  countryCode: string,
  fields: Partial<Pick<User, 'role_unique_id' | 'agency_unique_id' | 'user_group_unique_ids'>>,
) {
  const errors: ErrorEntry[] = [];
  const exists = async (resource: string, id: string) =>
    !!(await deps.directory.find(countryCode, directoryKind(resource), id));
  if (fields.role_unique_id !== undefined && !(await exists('roles', fields.role_unique_id)))
    errors.push({ detail: 'role_unique_id', ...msg('not_a_role_here', { country: countryCode }) });
  if (fields.agency_unique_id !== undefined && !(await exists('agencies', fields.agency_unique_id)))
    errors.push({ detail: 'agency_unique_id', ...msg('not_an_agency_here', { country: countryCode }) });
  for (const group of fields.user_group_unique_ids ?? [])
    if (!(await exists('user_groups', group)))
      errors.push({
        detail: 'user_group_unique_ids',
        ...msg('not_a_group_here', { group, country: countryCode }),
      });
  if (errors.length > 0) throw unprocessable(errors);
}

export async function createUser(deps: UserAdminDeps, principal: Principal, data: unknown) {
  authorize(principal, 'manage');
  const input = parseOr422(userCreateSchema, data);
  await checkReferences(deps, principal.countryCode, input);
  const now = deps.now().toISOString();
  const { password, ...fields } = input;
  const user: StoredUser = {
    ...fields,
    email: fields.email ?? undefined,
    id: userDocId(input.user_name),
    type: 'user',
    country_code: DEPLOYMENT_WIDE,
    country_codes: [principal.countryCode],
    password_hash: await hashPassword(password),
    disabled: false,
    locale: fields.locale ?? 'en',
    created_at: now,
    updated_at: now,
  };
  if (!(await deps.users.create(user))) throw conflict(msg('user_name_taken'), 'user_name');
  return presentUser((await deps.users.findByUserName(input.user_name)) as StoredUser);
}

/**
 * Changes an account of the admin's country. An account that also works in another country is shared
 * with that country's admins (one role id, one agency, one password): it is changed only by someone
 * acting for every country it works in, which a country admin is not.
 */
export async function updateUser(
  deps: UserAdminDeps,
  principal: Principal,
  id: string,
  data: unknown,
  ifMatch: string | null,
) {
  authorize(principal, 'manage');
  const changes = parseOr422(userUpdateSchema, data);
  const user = await findInCountry(deps, principal, id);
  const others = user.country_codes.filter((c) => c !== principal.countryCode);
  if (others.length > 0) throw forbidden(msg('account_elsewhere', { countries: others.join(', ') }));
  if (!ifMatchHolds(ifMatch, user._etag as string)) throw preconditionFailed();
  if (changes.disabled === true && user.user_name === principal.user.user_name)
    throw unprocessable([{ detail: 'disabled', ...msg('cannot_disable_self') }]);
  await checkReferences(deps, principal.countryCode, changes);
  const { password, ...fields } = changes;
  const next: StoredUser = {
    ...user,
    ...fields,
    email: fields.email === null ? undefined : (fields.email ?? user.email),
    ...(password ? await passwordChange(password, deps.now()) : {}),
    // Disabling ends the account's sessions: enabling it again must not bring a lost phone's token back.
    ...(changes.disabled === true && !user.disabled ? { tokens_valid_after: deps.now().toISOString() } : {}),
    updated_at: deps.now().toISOString(),
  };
  await deps.users.replace(next);
  return {
    user: presentUser((await deps.users.findByUserName(user.user_name)) as StoredUser),
    changed: Object.keys(changes).sort(),
  };
}
