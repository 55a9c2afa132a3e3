import { CHROMIUM, CHROMIUM_FLAGS } from '../../bench/chromium';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { ROOT, startTestApp, type TestApp } from '../support/testApp';

/** Builds the web app into a folder of its own, as `npm run build` does into dist/web. */
export function buildWebApp(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'primero-web-'));
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(ROOT, 'web/vite.config.mts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  return outDir;
}

/** Debian's Chromium, or a failure that says how to get it: the browser tests never skip. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: the web app tests need one. Install it with ` +
        '`sudo apt-get update && sudo apt-get install -y chromium`, or set CHROMIUM_PATH.',
    );
  }
  // Playwright gives every launch a fresh profile of its own (it refuses --user-data-dir here).
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
  });
}

/** Signs in from the sign-in screen with the demo password (no second factor). */
export async function signIn(page: Page, userName: string, password: string) {
  await page.getByLabel('User name').fill(userName);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The serious and critical accessibility violations on the screen as it is now (expected: none). */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  // `include` limits the check to part of a screen (the long case form is checked whole elsewhere).
  const builder = new AxeBuilder({ page });
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** How far the page is wider than its viewport (0 when nothing scrolls sideways). */
export const horizontalOverflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

/** Buttons, links and form controls on screen smaller than 44 × 44 px, by their names. */
export const smallTargets = (page: Page) =>
  page.evaluate<
    string[]
  >(`[...document.querySelectorAll('button, a[href], input:not([type=checkbox]):not([type=radio]), select, summary')]
    .filter((e) => e.offsetParent !== null)
    .filter((e) => { const r = e.getBoundingClientRect(); return r.width < 44 || r.height < 44; })
    .map((e) => e.textContent.trim() || e.id || e.tagName)`);

/** Polls until `check` holds (the UI and the server answer asynchronously), failing after `ms`. */
export async function eventually<T>(check: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Where the screens' pictures go (WEB_SCREENSHOTS, else a temporary folder). */
export const SHOTS = process.env.WEB_SCREENSHOTS ?? tmpdir();

/** Usable on the phone: axe-clean, nothing sideways, every target thumb-sized; and a picture to look at. */
export async function checkScreen(page: Page, name: string) {
  await expect(seriousViolations(page)).resolves.toEqual([]);
  await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0);
  await expect(smallTargets(page)).resolves.toEqual([]);
  await page.screenshot({ path: `${SHOTS}/web-${name}.png` });
}

/** The keys of one store of a user's database on the device: its values are sealed, its keys are ids. */
export const deviceKeys = (page: Page, userName: string, store: 'meta' | 'records' | 'queue') =>
  page.evaluate<string[]>(`new Promise((resolve, reject) => {
    const open = indexedDB.open(${JSON.stringify(`primero-${userName}`)});
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const keys = open.result.transaction(${JSON.stringify(store)}).objectStore(${JSON.stringify(store)}).getAllKeys();
      keys.onsuccess = () => (resolve(keys.result.map(String)), open.result.close());
      keys.onerror = () => reject(keys.error);
    };
  })`);

/** The phone every screen is checked on (issue 16: 360×640). */
export const PHONE = { width: 360, height: 640 };

// A real 1×1 PNG: the server checks a photo's magic bytes against its declared type.
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The local stack serving a fresh build of the web app, and a browser to drive it. */
export async function startWebStack(): Promise<{ stack: TestApp; browser: Browser }> {
  const staticRoot = buildWebApp();
  const stack = await startTestApp({}, {}, { staticRoot });
  return { stack, browser: await launchChromium() };
}

/**
 * A phone-sized page on the app with the first-run tour already seen. With `acceptDialogs`, every question
 * the app asks (remove this file? leave unsaved edits?) is answered yes.
 */
export async function phonePage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
  acceptDialogs = true,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, ...options });
  await context.addInitScript("localStorage.setItem('primero-tour-seen', '1')");
  const page = await context.newPage();
  if (acceptDialogs) page.on('dialog', (d) => void d.accept());
  await page.goto(url);
  return { context, page };
}

/**
 * Opens a case from the Cases list. Its row is looked for once the list is on screen: Home lists the same
 * child in its tasks and alerts, and a click while Home is still showing would open one of those instead.
 */
export async function openCaseFromList(page: Page, name: string | RegExp) {
  await page.getByRole('button', { name: 'Cases', exact: true }).click();
  await page.getByRole('heading', { name: 'Cases', exact: true, level: 1 }).waitFor();
  await page
    .locator('ul.list')
    .getByRole('button', { name: typeof name === 'string' ? new RegExp(name) : name })
    .click();
}
