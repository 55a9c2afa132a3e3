import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { ensureCertificate } from '../../src/local/certificate';

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

/**
 * Stands in for a tenant's sign-in authority (login.microsoftonline.com/<tenant>) for the web app's MSAL:
 * the OpenID metadata, an authorize page that asks who signs in and redirects back with a code, a token
 * endpoint that redeems it (PKCE checked, as Entra does for a SPA) or a refresh token, the signing keys the
 * API verifies against, and sign-out. HTTPS, as MSAL demands of an authority (a self-signed certificate the
 * test's browser is told to accept).
 */
export class FakeEntraAuthority {
  readonly tenantId = randomUUID();
  /** Sign-outs seen, with where each was sent back to. */
  readonly signOuts: string[] = [];
  /** What the token endpoint was asked, in order (grant type and scope). */
  readonly tokenRequests: { grant: string; scope: string; clientId: string }[] = [];
  private server?: Server;
  private keyServer?: HttpServer;
  private keysOrigin = '';
  private keys?: { privateKey: CryptoKey; jwk: Record<string, unknown> };
  private readonly codes = new Map<string, Record<string, string>>();
  private readonly refreshTokens = new Map<string, Record<string, string>>();
  origin = '';

  constructor(private readonly options: { clientId: string; audience: string; certDir: string }) {}

  /** The authority MSAL is configured with (ENTRA_AUTHORITY). */
  get authority() {
    return `${this.origin}/${this.tenantId}`;
  }
  /** The issuer of its tokens (ENTRA_ISSUER), and where its keys are (ENTRA_JWKS_URL). */
  get issuer() {
    return `${this.authority}/v2.0`;
  }
  /** The signing keys, over plain HTTP: the API's Node process does not trust the test certificate. */
  get jwksUrl() {
    return `${this.keysOrigin}/discovery/v2.0/keys`;
  }

  async start(): Promise<void> {
    const pair = await generateKeyPair('RS256');
    this.keys = {
      privateKey: pair.privateKey,
      jwk: { ...(await exportJWK(pair.publicKey)), kid: 'fake-entra', alg: 'RS256', use: 'sig' },
    };
    const cert = await ensureCertificate(this.options.certDir);
    this.server = createServer(
      { cert: readFileSync(cert.certPath), key: readFileSync(cert.keyPath) },
      (req, res) => void this.serve(req, res),
    );
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.origin = `https://localhost:${(this.server.address() as AddressInfo).port}`;
    this.keyServer = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [this.keys?.jwk] }));
    });
    await new Promise<void>((resolve) => this.keyServer?.listen(0, '127.0.0.1', resolve));
    this.keysOrigin = `http://127.0.0.1:${(this.keyServer.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const server of [this.server, this.keyServer]) {
      server?.closeAllConnections();
      await new Promise((resolve) => server?.close(resolve));
    }
  }

  private async serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.origin);
    const path = url.pathname.replace(`/${this.tenantId}`, '');
    const cors = {
      'access-control-allow-origin': String(req.headers.origin ?? '*'),
      'access-control-allow-headers': '*',
      'access-control-allow-methods': 'GET, POST',
    };
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { ...cors, 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') return (res.writeHead(204, cors), res.end());
    const form = new URLSearchParams(
      req.method === 'POST'
        ? await new Promise<string>((resolve) => {
            let body = '';
            req.on('data', (c) => (body += c));
            req.on('end', () => resolve(body));
          })
        : '',
    );
    if (path === '/v2.0/.well-known/openid-configuration') {
      return json(200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.authority}/oauth2/v2.0/authorize`,
        token_endpoint: `${this.authority}/oauth2/v2.0/token`,
        end_session_endpoint: `${this.authority}/oauth2/v2.0/logout`,
        jwks_uri: this.jwksUrl,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        response_types_supported: ['code', 'id_token', 'code id_token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (path === '/discovery/v2.0/keys') return json(200, { keys: [this.keys?.jwk] });
    if (path === '/oauth2/v2.0/authorize' && req.method === 'GET') {
      // Microsoft's page, reduced to the one question: who signs in.
      const hidden = [...url.searchParams]
        .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
        .join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(
        `<!doctype html><html lang="en"><title>Sign in to your account</title><main><h1>Sign in</h1>` +
          `<form method="post">${hidden}<label for="login">Email</label><input id="login" name="login">` +
          `<button>Next</button></form></main></html>`,
      );
    }
    if (path === '/oauth2/v2.0/authorize' && req.method === 'POST') {
      const params = Object.fromEntries(form);
      if (params.client_id !== this.options.clientId) return json(400, { error: 'unauthorized_client' });
      const code = randomUUID();
      this.codes.set(code, params);
      const answer = new URLSearchParams({
        code,
        state: params.state ?? '',
        client_info: this.clientInfo(params.login ?? ''),
      });
      const sep = params.response_mode === 'query' ? '?' : '#';
      res.writeHead(302, { location: `${params.redirect_uri}${sep}${answer}` });
      return res.end();
    }
    if (path === '/oauth2/v2.0/token' && req.method === 'POST') {
      const grant = form.get('grant_type') ?? '';
      this.tokenRequests.push({
        grant,
        scope: form.get('scope') ?? '',
        clientId: form.get('client_id') ?? '',
      });
      const issued =
        grant === 'authorization_code'
          ? this.codes.get(form.get('code') ?? '')
          : this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!issued || form.get('client_id') !== this.options.clientId)
        return json(400, { error: 'invalid_grant' });
      if (grant === 'authorization_code') {
        this.codes.delete(form.get('code') ?? '');
        const challenge = createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest('base64url');
        if (challenge !== issued.code_challenge || form.get('redirect_uri') !== issued.redirect_uri)
          return json(400, { error: 'invalid_grant', error_description: 'PKCE or redirect_uri mismatch' });
      }
      return json(200, await this.tokens(issued, form.get('scope') ?? issued.scope ?? ''));
    }
    if (path === '/oauth2/v2.0/logout') {
      const back = url.searchParams.get('post_logout_redirect_uri') ?? '';
      this.signOuts.push(back);
      res.writeHead(302, { location: back });
      return res.end();
    }
    json(404, { error: 'not_found' });
  }

  private clientInfo(login: string) {
    return b64(JSON.stringify({ uid: `oid-${login}`, utid: this.tenantId }));
  }

  private async tokens(issued: Record<string, string>, scope: string) {
    const login = issued.login ?? '';
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>, audience: string) =>
      new SignJWT({ ...claims, tid: this.tenantId, oid: `oid-${login}`, preferred_username: login })
        .setProtectedHeader({ alg: 'RS256', kid: 'fake-entra', typ: 'JWT' })
        .setIssuer(this.issuer)
        .setAudience(audience)
        .setSubject(`sub-${login}`)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(this.keys?.privateKey as CryptoKey);
    const refresh = randomUUID();
    this.refreshTokens.set(refresh, issued);
    // A token for the one resource of the scope asked for (`api://x/.default`, `api://x/access_as_user`): its
    // `aud` is that resource, Entra's rule.
    const resource = (
      scope.split(' ').find((s) => !['openid', 'profile', 'offline_access'].includes(s)) ?? ''
    ).replace(/\/[^/]*$/, '');
    return {
      token_type: 'Bearer',
      scope,
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: await sign(
        { amr: ['pwd'], uti: randomUUID(), scp: 'access_as_user' },
        audienceOf(resource),
      ),
      id_token: await sign({ nonce: issued.nonce, name: login }, this.options.clientId),
      refresh_token: refresh,
      client_info: this.clientInfo(login),
    };
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
