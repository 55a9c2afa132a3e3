import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app } from '@azure/functions';
import { registeredFunctions } from '../../src/local/functionsCore';
import { LocalHost } from '../../src/local/LocalHost';

app.http('static-neighbour', {
  route: 'v2/ping',
  methods: ['GET'],
  handler: async () => ({ jsonBody: { pong: true } }),
});

// A built app in a folder of its own, with a secret just outside it that no path may reach.
const base = mkdtempSync(join(tmpdir(), 'static-'));
const root = join(base, 'web');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
writeFileSync(join(root, 'sw.js'), 'self.x = 1');
writeFileSync(join(base, 'secret.txt'), 'do not serve');

let host: LocalHost;
let url: string;
beforeAll(async () => {
  host = new LocalHost({
    functions: registeredFunctions.filter((f) => f.name === 'static-neighbour'),
    triggers: false,
    staticRoot: root,
  });
  url = await host.listen(0);
});
afterAll(() => host.close());

/** A raw request, so that `..` reaches the server as sent (fetch would normalise it away). */
function raw(
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the local host serves the web app next to the API', () => {
  it('answers / with the page under a strict Content-Security-Policy that forbids inline script', async () => {
    const res = await raw('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>app</title>');
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('gives the app route paths the page, hashed assets a long cache and the service worker none', async () => {
    expect((await raw('/cases/123')).body).toContain('<title>app</title>');
    const asset = await raw('/assets/main-abc123.js');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await raw('/sw.js')).headers['cache-control']).toBe('no-cache');
    expect((await raw('/missing.js')).status).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const res = await raw(path);
      expect(res.body).not.toContain('do not serve');
    }
  });

  it('leaves the API prefix to the functions, and refuses writes to the app', async () => {
    const api = await raw('/api/v2/ping');
    expect(JSON.parse(api.body)).toEqual({ pong: true });
    expect((await raw('/api/v2/nothing-here')).status).toBe(404);
    expect((await raw('/api/v2/nothing-here')).body).toContain('No endpoint');
    expect((await raw('/index.html', 'POST')).status).toBe(405);
  });
});
