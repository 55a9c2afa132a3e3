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
  /**
   * Issued at (milliseconds): a password reset or a disabling ends the sessions opened before it, also in
   * its own second. Absent from tokens signed before it was added.
   */
  iat_ms?: number;
  /** `full`, or `totp_enrolment` for a user whose role requires 2FA but who has not enrolled yet. */
  scope: 'full' | 'totp_enrolment';
  /** When the user signed in with their password (seconds), carried through renewals (OIDC's auth_time). */
  auth_time: number;
}

export interface IssuedToken {
  token: string;
  claims: SessionClaims;
}

export class SessionTokens {
  constructor(
    private readonly keys: SigningKeys,
    private readonly clock: Clock,
    private readonly ttlMinutes: number,
    /** A session renews until this long after its sign-in, then the user signs in again. */
    private readonly maxSessionMinutes: number,
  ) {}

  /** The token of a sign-in: its session begins now. */
  async issue(userName: string, scope: SessionClaims['scope']): Promise<IssuedToken> {
    return this.sign(userName, scope, this.nowSeconds());
  }

  /**
   * A new token for the session begun at signedInAt. Its expiry never passes the session's end, and
   * none is issued when less than a minute of it is left: a stolen token cannot be renewed for ever.
   */
  async renew(userName: string, signedInAt: number): Promise<IssuedToken | undefined> {
    if (signedInAt + this.maxSessionMinutes * 60 - this.nowSeconds() < 60) return undefined;
    return this.sign(userName, 'full', signedInAt);
  }

  private nowSeconds = () => Math.floor(this.clock.now().getTime() / 1000);

  private async sign(
    userName: string,
    scope: SessionClaims['scope'],
    authTime: number,
  ): Promise<IssuedToken> {
    const { kid, key } = await this.keys.currentKey();
    const iatMs = this.clock.now().getTime();
    const iat = Math.floor(iatMs / 1000);
    const exp = Math.min(iat + this.ttlMinutes * 60, authTime + this.maxSessionMinutes * 60);
    const claims: SessionClaims = {
      sub: userName,
      jti: randomUUID(),
      exp,
      iat,
      iat_ms: iatMs,
      scope,
      auth_time: authTime,
    };
    const token = await new SignJWT({ scope, auth_time: authTime, iat_ms: iatMs })
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
      // Tokens signed before sessions carried auth_time began at their own issue.
      const authTime = typeof payload.auth_time === 'number' ? payload.auth_time : payload.iat;
      return {
        sub: payload.sub,
        jti: payload.jti,
        exp: payload.exp,
        iat: payload.iat,
        ...(typeof payload.iat_ms === 'number' ? { iat_ms: payload.iat_ms } : {}),
        scope,
        auth_time: authTime,
      };
    } catch {
      return undefined;
    }
  }
}
