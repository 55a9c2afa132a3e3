import { z } from 'zod';
import { presentUser } from '../admin/userAdmin';
import { password, userFields } from '../admin/userSchemas';
import type { Clock } from '../clock';
import { AppError, unprocessable } from '../errors';
import { parseOr422 } from '../http/validation';
import type { User } from '../users/types';
import type { UserRepository } from '../users/userRepository';
import type { LoginGuard } from './loginGuard';
import { passwordChange, verifyPassword } from './passwords';
import type { Principal } from './principal';
import type { Revocations } from './revocations';
import { rule } from '../messages/schemaMessages';
import { msg } from '../messages/catalogue';

export interface OwnAccountDeps {
  users: UserRepository;
  revocations: Revocations;
  guard: LoginGuard;
  clock: Clock;
}

/** What a user may change of their own account; a new password needs the current one. */
export const ownAccountUpdateSchema = z
  .object({
    locale: userFields.locale,
    password,
    current_password: z.string().min(1, rule('required')).max(200),
  })
  .partial()
  .strict()
  .refine((d) => d.locale !== undefined || d.password !== undefined, {
    message: 'send locale or password',
  })
  .refine((d) => d.password === undefined || d.current_password !== undefined, {
    path: ['current_password'],
    message: rule('needs_current_password'),
  });

/**
 * The caller's own account as a client needs it at start: who they are, their role in the acting country
 * with its permissions, groups, agency and modules, and their locale. Never a hash or a second-factor secret.
 */
export function presentOwnAccount(user: User, principal: Principal) {
  const { role } = principal;
  return {
    ...presentUser(user),
    country_code: principal.countryCode,
    role_name: role.name,
    group_permission: role.group_permission,
    permissions: role.permissions,
    module_unique_ids: role.module_unique_ids,
    // What the app needs to show a form it may only read without inputs (as /users/{id}?extended=true has it).
    permitted_form: role.form_section_read_write ?? {},
  };
}

export async function readOwnAccount(deps: Pick<OwnAccountDeps, 'users'>, principal: Principal) {
  const user = await deps.users.findByUserName(principal.user.user_name);
  if (!user) throw new AppError(401, msg('sign_in_again'));
  return presentOwnAccount(user, principal);
}

/**
 * Changes the caller's locale and/or password. A wrong current password counts as a failed sign-in (the
 * same throttle and lock-out), so a stolen session cannot be used to guess it. A new password ends every
 * session opened before it, this one included: the user signs in again with it.
 */
export async function updateOwnAccount(
  deps: OwnAccountDeps,
  principal: Principal,
  data: unknown,
  clientAddress: string,
) {
  const changes = parseOr422(ownAccountUpdateSchema, data);
  const user = await deps.users.findByUserName(principal.user.user_name);
  if (!user) throw new AppError(401, msg('sign_in_again'));
  const next: User = { ...user, ...(changes.locale ? { locale: changes.locale } : {}) };
  if (changes.password !== undefined) {
    const source = await deps.guard.sourceOf(clientAddress);
    await deps.guard.admit(user.user_name, source);
    if (!(await verifyPassword(user.password_hash, changes.current_password ?? ''))) {
      await deps.guard.recordFailure(user.user_name, source);
      throw unprocessable([{ detail: 'current_password', ...msg('not_current_password') }]);
    }
    await deps.guard.recordSuccess(user.user_name, source);
    if (changes.password.toLowerCase().includes(user.user_name))
      throw unprocessable([{ detail: 'password', ...msg('password_has_user_name') }]);
    Object.assign(next, await passwordChange(changes.password, deps.clock.now()));
  }
  await deps.users.replace(next);
  // Tokens from before iat_ms are compared in whole seconds: the calling session ends by its id as well.
  if (changes.password !== undefined)
    await deps.revocations.revoke(principal.tokenId, principal.tokenExpiresAt);
  return {
    account: presentOwnAccount(next, principal),
    changed: Object.keys(changes)
      .filter((k) => k !== 'current_password')
      .sort(),
  };
}
