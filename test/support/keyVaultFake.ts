import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { emulatorInfo } from './emulatorEnv';

/**
 * A small Key Vault speaking the REST protocol the real @azure/keyvault-secrets client uses: HTTPS, a 401
 * bearer challenge before any token is sent, then get/set secrets with versions and list them. There is
 * no Key Vault emulator; this lets tests drive the real SDK.
 */
export interface KeyVaultFake {
  url: string;
  ca: Buffer;
  credential: TokenCredential & { calls: number };
  requests: { method: string; path: string; authorized: boolean }[];
  close(): Promise<void>;
}

const TOKEN = 'fake-vault-token';

export async function startKeyVaultFake(): Promise<KeyVaultFake> {
  const { cert } = emulatorInfo();
  const secrets = new Map<
    string,
    { versions: Map<string, { value: string; contentType?: string; created: number }>; current: string }
  >();
  const requests: KeyVaultFake['requests'] = [];
  let base = '';
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
  const server: Server = createServer(
    { key: readFileSync(cert.keyPath), cert: readFileSync(cert.certPath) },
    async (req, res) => {
      const url = new URL(req.url ?? '/', base);
      const authorized = req.headers.authorization === `Bearer ${TOKEN}`;
      requests.push({ method: req.method ?? '', path: url.pathname, authorized });
      const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      let raw = '';
      for await (const chunk of req) raw += chunk;
      if (!authorized) {
        return send(
          401,
          { error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' } },
          {
            'www-authenticate':
              'Bearer authorization="https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000", resource="https://vault.azure.net"',
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
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const credential = {
    calls: 0,
    async getToken(): Promise<AccessToken> {
      credential.calls += 1;
      return { token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
  return {
    url: base,
    ca: readFileSync(cert.certPath),
    credential,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
