import { randomUUID } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, jwtVerify } from 'jose';
import type { Clock } from '../clock';
import type { SigningKeys } from './signingKeys';

const ISSUER = 'primero-serverless';
const AUDIENCE = 'primero-serverless-api';

export interface SessionClaims {
  sub: string;
  jti: string;
  exp: number;
  /** Issued at (seconds). */
  iat: number;
  /** `full`, or `totp_enrolment` for a user whose role requires 2FA but who has not enrolled yet. */
  scope: 'full' | 'totp_enrolment';
}

export class SessionTokens {
  constructor(
    private readonly keys: SigningKeys,
    private readonly clock: Clock,
    private readonly ttlMinutes: number,
  ) {}

  async issue(
    userName: string,
    scope: SessionClaims['scope'],
  ): Promise<{ token: string; claims: SessionClaims }> {
    const { kid, key } = await this.keys.currentKey();
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const claims: SessionClaims = {
      sub: userName,
      jti: randomUUID(),
      exp: iat + this.ttlMinutes * 60,
      iat,
      scope,
    };
    const token = await new SignJWT({ scope })
      .setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' })
      .setSubject(userName)
      .setJti(claims.jti)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(claims.exp)
      .sign(key);
    return { token, claims };
  }

  /** Undefined for anything that is not a valid, unexpired token of ours. */
  async verify(token: string): Promise<SessionClaims | undefined> {
    try {
      const { kid } = decodeProtectedHeader(token);
      // Only a well-formed secret version is looked up, so forged headers cannot make us query the store.
      const key = kid && /^[0-9a-f]{32}$/.test(kid) ? await this.keys.keyFor(kid) : undefined;
      if (!key) return undefined;
      const { payload } = await jwtVerify(token, key.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.clock.now(),
      });
      const scope = payload.scope === 'totp_enrolment' ? 'totp_enrolment' : 'full';
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.jti !== 'string' ||
        typeof payload.exp !== 'number' ||
        typeof payload.iat !== 'number'
      )
        return undefined;
      return { sub: payload.sub, jti: payload.jti, exp: payload.exp, iat: payload.iat, scope };
    } catch {
      return undefined;
    }
  }
}
