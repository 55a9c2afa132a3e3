import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawRequest } from '../support/rawRequest';
import { startTestApp, type TestApp } from '../support/testApp';

// The function app serves the built web app on the API's origin (host.json routePrefix "", every API route
// under api/): a built app in a folder of its own, with a secret just outside it that no path may reach.
const base = mkdtempSync(join(tmpdir(), 'web-app-'));
const root = join(base, 'web');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'main-abc123.css'), 'body{}');
writeFileSync(join(root, 'sw.js'), 'self.x = 1');
writeFileSync(join(root, 'manifest.webmanifest'), '{}');
writeFileSync(join(base, 'secret.txt'), 'do not serve');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, {}, { staticRoot: root });
});
afterAll(() => t.close());

const raw = (path: string, method = 'GET') => rawRequest(t.url, '', method, path);

describe('the function app serves the web app next to the API', () => {
  it('answers / with the page under a strict Content-Security-Policy and the security headers', async () => {
    const res = await raw('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>app</title>');
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('gives app routes the page, hashed assets a long cache, the service worker and manifest none', async () => {
    for (const path of ['/cases', '/cases/123', '/Home']) {
      const page = await raw(path);
      expect([path, page.status, page.body]).toEqual([
        path,
        200,
        expect.stringContaining('<title>app</title>'),
      ]);
    }
    const js = await raw('/assets/main-abc123.js');
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw('/assets/main-abc123.css')).headers['content-type']).toMatch(/^text\/css/);
    expect((await raw('/sw.js')).headers['cache-control']).toBe('no-cache');
    const manifest = await raw('/manifest.webmanifest');
    expect(manifest.headers['content-type']).toBe('application/manifest+json');
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset 404 in the API error envelope, not with the page', async () => {
    const res = await raw('/assets/missing-000.js');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).errors[0]).toMatchObject({ status: 404 });
  });

  it('never serves a file outside its folder', async () => {
    const paths = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ];
    for (const path of [...paths, '/%00', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      const res = await raw(path);
      expect([path, res.body]).toEqual([path, expect.not.stringContaining('do not serve')]);
    }
  });

  it('never shadows the API: its routes answer, and a path under /api no function has is the API’s 404', async () => {
    const health = await raw('/api/v2/health');
    expect(health.headers['content-type']).toMatch(/json/);
    expect(JSON.parse(health.body).data).toBeDefined();
    const token = await t.login('cw_gh');
    expect((await t.call('GET', '/api/v2/cases', { token })).status).toBe(200);
    for (const path of ['/api/v2/nothing-here', '/api', '/API/v2/nothing.js']) {
      const res = await raw(path);
      expect([path, res.status, res.body]).toEqual([path, 404, expect.not.stringContaining('<title>')]);
      expect(JSON.parse(res.body).errors).toHaveLength(1);
    }
    expect((await raw('/index.html', 'POST')).status).toBe(405);
  });
});
