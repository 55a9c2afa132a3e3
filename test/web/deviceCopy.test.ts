import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORD, type TestApp } from '../support/testApp';
import { checkScreen, openCaseFromList, eventually, phonePage, signIn, startWebStack } from './browser';

// Every view of a case shows the device's copy as it is now: after a refused note is discarded (also
// offline, and after a reload), after a sync pulls a newer version, after the user's own change is pushed.
const AMINA = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0001';

let stack: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

jest.setTimeout(180_000);

beforeAll(async () => {
  ({ stack, browser } = await startWebStack());
  ({ context, page } = await phonePage(browser, stack.url, { locale: 'en-GB' }));
  await signIn(page, 'cw_gh', PASSWORD);
  await page.getByText(/Last sync \d/).waitFor(); // the caseload and the forms are on the device
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
});
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await stack?.close();
});

async function serverCase() {
  const token = await stack.login('cw_gh');
  return (await stack.call('GET', `/api/v2/cases/${AMINA}`, { token })).body.data;
}

const status = () => page.locator('header .status');
const lastUpdated = () => page.locator('.server-fields div', { hasText: 'Last updated' }).locator('dd');
/** The form's Notes section (the record's notes_section subform), opened. */
async function formNotes() {
  const section = page.getByRole('button', { name: 'Notes', exact: true });
  if ((await section.getAttribute('aria-expanded')) === 'false') await section.click();
  return page.getByRole('region', { name: 'Notes', exact: true });
}
async function openAmina() {
  await openCaseFromList(page, /Amina Mensah/);
  await page.getByRole('heading', { name: 'Casework' }).waitFor();
}

describe("the case screen and the device's copy", () => {
  it('takes a refused note off the device and off every view at once when it is discarded offline', async () => {
    await context.setOffline(true);
    await openAmina();
    await page.getByText('Notes (').click();
    const text = page.getByLabel('Note', { exact: true });
    // As a note queued by a client without the limit: the server is the one that refuses it.
    await text.evaluate((el) => el.removeAttribute('maxlength'));
    await page.getByLabel('Note subject').fill('Visit too long');
    await text.fill('x'.repeat(50_001));
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('1 change waiting').waitFor();
    // The note as the casework lists it, below the form.
    const note = page.locator('details', { hasText: 'Notes (' }).locator('li', { hasText: 'Visit too long' });
    const inForm = (await formNotes()).getByText(/^Visit too long/);
    await inForm.waitFor(); // the form shows the note added below it, without reopening the case

    await context.setOffline(false);
    await note.getByText('The server refused this note').waitFor();
    await context.setOffline(true);
    await status().getByText('Offline').waitFor();
    await note.getByRole('button', { name: 'Discard this note' }).click();
    await note.waitFor({ state: 'detached' });
    await inForm.waitFor({ state: 'detached' });
    await page.getByText('0 changes waiting').waitFor();
    await page.getByText('Notes (0)').waitFor();

    // The device's copy lost it too: a reload offline opens the case without it.
    await page.reload();
    await signIn(page, 'cw_gh', PASSWORD);
    await page.getByRole('heading', { name: 'Casework' }).waitFor();
    await page.getByText('Notes (0)').waitFor();
    await expect((await formNotes()).getByText(/^Visit too long/).count()).resolves.toBe(0);
    await expect(page.getByText('Visit too long').count()).resolves.toBe(0);
    await checkScreen(page, 'note-discarded-offline-phone');

    await context.setOffline(false);
    await status().getByText('Online').waitFor();
    expect(((await serverCase()).notes_section ?? []) as unknown[]).toEqual([]);
    await page.getByText('Notes (0)').waitFor();
  });

  it('shows the version a sync pulled, its "Last updated" with it', async () => {
    await openAmina();
    const before = await lastUpdated().textContent();
    stack.clock.advance(20 * 60_000); // another device's edit, twenty minutes on
    const token = await stack.login('cw_gh');
    const patched = await stack.call('PATCH', `/api/v2/cases/${AMINA}`, {
      token,
      body: { data: { name_nickname: 'From the office' } },
    });
    expect(patched.status).toBe(200);
    const nickname = page.getByLabel('Nickname');
    await eventually(
      async () => {
        await page.evaluate("window.dispatchEvent(new Event('focus'))"); // the app syncs on focus
        return nickname.inputValue();
      },
      (v) => v === 'From the office',
    );
    await expect(nickname.inputValue()).resolves.toBe('From the office');
    await eventually(
      () => lastUpdated().textContent(),
      (v) => v !== before,
      5_000,
    );
    await expect(lastUpdated().textContent()).resolves.not.toBe(before);
  });

  it("shows the server's version once the user's own change is pushed, and saves on it without a conflict", async () => {
    await context.setOffline(true);
    await status().getByText('Offline').waitFor();
    const nickname = page.getByLabel('Nickname');
    await nickname.fill('From the field');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/^Saved on this device/).waitFor();
    const before = await lastUpdated().textContent();
    stack.clock.advance(20 * 60_000);
    await context.setOffline(false);
    await page.getByText('0 changes waiting').waitFor();
    await eventually(
      () => lastUpdated().textContent(),
      (v) => v !== before,
      10_000,
    );
    await expect(lastUpdated().textContent()).resolves.not.toBe(before);
    await expect(nickname.inputValue()).resolves.toBe('From the field');

    // The screen holds the server's version, and its ETag: an edit saves, not refused as a conflict.
    await nickname.fill('Ami');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await expect(serverCase()).resolves.toMatchObject({ name_nickname: 'Ami' });
  });
});
