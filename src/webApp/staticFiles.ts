import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { notFound } from '../errors';
import type { ApiResponse } from '../http/types';

/**
 * The web app's Content-Security-Policy: scripts, styles and connections only from this origin (and the
 * sign-in authority's, when the deployment signs in with Entra), no inline script, nothing framed. A record
 * on screen cannot be sent anywhere else.
 */
export function webAppCsp(authorityOrigins: string[] = []): string {
  const others = authorityOrigins.map((o) => ` ${o}`).join('');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    // MSAL reads the authority's metadata and redeems the code with fetch; silent renewal uses a hidden frame.
    `connect-src 'self'${others}`,
    ...(others ? [`frame-src${others}`] : []),
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Where the built web app is: `dist/web` under the app root, the folder holding host.json. Found by walking
 * up, because this module runs from three places: src/webApp (jest), dist/src/webApp (`npm start`) and the
 * deployment bundle dist/functions/app.js (scripts/packaging/bundleApp.ts), each at its own depth.
 */
export function webAppRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'host.json'))) return join(dir, 'dist', 'web');
    if (dirname(dir) === dir) return join(from, 'web');
  }
}

async function fileAt(root: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = resolve(root, `.${decoded}`);
  // Never outside the app's folder, whatever the path spells (.., encoded slashes).
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return file;
  if (info?.isDirectory()) {
    const index = join(file, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return index;
  }
  return undefined;
}

export interface WebAppRequest {
  method: string;
  pathname: string;
  /** Origins besides this one the page talks to (the Entra authority). */
  authorityOrigins?: string[];
}

/**
 * A file of the built web app (`dist/web`) for a GET outside /api. Paths without a file extension are the
 * app's own routes and get `index.html`; hashed assets are cached for good, the page, the service worker and
 * the manifest never, so a new build reaches the phone on its next visit. Anything under /api that no
 * function took is the API's 404, never the page.
 */
export async function serveWebApp(rootDir: string, request: WebAppRequest): Promise<ApiResponse> {
  const root = resolve(rootDir);
  const { pathname } = request;
  if (/^\/api(\/|$)/i.test(pathname)) throw notFound(`No API route ${pathname}`);
  let file = await fileAt(root, pathname);
  if (!file && !extname(pathname)) file = await fileAt(root, '/index.html');
  if (!file) throw notFound(`No file ${pathname}`);
  const info = await stat(file);
  const hashed = file.startsWith(join(root, 'assets') + sep);
  const headers = {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(info.size),
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'Content-Security-Policy': webAppCsp(request.authorityOrigins),
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (request.method.toUpperCase() === 'HEAD') return { status: 200, headers, bytes: Buffer.alloc(0) };
  return { status: 200, headers, stream: createReadStream(file) };
}
