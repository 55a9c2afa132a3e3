import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { FakeEntraAuthority } from '../support/fakeEntra';
import { startTestApp, type TestApp } from '../support/testApp';
import { buildWebApp, launchChromium, PHONE, seriousViolations, signIn } from './browser';

const SHOTS = process.env.WEB_SCREENSHOTS ?? tmpdir();
const CLIENT_ID = '6a1c5e2f-0000-4000-8000-00000000c1d0';
const AUDIENCE = 'api://primero-test';

let entra: FakeEntraAuthority;
let stack: TestApp;
let browser: Browser;
let staticRoot: string;

jest.setTimeout(120_000);

beforeAll(async () => {
  staticRoot = buildWebApp();
  entra = new FakeEntraAuthority({
    clientId: CLIENT_ID,
    audience: AUDIENCE,
    certDir: mkdtempSync(join(tmpdir(), 'fake-entra-')),
  });
  await entra.start();
  stack = await startTestApp(
    {
      AUTH_MODE: 'entra',
      ENTRA_TENANT_ID: entra.tenantId,
      ENTRA_AUDIENCE: AUDIENCE,
      ENTRA_CLIENT_ID: CLIENT_ID,
      ENTRA_AUTHORITY: entra.authority,
      ENTRA_ISSUER: entra.issuer,
      ENTRA_JWKS_URL: entra.jwksUrl,
    },
    {},
    { staticRoot },
  );
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await entra?.close();
});

/** The page's Content-Security-Policy refusals, as Chromium reports them, across every navigation. */
const cspViolations = (page: Page) => {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
};

const PASSCODE = 'a passcode of mine';

/** Through Microsoft's page (the fake's) as cw_gh, then the device passcode; `atPasscode` looks at that step. */
async function signInWithMicrosoft(page: Page, atPasscode?: () => Promise<void>) {
  await page.goto(stack.url);
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await page.getByLabel('Email').fill('cw_gh');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Signed in as cw_gh.').waitFor();
  await atPasscode?.();
  await page.getByLabel('Device passcode').fill(PASSCODE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { name: 'My tasks' }).waitFor();
}

describe('sign-in with Microsoft Entra ID in the web app', () => {
  it('signs in through Microsoft on a phone, calls the API with the token, and signs out of Microsoft too', async () => {
    // The authority's certificate is the test's own; the app's origin stays http://localhost.
    const context = await browser.newContext({ viewport: PHONE, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const violations = cspViolations(page);
    await signInWithMicrosoft(page, async () => {
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/web-entra-passcode-phone.png` });
    });
    // The caseworker's due work: the API accepted the Entra access token.
    await page
      .getByRole('button', { name: /^(Follow-up|Assessment|Case plan|Service) · .* (Overdue|Due) / })
      .first()
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/web-entra-home-phone.png` });
    // The web app's own registration asked for a token for the API, not for Graph.
    expect(entra.tokenRequests[0]).toMatchObject({ grant: 'authorization_code', clientId: CLIENT_ID });
    expect(entra.tokenRequests[0]?.scope.split(' ')).toContain(`${AUDIENCE}/.default`);

    // Signing out wipes the device's copy: the app says so first.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      }),
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(asked).resolves.toBe(
      'Signing out removes your cases from this device: signing in again will need the network. Sign out?',
    );
    await page.getByRole('button', { name: 'Sign in with Microsoft' }).waitFor();
    expect(entra.signOuts).toEqual([`${stack.url}/`]);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('locks after 15 minutes without use and asks for the device passcode, not a password', async () => {
    const context = await browser.newContext({ viewport: PHONE, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.clock.install();
    await signInWithMicrosoft(page);
    await page.clock.fastForward('16:00');
    // A jump fires each due timer once at most; the idle check then runs again in the minute after.
    await page.clock.runFor(60_000);
    await page
      .getByText('Locked after 15 minutes without use. Enter your device passcode to unlock.')
      .waitFor();
    await expect(page.getByText(/password/i).count()).resolves.toBe(0);
    await page.getByLabel('Device passcode').fill(PASSCODE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await context.close();
  });

  it('offline, opens the passcode form at once and says what this device holds and what needs the network', async () => {
    const context = await browser.newContext({ viewport: PHONE, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(stack.url);
    await page.getByRole('button', { name: 'Sign in with Microsoft' }).waitFor();
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await context.setOffline(true);
    await page.reload();
    // Microsoft's page cannot open offline: no button that could only fail, no "Sign-in failed".
    await page.getByText('You are offline.').waitFor();
    await page.getByText(/your device passcode unlocks the cases kept on it/).waitFor();
    await page.getByText(/a first sign-in here need the network/).waitFor();
    await expect(page.getByRole('button', { name: 'Sign in with Microsoft' }).count()).resolves.toBe(0);
    await expect(page.getByText(/password|Sign-in failed/i).count()).resolves.toBe(0);
    await page.getByLabel('User name').fill('cw_gh');
    await page.getByText('This device holds no data for cw_gh: signing in needs the network.').waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: `${SHOTS}/web-entra-offline-phone.png`, fullPage: true });
    await context.close();
  });

  it('leaves MSAL out of the built-in sign-in', async () => {
    // One app per process (the functions read it from src/runtime.ts): the same build, signing in itself.
    await stack.close();
    stack = await startTestApp({}, {}, { staticRoot });
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const violations = cspViolations(page);
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto(stack.url);
    await signIn(page, 'cw_gh', 'wrong password');
    await page.getByRole('alert').waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => /entra/.test(s))).toEqual([]);
    expect(await page.getByRole('button', { name: 'Sign in with Microsoft' }).count()).toBe(0);
    expect(violations).toEqual([]);
    await context.close();
  });
});
