import { createHash } from 'node:crypto';
import type { AuditLog } from '../audit/auditLog';
import type { Clock } from '../clock';
import { DEPLOYMENT_WIDE } from '../platform/containers';
import { AppError, unauthorized } from '../errors';
import type { AccountLockedNotification } from '../notifications/notificationQueue';
import type { Role, User } from '../users/types';
import type { UserRepository } from '../users/userRepository';
import type { LoginGuard } from './loginGuard';
import { verifyPassword } from './passwords';
import type { LoginInput, LoginResponse } from './schema';
import type { SessionClaims, SessionTokens } from './sessionTokens';
import { totpStep } from './totp';
import { msg } from '../messages/catalogue';

export interface LoginDeps {
  users: UserRepository;
  guard: LoginGuard;
  tokens: SessionTokens;
  clock: Clock;
  authMode: 'embedded' | 'entra';
  audit: AuditLog;
  /** Tells an account's owner it was locked (the notification queue). */
  notifyLocked(notification: AccountLockedNotification): Promise<void>;
}

/** Who is signing in from where: the address the platform's front end saw (see http/clientAddress). */
export interface LoginContext {
  clientAddress: string;
  requestId?: string;
}

// One answer whether the user exists, is disabled, mistyped the password, or gave the right password without
// (or with a wrong) verification code: nothing to learn from it, not even that a password was right.
const WRONG = msg('sign_in_refused');

async function attemptLogin(
  deps: LoginDeps,
  input: LoginInput['user'],
  source: string,
  context: LoginContext,
): Promise<LoginResponse> {
  if (deps.authMode === 'entra') {
    throw new AppError(
      400,
      'This deployment signs in with Microsoft Entra ID: send its access token as the bearer token',
    );
  }
  await deps.guard.admit(input.user_name, source);
  const user = await deps.users.findByUserName(input.user_name);
  const passwordOk = await verifyPassword(user?.password_hash, input.password);
  const refuse = async () => {
    const outcome = await deps.guard.recordFailure(input.user_name, source);
    if (outcome.locked && user) await accountLocked(deps, user, outcome.locked.until, context.requestId);
    return unauthorized(WRONG);
  };
  if (!user || user.disabled || !passwordOk) throw await refuse();
  const homeCountry = user.country_codes[0] as string;
  const role = await deps.users.findRole(homeCountry, user.role_unique_id);
  if (!role) throw unauthorized(WRONG);

  if (user.totp_secret) {
    const step = input.totp_code ? totpStep(user.totp_secret, input.totp_code, deps.clock.now()) : undefined;
    if (step === undefined || !(await deps.guard.claimTotpStep(user.user_name, step))) throw await refuse();
  }
  await deps.guard.recordSuccess(input.user_name, source);

  const scope = role.require_2fa && !user.totp_secret ? 'totp_enrolment' : 'full';
  return sessionAnswer(user, role, await deps.tokens.issue(user.user_name, scope));
}

/** What a sign-in (or a renewal) answers: the token and who it is for. */
export function sessionAnswer(
  user: User,
  role: Pick<Role, 'group_permission'>,
  issued: { token: string; claims: SessionClaims },
): LoginResponse {
  return {
    id: user.id,
    user_name: user.user_name,
    token: issued.token,
    expires_at: new Date(issued.claims.exp * 1000).toISOString(),
    group_permission: role.group_permission,
    country_codes: user.country_codes,
    token_scope: issued.claims.scope,
  };
}

/** Password (and TOTP where enrolled) for a short-lived session token; every attempt is audited. */
export async function login(
  deps: LoginDeps,
  input: LoginInput['user'],
  context: LoginContext,
): Promise<LoginResponse> {
  const { requestId } = context;
  const source = await deps.guard.sourceOf(context.clientAddress);
  try {
    const session = await attemptLogin(deps, input, source, context);
    await deps.audit.append({
      action: 'login',
      user_name: session.user_name,
      country_code: session.country_codes[0] ?? DEPLOYMENT_WIDE,
      request_id: requestId,
    });
    return session;
  } catch (error) {
    if (error instanceof AppError && (error.status === 401 || error.status === 429)) {
      // The name as typed, never the password; filed under the account's country, so that its
      // administrators see attacks on their users (names that match no account stay deployment-wide).
      const account = await deps.users.findByUserName(input.user_name).catch(() => undefined);
      await deps.audit.append({
        action: error.status === 429 ? 'login_throttled' : 'login_failed',
        user_name: input.user_name.toLowerCase().slice(0, 100),
        country_code: account?.country_codes[0] ?? DEPLOYMENT_WIDE,
        request_id: requestId,
      });
    }
    throw error;
  }
}

/** The failure that locked an account: audited under its country, and its owner told. */
async function accountLocked(deps: LoginDeps, user: User, until: Date, requestId?: string) {
  const country = user.country_codes[0] ?? DEPLOYMENT_WIDE;
  const lockedUntil = until.toISOString();
  let notified = 'queued';
  try {
    await deps.notifyLocked({
      message_id: createHash('sha256')
        .update(`locked|${user.user_name}|${lockedUntil}`)
        .digest('hex')
        .slice(0, 32),
      kind: 'account_locked',
      country_code: country,
      user_name: user.user_name,
      locked_until: lockedUntil,
    });
  } catch {
    // The lock holds either way; the audit entry says the owner was not told, for an administrator to act on.
    notified = 'failed';
  }
  await deps.audit.append({
    action: 'account_locked',
    user_name: user.user_name,
    country_code: country,
    record_type: 'user',
    record_id: user.id,
    details: { locked_until: lockedUntil, notified },
    request_id: requestId,
  });
}
