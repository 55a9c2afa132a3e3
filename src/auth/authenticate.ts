import { AppError, badRequest, forbidden, unauthorized } from '../errors';
import type { UserRepository } from '../users/userRepository';
import type { Principal } from './principal';
import type { Revocations } from './revocations';
import type { SessionTokens } from './sessionTokens';

export interface AuthenticateDeps {
  tokens: SessionTokens;
  revocations: Revocations;
  users: UserRepository;
}

const INVALID = 'The token is invalid, expired or signed out: sign in again';

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
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? '');
  if (!match?.[1]) throw unauthorized('A bearer token is required: sign in with POST /api/v2/tokens');
  const claims = await deps.tokens.verify(match[1]);
  if (!claims) throw unauthorized(INVALID);
  // Independent point reads: run together to save a round trip on every request.
  const [revoked, user] = await Promise.all([
    deps.revocations.isRevoked(claims.jti),
    deps.users.findByUserName(claims.sub),
  ]);
  if (revoked || !user || user.disabled) throw unauthorized(INVALID);
  if (claims.scope !== 'full' && !allowEnrolmentScope) {
    throw forbidden('Enrol in two-factor sign-in first: POST /api/v2/users/me/totp');
  }

  const countryCode = actingCountry(user.country_codes, countryHeader);
  const role = await deps.users.findRole(countryCode, user.role_unique_id);
  if (!role) throw forbidden(`No role in country ${countryCode}`);
  return { user, role, countryCode, tokenId: claims.jti, tokenExpiresAt: claims.exp };
}

function actingCountry(countries: string[], header: string | null): string {
  if (header === null || header === '') {
    if (countries.length === 1) return countries[0] as string;
    throw new AppError(
      400,
      'You work in several countries: say which with the X-Country-Code header',
      'X-Country-Code',
    );
  }
  const code = header.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code))
    throw badRequest('X-Country-Code must be an ISO 3166-1 alpha-2 code', 'X-Country-Code');
  if (!countries.includes(code)) throw forbidden(`You do not work in country ${code}`);
  return code;
}
