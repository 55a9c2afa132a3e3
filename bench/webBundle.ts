import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;

/**
 * What a phone downloads before the first screen: the scripts, module preloads and stylesheets that the
 * built index.html names, each gzipped as a server would send it (issue 16's budget: 200 KB). Chunks the
 * app loads later are not counted; `npm run bench` builds dist/web first.
 */
export function benchWebBundle(root: string): string[] {
  const dir = join(root, 'dist', 'web');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const assets = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+href="([^"]+)"[^>]*rel="(?:stylesheet|modulepreload)"/g),
  ].map((m) => m[1] as string);
  const unique = [...new Set(assets)].filter((a) => /\.(m?js|css)$/.test(a));
  const sizes = unique.map((a) => {
    const bytes = readFileSync(join(dir, a.replace(/^\//, '')));
    return { asset: a, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = sizes.reduce((n, s) => n + s.gzip, 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return [
    'web app, initial JS + CSS (gzip -9):',
    ...sizes.map((s) => `  ${s.asset}  ${kb(s.raw)} raw, ${kb(s.gzip)} gzipped`),
    `  total ${kb(total)}   budget <= ${kb(BUDGET_BYTES)}: ${total <= BUDGET_BYTES ? 'met' : 'MISSED'}`,
  ];
}
