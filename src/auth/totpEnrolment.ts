import type { Clock } from '../clock';
import { AppError, conflict, unprocessable } from '../errors';
import type { UserRepository } from '../users/userRepository';
import type { LoginGuard } from './loginGuard';
import type { Principal } from './principal';
import { newTotpSecret, totpStep } from './totp';
import { msg } from '../messages/catalogue';

export interface EnrolmentDeps {
  users: UserRepository;
  guard: LoginGuard;
  clock: Clock;
}

/** Step 1: a new secret for the user's authenticator app; 2FA is not on until a code from it is verified. */
export async function startTotpEnrolment(deps: EnrolmentDeps, principal: Principal) {
  const user = await deps.users.findByUserName(principal.user.user_name);
  if (!user) throw new AppError(401, msg('sign_in_again'));
  if (user.totp_secret) throw conflict(msg('totp_already_enabled'), 'totp');
  const { secret, otpauthUrl } = newTotpSecret(user.user_name);
  await deps.users.replace({ ...user, totp_pending_secret: secret });
  return { secret, otpauth_url: otpauthUrl };
}

/** Step 2: a valid code (used once) turns the pending secret on. Then sign in again with a code. */
export async function verifyTotpEnrolment(deps: EnrolmentDeps, principal: Principal, code: string) {
  const user = await deps.users.findByUserName(principal.user.user_name);
  if (!user) throw new AppError(401, msg('sign_in_again'));
  if (!user.totp_pending_secret) throw conflict('Start with POST /api/v2/users/me/totp', 'totp');
  const step = totpStep(user.totp_pending_secret, code, deps.clock.now());
  if (step === undefined || !(await deps.guard.claimTotpStep(user.user_name, step))) {
    throw unprocessable([{ detail: 'code', ...msg('totp_code_refused') }]);
  }
  const { totp_pending_secret: pending, ...rest } = user;
  await deps.users.replace({ ...rest, totp_secret: pending });
  return { enabled: true };
}
