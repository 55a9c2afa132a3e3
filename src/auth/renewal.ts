import type { AuditLog } from '../audit/auditLog';
import { AppError } from '../errors';
import type { Principal } from './principal';
import { sessionAnswer } from './login';
import type { LoginResponse } from './schema';
import type { SessionTokens } from './sessionTokens';
import { msg } from '../messages/catalogue';

export interface RenewalDeps {
  tokens: SessionTokens;
  audit: AuditLog;
  authMode: 'embedded' | 'entra';
}

/**
 * POST /tokens with a valid bearer and no body: a new session token for the same user, as Primero's
 * clients do to stay signed in. The token sent stays valid until its own expiry, as in Primero (its JWT
 * allowlist only drops a token at sign-out): requests already under way with it do not fail, and DELETE
 * /tokens with either ends that one. Only a full session renews (authenticate refuses an enrolment-only
 * token), and a password reset or disabled account stops renewal as it stops every other request. A
 * session renews for at most SESSION_MAX_HOURS after its sign-in: a token taken from a device stops there.
 */
export async function renewSession(
  deps: RenewalDeps,
  principal: Principal,
  requestId: string,
): Promise<LoginResponse> {
  if (deps.authMode === 'entra')
    throw new AppError(400, 'This deployment signs in with Microsoft Entra ID: renew the token there');
  const { user, role } = principal;
  const issued =
    principal.signedInAt === undefined
      ? undefined
      : await deps.tokens.renew(user.user_name, principal.signedInAt);
  if (!issued) throw new AppError(401, msg('session_too_long'), 'session_expired');
  await deps.audit.append({
    action: 'token_renewal',
    user_name: user.user_name,
    country_code: principal.countryCode,
    request_id: requestId,
  });
  return sessionAnswer(user, role, issued);
}
