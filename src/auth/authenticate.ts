import { AppError, badRequest, forbidden, unauthorized } from '../errors';
import type { UserRepository } from '../users/userRepository';
import type { Clock } from '../clock';
import type { AuthCache } from './authCache';
import type { EntraTokens } from './entraTokens';
import type { Principal } from './principal';
import type { Revocations } from './revocations';
import type { SessionTokens } from './sessionTokens';
import { msg } from '../messages/catalogue';

export interface AuthenticateDeps {
  tokens: SessionTokens;
  revocations: Revocations;
  users: UserRepository;
  /**
   * Per-instance, bounded by AUTH_CACHE_SECONDS: saves three round trips on every request, and the token's
   * signature check on every request after the first.
   */
  authCache: AuthCache;
  clock: Clock;
  /** Present when AUTH_MODE is entra: Entra ID access tokens replace our own session tokens. */
  entra?: EntraTokens;
  config: { ENTRA_MFA_AMR: string };
}

interface Identity {
  userName: string;
  tokenId: string;
  exp: number;
  /** Issued at (seconds), for our own session tokens. */
  iat?: number;
  /** Issued at (milliseconds), for our own session tokens signed since they carry it. */
  iatMs?: number;
  scope: 'full' | 'totp_enrolment';
  signedInAt?: number;
  /** Entra only: how the user signed in, and who they are there. */
  amr?: string[];
  objectId?: string;
}

const INVALID = msg('session_invalid');
/** What a token that does not verify rejects with: a constant, not an Error (no stack to capture per request). */
const unverified = Symbol('unverified');

/**
 * Bearer token → principal acting in one country. The country comes from the user's own list: the only
 * say the caller has is picking one of them with `X-Country-Code`.
 */
export async function authenticate(
  deps: AuthenticateDeps,
  authorization: string | null,
  countryHeader: string | null,
  /** Only the two-factor enrolment endpoints accept a token issued before enrolment. */
  allowEnrolmentScope = false,
): Promise<Principal> {
  // The scheme's name is case-insensitive (RFC 9110 §11.1): `bearer` is as good as `Bearer`.
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization ?? '');
  if (!match?.[1]) throw unauthorized('A bearer token is required: sign in with POST /api/v2/tokens');
  const identity = await verifiedIdentity(deps, match[1]);
  if (!identity) throw unauthorized(INVALID);
  // Independent point reads: run together, and kept for a few seconds (AuthCache says how late a change can be seen).
  const cache = deps.authCache;
  const [revoked, user] = await Promise.all([
    cache.get(`revoked:${identity.tokenId}`, () => deps.revocations.isRevoked(identity.tokenId)),
    cache.get(`user:${identity.userName.toLowerCase()}`, () => deps.users.findByUserName(identity.userName)),
  ]);
  if (revoked || !user) throw unauthorized(INVALID);
  // Said plainly only to a holder of a valid token (sign-in still answers alike for every refusal): the web
  // app wipes the device's copy of the caseload when it hears it.
  if (user.disabled) throw new AppError(401, msg('account_disabled'), 'account_disabled');
  // A password reset or a disabling ends the sessions opened before it: to the millisecond where the token
  // says it, else in whole seconds as `iat` is (older tokens).
  if (user.tokens_valid_after && openedBefore(identity, Date.parse(user.tokens_valid_after)))
    throw unauthorized(INVALID);
  // A recorded Entra object id pins the account: a recycled user principal name cannot take it over.
  if (identity.objectId && user.entra_object_id && user.entra_object_id !== identity.objectId)
    throw unauthorized(INVALID);
  if (identity.scope !== 'full' && !allowEnrolmentScope) {
    throw forbidden('Enrol in two-factor sign-in first: POST /api/v2/users/me/totp');
  }

  const countryCode = actingCountry(user.country_codes, countryHeader);
  const role = await cache.get(`role:${countryCode}:${user.role_unique_id}`, () =>
    deps.users.findRole(countryCode, user.role_unique_id),
  );
  if (!role) throw forbidden(`No role in country ${countryCode}`);
  if (identity.amr && role.require_2fa && !identity.amr.includes(deps.config.ENTRA_MFA_AMR)) {
    throw unauthorized(msg('mfa_required'));
  }
  return {
    user,
    role,
    countryCode,
    tokenId: identity.tokenId,
    tokenExpiresAt: identity.exp,
    ...(identity.signedInAt !== undefined ? { signedInAt: identity.signedInAt } : {}),
  };
}

/**
 * A token's identity, its signature checked once per AUTH_CACHE_SECONDS: the same token always verifies
 * alike, except that it expires, which is checked on every request. A token that does not verify is not
 * kept (a key this instance has not seen yet may sign it a moment later).
 */
async function verifiedIdentity(deps: AuthenticateDeps, token: string): Promise<Identity | undefined> {
  // Rejecting keeps an unverified token out of the cache; any other failure (a key store down) propagates.
  const identity = await deps.authCache
    .get(`token:${token}`, async () => (await identify(deps, token)) ?? Promise.reject(unverified))
    .catch((error: unknown) => {
      if (error === unverified) return undefined;
      throw error;
    });
  return identity && identity.exp * 1000 > deps.clock.now().getTime() ? identity : undefined;
}

function openedBefore(identity: Identity, validAfterMs: number): boolean {
  if (identity.iatMs !== undefined) return identity.iatMs < validAfterMs;
  return identity.iat !== undefined && identity.iat < Math.floor(validAfterMs / 1000);
}

async function identify(deps: AuthenticateDeps, token: string): Promise<Identity | undefined> {
  if (deps.entra) {
    const entra = await deps.entra.verify(token);
    return entra && { ...entra, scope: 'full' };
  }
  const claims = await deps.tokens.verify(token);
  return (
    claims && {
      userName: claims.sub,
      tokenId: claims.jti,
      exp: claims.exp,
      iat: claims.iat,
      ...(claims.iat_ms !== undefined ? { iatMs: claims.iat_ms } : {}),
      scope: claims.scope,
      signedInAt: claims.auth_time,
    }
  );
}

function actingCountry(countries: string[], header: string | null): string {
  if (header === null || header === '') {
    if (countries.length === 1) return countries[0] as string;
    throw new AppError(400, msg('country_header_needed'), 'X-Country-Code');
  }
  const code = header.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw badRequest(msg('country_header_format'), 'X-Country-Code');
  if (!countries.includes(code)) throw forbidden(msg('country_not_yours', { country: code }));
  return code;
}
