import type { AuditLog } from '../audit/auditLog';
import type { Clock } from '../clock';
import { DEPLOYMENT_WIDE } from '../platform/containers';
import { AppError, unauthorized } from '../errors';
import type { UserRepository } from '../users/userRepository';
import type { LoginGuard } from './loginGuard';
import { verifyPassword } from './passwords';
import type { LoginInput, LoginResponse } from './schema';
import type { SessionTokens } from './sessionTokens';
import { totpStep } from './totp';

export interface LoginDeps {
  users: UserRepository;
  guard: LoginGuard;
  tokens: SessionTokens;
  clock: Clock;
  authMode: 'embedded' | 'entra';
  audit: AuditLog;
}

// One message whether the user exists, is disabled or mistyped: nothing to learn from it.
const WRONG = 'Invalid user name or password';

async function attemptLogin(deps: LoginDeps, input: LoginInput['user']): Promise<LoginResponse> {
  if (deps.authMode === 'entra') {
    throw new AppError(
      400,
      'This deployment signs in with Microsoft Entra ID: send its access token as the bearer token',
    );
  }
  await deps.guard.admit(input.user_name);
  const user = await deps.users.findByUserName(input.user_name);
  const passwordOk = await verifyPassword(user?.password_hash, input.password);
  if (!user || user.disabled || !passwordOk) {
    await deps.guard.recordFailure(input.user_name);
    throw unauthorized(WRONG);
  }
  const homeCountry = user.country_codes[0] as string;
  const role = await deps.users.findRole(homeCountry, user.role_unique_id);
  if (!role) throw unauthorized(WRONG);

  if (user.totp_secret) {
    if (!input.totp_code)
      throw new AppError(401, 'A verification code from your authenticator app is required', 'totp_code');
    const step = totpStep(user.totp_secret, input.totp_code, deps.clock.now());
    if (step === undefined || !(await deps.guard.claimTotpStep(user.user_name, step))) {
      await deps.guard.recordFailure(input.user_name);
      throw new AppError(401, 'Invalid or already used verification code', 'totp_code');
    }
  }
  await deps.guard.recordSuccess(input.user_name);

  const scope = role.require_2fa && !user.totp_secret ? 'totp_enrolment' : 'full';
  const { token, claims } = await deps.tokens.issue(user.user_name, scope);
  return {
    id: user.id,
    user_name: user.user_name,
    token,
    expires_at: new Date(claims.exp * 1000).toISOString(),
    group_permission: role.group_permission,
    country_codes: user.country_codes,
    token_scope: scope,
  };
}

/** Password (and TOTP where enrolled) for a short-lived session token; every attempt is audited. */
export async function login(
  deps: LoginDeps,
  input: LoginInput['user'],
  requestId?: string,
): Promise<LoginResponse> {
  try {
    const session = await attemptLogin(deps, input);
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
