import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';

/** What a fake service learns from a bearer token it accepts. */
export interface TokenClaims {
  aud: string;
  tid: string;
  oid: string;
  exp: number;
}

const b64 = (value: Buffer | string) => Buffer.from(value).toString('base64url');
/** Entra's audience for a `.default` scope: the resource before it (`https://vault.azure.net`), no trailing slash. */
export const audienceOf = (scope: string) => scope.replace(/\/\.default$/, '').replace(/\/+$/, '');

/**
 * Stands in for Entra ID: hands out tokens for the one resource a client asks for, signed with its own key,
 * so that a fake service checks what Azure checks — a token it issued, for this service's audience, of the
 * right tenant, not expired. A credential is what DefaultAzureCredential is in Azure (a managed identity);
 * `scope` makes a misconfigured one, asking for a fixed resource whatever the client needs.
 */
export class FakeEntra {
  readonly tenantId = randomUUID();
  /** The scopes each token was asked for, in order. */
  readonly requested: string[][] = [];
  private readonly key = randomBytes(32);

  credential(options: { scope?: string; tenantId?: string } = {}): TokenCredential & { calls: number } {
    const credential = {
      calls: 0,
      getToken: async (scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> => {
        credential.calls += 1;
        const asked = options.scope ? [options.scope] : [scopes].flat();
        this.requested.push(asked);
        // Entra issues a token for exactly one resource.
        if (asked.length !== 1 || !asked[0]?.endsWith('/.default'))
          throw new Error(`AADSTS70011: invalid scope ${asked.join(' ')}`);
        const expiresOnTimestamp = Date.now() + 3_600_000;
        const claims: TokenClaims = {
          aud: audienceOf(asked[0]),
          tid: options.tenantId ?? this.tenantId,
          oid: 'managed-identity',
          exp: Math.floor(expiresOnTimestamp / 1000),
        };
        return { token: this.sign(claims), expiresOnTimestamp };
      },
    };
    return credential;
  }

  /** The claims of `Authorization: Bearer …` if this Entra issued it for `audience` and it is still valid. */
  verify(authorization: string | undefined, audience: string): TokenClaims | undefined {
    const [, header, payload, signature] =
      /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization ?? '') ?? [];
    if (!header || !payload || !signature) return undefined;
    const expected = createHmac('sha256', this.key).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    const valid = claims.aud === audienceOf(audience) && claims.tid === this.tenantId;
    return valid && claims.exp * 1000 > Date.now() ? claims : undefined;
  }

  private sign(claims: TokenClaims): string {
    const unsigned = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify(claims))}`;
    return `${unsigned}.${b64(createHmac('sha256', this.key).update(unsigned).digest())}`;
  }
}
