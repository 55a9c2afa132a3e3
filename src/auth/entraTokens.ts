import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { Clock } from '../clock';
import type { Config } from '../config';

export interface EntraIdentity {
  userName: string;
  objectId: string;
  tokenId: string;
  exp: number;
  amr: string[];
}

/**
 * Microsoft Entra ID access tokens: signature against the tenant's published keys (fetched and cached by
 * jose), issuer, audience and expiry. The account is named by `preferred_username` (the UPN), and the
 * object id is returned for the caller to check against the account.
 */
export class EntraTokens {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  private readonly issuer: string;

  constructor(
    private readonly config: Config,
    private readonly clock: Clock,
  ) {
    const tenant = config.ENTRA_TENANT_ID as string;
    this.issuer = config.ENTRA_ISSUER ?? `https://login.microsoftonline.com/${tenant}/v2.0`;
    this.jwks = createRemoteJWKSet(
      new URL(config.ENTRA_JWKS_URL ?? `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`),
    );
  }

  /** Undefined for anything that is not a valid, unexpired token for this API from this tenant. */
  async verify(token: string): Promise<EntraIdentity | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.jwks, {
        issuer: this.issuer,
        audience: this.config.ENTRA_AUDIENCE as string,
        algorithms: ['RS256'],
        currentDate: this.clock.now(),
      });
      const userName = payload.preferred_username ?? payload.upn;
      const id = payload.uti ?? payload.jti;
      if (typeof userName !== 'string' || typeof payload.oid !== 'string' || typeof payload.exp !== 'number')
        return undefined;
      return {
        userName: userName.toLowerCase(),
        objectId: payload.oid,
        tokenId: typeof id === 'string' ? id : `${payload.oid}:${payload.iat}`,
        exp: payload.exp,
        amr: Array.isArray(payload.amr) ? payload.amr.map(String) : [],
      };
    } catch {
      return undefined;
    }
  }
}
