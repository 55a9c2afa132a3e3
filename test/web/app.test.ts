import { tmpdir } from 'node:os';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import { totpCode } from '../../src/auth/totp';
import { PASSWORD, TOTP_SECRET, type TestApp } from '../support/testApp';
import { PHONE, startWebStack } from './browser';

const AMINA = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0001';
const SHOTS = process.env.WEB_SCREENSHOTS ?? tmpdir();

let stack: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

// The case screen is long (every configured field): one axe pass over it takes up to half a minute here.
jest.setTimeout(120_000);

beforeAll(async () => {
  ({ stack, browser } = await startWebStack());
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function signIn(p: Page, userName: string) {
  await p.getByLabel('User name').fill(userName);
  await p.getByLabel('Password').fill(PASSWORD);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

/** No serious or critical accessibility violation on the screen as it is now. */
async function expectAccessible(p: Page) {
  const { violations } = await new AxeBuilder({ page: p }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function serverCase(id: string) {
  const token = await stack.login('cw_gh');
  return (await stack.call('GET', `/api/v2/cases/${id}`, { token })).body.data;
}

const status = (p: Page) => p.locator('header .status');

describe('the caseworker web app', () => {
  it('signs an admin in with a verification code when the account has 2FA', async () => {
    const ctx = await browser.newContext({ viewport: PHONE });
    const p = await ctx.newPage();
    await p.goto(stack.url);
    await signIn(p, 'admin_gh');
    const code = p.getByLabel('Verification code');
    await code.waitFor();
    await expectAccessible(p);
    await code.fill(totpCode(TOTP_SECRET, stack.clock.now()));
    await p.getByRole('button', { name: 'Verify' }).click();
    await p.getByRole('heading', { name: 'My tasks' }).waitFor();
    await ctx.close();
  });

  it('lists, searches, opens and edits a case on a phone, and the server holds the edit', async () => {
    context = await browser.newContext({ viewport: PHONE });
    page = await context.newPage();
    // Nothing the app loads is missing, its tab icon included (a desktop browser asked for /favicon.ico,
    // which the app did not have; headless Chromium asks for none, so the page must name one that loads).
    const missing: string[] = [];
    page.on('response', (r) => r.status() === 404 && missing.push(new URL(r.url()).pathname));
    await page.goto(stack.url);
    await expect(
      page.evaluate<string | null>(`(async () => {
        const link = document.querySelector('link[rel=icon]');
        if (!link) return null;
        const r = await fetch(link.href);
        return r.status + ' ' + r.headers.get('content-type');
      })()`),
    ).resolves.toMatch(/^200 image\/svg\+xml/);
    await expectAccessible(page);
    expect(missing).toEqual([]);
    // Online, the sign-in screen says nothing of working offline.
    await page.getByLabel('User name').fill('cw_gh');
    await expect(page.getByText('You are offline.').count()).resolves.toBe(0);
    await signIn(page, 'cw_gh');
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    // The demo's due work is on the home screen at once (the first requests carry the new token).
    await page
      .getByRole('button', { name: /^(Follow-up|Assessment|Case plan|Service) · .* (Overdue|Due) / })
      .first()
      .waitFor();
    await expect(status(page).textContent()).resolves.toContain('Online');
    // The bar leaves the phone to the work: navigation in one row that scrolls sideways, then the status
    // (it stacked three rows deep, 196 of 640 px, before).
    const bar = await page.locator('header.bar').boundingBox();
    expect(bar?.height).toBeLessThanOrEqual(PHONE.height / 4);
    // Help and Sign out are on screen as it opens, not past the places that scroll sideways.
    for (const name of ['Help', 'Sign out']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect([name, box!.x >= 0 && box!.x + box!.width <= PHONE.width]).toEqual([name, true]);
      expect([name, box!.width >= 44 && box!.height >= 44]).toEqual([name, true]);
    }
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    await page.getByRole('heading', { name: 'Help: Home' }).waitFor();
    await page.getByRole('button', { name: 'Close help' }).click();
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.screenshot({ path: `${SHOTS}/web-bar-phone.png` });
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Cases', exact: true }).click();
    // The list's own rows, once it is on screen: Home's tasks name the same child twice (CI once looked
    // while Home was still showing).
    await page.getByRole('heading', { name: 'Cases', exact: true, level: 1 }).waitFor();
    await page
      .locator('ul.list')
      .getByRole('button', { name: /Amina Mensah/ })
      .waitFor();
    await page.getByLabel('Search by name or case id').fill('kwame');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1 case').waitFor();
    await expect(page.getByRole('button', { name: /Amina Mensah/ }).count()).resolves.toBe(0);
    await page.getByLabel('Search by name or case id').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByLabel('Risk level').selectOption('high');
    await page.getByRole('button', { name: /Amina Mensah/ }).waitFor();
    await expectAccessible(page);
    // Nothing wider than the phone: no horizontal scroll.
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.screenshot({ path: `${SHOTS}/web-case-list-phone.png` });

    await page.getByRole('button', { name: /Amina Mensah/ }).click();
    // The screen is the server's configuration: sections by their configured name, fields the built-in
    // copy does not have, options from the lookups.
    await page.getByRole('button', { name: 'Record information' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/web-case-top-phone.png` });
    await page.getByLabel('Nickname').fill('Ami');
    const languages = page.getByRole('group', { name: 'Languages spoken' });
    await languages.getByLabel('English').check();
    await languages.getByLabel('Swahili').check();
    await languages.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/web-case-fields-phone.png` });
    await page.getByLabel('Current location', { exact: true }).fill('tema');
    await page.getByRole('button', { name: /^Tema Metropolitan/ }).click();
    await expectAccessible(page);
    // Leaving with the edits unsaved asks first; staying keeps them, by the app's button or the browser's.
    const asked: string[] = [];
    const stay = (dialog: Dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    };
    page.on('dialog', stay);
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.goBack();
    await page.getByRole('button', { name: 'Home' }).click();
    page.off('dialog', stay);
    expect(asked).toEqual(
      Array(3).fill('Your changes to this case are not saved. Leave without saving them?'),
    );
    await expect(page.getByLabel('Nickname').inputValue()).resolves.toBe('Ami');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.screenshot({ path: `${SHOTS}/web-case-phone.png`, fullPage: true });
    await expect(serverCase(AMINA)).resolves.toMatchObject({
      location_current: 'GH0102',
      name_nickname: 'Ami',
      language: ['english', 'swahili'],
    });
  });

  it('keeps an edit made offline through a reload, and sends it when the network returns', async () => {
    // The app shell must be in the service worker's cache before the network goes.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await context.setOffline(true);
    await page.getByLabel('Current location', { exact: true }).fill('kumasi');
    await page.getByRole('button', { name: /^Kumasi Metropolitan/ }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved on this device').waitFor();
    await page.getByText('1 change waiting').waitFor();
    await expect(status(page).textContent()).resolves.toContain('Offline');
    // Background Sync: the change asked the service worker to be told when the network returns, and the
    // worker passes the browser's sync event on to the page, which pushes (the data is sealed from it).
    await expect(
      page.evaluate('navigator.serviceWorker.ready.then((r) => r.sync.getTags())'),
    ).resolves.toContain('primero-push');
    const told = page.evaluate(
      "new Promise((resolve) => navigator.serviceWorker.addEventListener('message', (e) => resolve(e.data)))",
    );
    const [worker] = context.serviceWorkers();
    await worker!.evaluate(
      "self.dispatchEvent(Object.assign(new Event('sync'), { tag: 'primero-push', waitUntil: () => undefined }))",
    );
    await expect(told).resolves.toEqual({ type: 'primero-push' });
    await page.evaluate('window.scrollTo(0, 0)'); // the bar: offline, one change waiting
    await page.screenshot({ path: `${SHOTS}/web-case-offline-phone.png` });

    await page.reload();
    // Offline, the sign-in screen says the password unlocks the device's copy, and how fresh that is.
    await page.getByText('You are offline.').waitFor();
    await page.getByText(/your password unlocks the cases kept on it/).waitFor();
    await page.getByLabel('User name').fill('nobody_gh');
    await page.getByText('This device holds no data for nobody_gh: signing in needs the network.').waitFor();
    await page.getByLabel('User name').fill('cw_gh');
    await page.getByText(/^The copy for cw_gh on this device was last synced \w.+\.$/).waitFor();
    await expectAccessible(page);
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.screenshot({ path: `${SHOTS}/web-signin-offline-phone.png`, fullPage: true });
    await signIn(page, 'cw_gh'); // offline: the password unlocks the device's data
    await page.getByText('1 change waiting').waitFor();
    // The reload comes back to the case it was on (the screen is in the URL), with the edit kept.
    await page.getByRole('button', { name: 'Back to cases' }).waitFor();
    await expect(page.getByLabel('Current location', { exact: true }).inputValue()).resolves.toBe(
      'Kumasi Metropolitan — Ashanti, Ghana',
    );
    // Offline after a reload the server's forms still lay the case out, from the device's sealed copy.
    await expect(page.getByLabel('Nickname').inputValue()).resolves.toBe('Ami');
    await expect(serverCase(AMINA)).resolves.toMatchObject({ location_current: 'GH0102' });
    // Home offline lists the tasks as the server last listed them, and says since when.
    await page.getByRole('button', { name: 'Home' }).click();
    await page.getByText(/^Offline: the tasks as they were on /).waitFor();
    await page.getByRole('button', { name: /^Follow-up · Amina Mensah / }).waitFor();
    await page.screenshot({ path: `${SHOTS}/web-home-offline-tasks-phone.png` });

    await context.setOffline(false);
    await page.getByText('0 changes waiting').waitFor();
    await expect(status(page).textContent()).resolves.toContain('Online');
    const saved = await serverCase(AMINA);
    expect(saved.location_current).toBe('GH0201');
    await context.close();
  });

  it("shows the section names and labels in the user's language", async () => {
    const ctx = await browser.newContext({ viewport: PHONE, locale: 'fr-FR' });
    const p = await ctx.newPage();
    await p.goto(stack.url);
    await signIn(p, 'cw_gh');
    // The browser's French is the country's too: the app's own words follow (test/web/i18n.test.ts).
    await p.getByRole('button', { name: 'Dossiers' }).click();
    await p.getByRole('button', { name: /Amina Mensah/ }).click();
    await p.getByRole('button', { name: 'Identité' }).waitFor();
    await expect(p.getByLabel('Surnom').inputValue()).resolves.toBe('Ami');
    await ctx.close();
  });
});
