import { randomBytes } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns';
import { Agent, createServer, type Server } from 'node:https';
import type { AddressInfo, LookupFunction } from 'node:net';
import { generate } from 'selfsigned';
import type { FakeEntra } from './fakeEntra';

/**
 * A small Key Vault speaking the REST protocol the real @azure/keyvault-secrets client uses, checking what
 * Key Vault checks: HTTPS under a `*.vault.azure.net` name, a 401 bearer challenge naming the tenant and the
 * resource (`Bearer authorization="https://login.microsoftonline.com/<tenant>", resource="https://vault.azure.net"`,
 * as Key Vault answers), then only a token the (fake) Entra issued for that resource and tenant; then get/set
 * secrets with versions and list them. There is no Key Vault emulator; this lets tests drive the real SDK
 * with its challenge verification on (it refuses a challenge whose resource is not the vault's domain).
 */
export interface KeyVaultFake {
  /** `https://primero-test.vault.azure.net:<port>`: the name a vault has, resolved to this fake by `clientOptions.agent`. */
  url: string;
  /** What a SecretClient needs to reach the fake: an agent that resolves the vault name here and trusts its certificate. */
  clientOptions: { agent: Agent; retryOptions: { maxRetries: number } };
  /** The resource the challenge names (Key Vault's own unless a test changes it). */
  challengeResource: string;
  requests: { method: string; path: string; authorized: boolean }[];
  close(): Promise<void>;
}

export const VAULT_HOST = 'primero-test.vault.azure.net';
const VAULT_RESOURCE = 'https://vault.azure.net';

export async function startKeyVaultFake(entra: FakeEntra): Promise<KeyVaultFake> {
  const tls = await vaultCertificate();
  const secrets = new Map<
    string,
    { versions: Map<string, { value: string; contentType?: string; created: number }>; current: string }
  >();
  const requests: KeyVaultFake['requests'] = [];
  let base = '';
  const fake = { challengeResource: VAULT_RESOURCE };
  const bundle = (name: string, version: string) => {
    const v = secrets.get(name)?.versions.get(version);
    if (!v) return undefined;
    return {
      value: v.value,
      contentType: v.contentType,
      id: `${base}/secrets/${name}/${version}`,
      attributes: {
        enabled: true,
        created: v.created,
        updated: v.created,
        recoveryLevel: 'Recoverable+Purgeable',
      },
    };
  };
  const server: Server = createServer({ key: tls.private, cert: tls.cert }, async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const authorized = entra.verify(req.headers.authorization, VAULT_RESOURCE) !== undefined;
    requests.push({ method: req.method ?? '', path: url.pathname, authorized });
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (!authorized) {
      // Key Vault's answer to no token and to a token for another audience or tenant alike.
      const message = req.headers.authorization
        ? 'AKV10022: Invalid audience or tenant.'
        : 'AKV10000: Request is missing a Bearer or PoP token.';
      return send(
        401,
        { error: { code: 'Unauthorized', message } },
        {
          'www-authenticate': `Bearer authorization="https://login.microsoftonline.com/${entra.tenantId}", resource="${fake.challengeResource}"`,
        },
      );
    }
    const notFound = (name: string) =>
      send(404, {
        error: {
          code: 'SecretNotFound',
          message: `A secret with (name/id) ${name} was not found in this key vault.`,
        },
      });
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'secrets')
      return send(400, { error: { code: 'BadParameter', message: 'unknown path' } });
    const [, name, version] = parts;
    if (req.method === 'GET' && !name) {
      return send(200, {
        value: [...secrets.keys()].map((n) => ({
          id: `${base}/secrets/${n}`,
          attributes: { enabled: true },
        })),
        nextLink: null,
      });
    }
    if (!name) return send(400, { error: { code: 'BadParameter', message: 'no name' } });
    if (req.method === 'PUT' && !version) {
      const body = JSON.parse(raw) as { value: string; contentType?: string };
      const entry = secrets.get(name) ?? { versions: new Map(), current: '' };
      const v = randomBytes(16).toString('hex');
      entry.versions.set(v, {
        value: body.value,
        contentType: body.contentType,
        created: Math.floor(Date.now() / 1000),
      });
      entry.current = v;
      secrets.set(name, entry);
      return send(200, bundle(name, v));
    }
    if (req.method === 'GET' && version === 'versions') {
      const entry = secrets.get(name);
      return send(200, {
        value: [...(entry?.versions.keys() ?? [])].map((v) => ({
          id: `${base}/secrets/${name}/${v}`,
          attributes: { enabled: true },
        })),
        nextLink: null,
      });
    }
    if (req.method === 'GET') {
      const entry = secrets.get(name);
      const found = entry && bundle(name, version || entry.current);
      return found ? send(200, found) : notFound(name);
    }
    send(405, { error: { code: 'MethodNotAllowed', message: 'not supported by the fake' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `https://${VAULT_HOST}:${port}`;
  // The test's DNS: the vault's name is this machine; everything else resolves as usual.
  const lookup = ((hostname, options, callback) => {
    if (hostname !== VAULT_HOST) return dnsLookup(hostname, options, callback);
    if (options.all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: '127.0.0.1', family: 4 },
      ]);
    else callback(null, '127.0.0.1', 4);
  }) as LookupFunction;
  const agent = new Agent({ ca: tls.cert, lookup, keepAlive: true });
  return Object.assign(fake, {
    url: base,
    clientOptions: { agent, retryOptions: { maxRetries: 0 } },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
      }),
  });
}

/** A self-signed certificate for the vault's name, made for this run (the SDK checks the name, as TLS does). */
async function vaultCertificate(): Promise<{ private: string; cert: string }> {
  return generate([{ name: 'commonName', value: VAULT_HOST }], {
    keySize: 2048,
    days: 1,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: VAULT_HOST }] },
    ],
  } as never);
}
