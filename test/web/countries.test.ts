import type { Browser, Page } from 'playwright-core';
import { PASSWORD, type TestApp } from '../support/testApp';
import {
  checkScreen,
  deviceKeys,
  eventually,
  openCaseFromList,
  PHONE,
  phonePage,
  signIn,
  startWebStack,
} from './browser';

// A user of several countries (the demo's `regional`: Ghana and Kenya) works in one at a time.
const AMINA = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0001'; // Ghana
const OTIENO = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0005'; // Kenya

let stack: TestApp;
let browser: Browser;

jest.setTimeout(180_000);

beforeAll(async () => {
  ({ stack, browser } = await startWebStack());
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** Home, with the country in the status line; its child in the Cases list, the other country's not. */
async function expectWorkingIn(page: Page, country: string, child: string, otherChild: string) {
  await page.getByRole('heading', { name: 'My tasks' }).waitFor();
  await expect(page.locator('.status').textContent()).resolves.toMatch(new RegExp(`^${country} · `));
  await page.getByRole('button', { name: 'Cases', exact: true }).click();
  await page.getByRole('heading', { name: 'Cases', exact: true, level: 1 }).waitFor();
  await page.locator('ul.list li').first().waitFor();
  const listed = await page.locator('ul.list').textContent();
  expect(listed).toContain(child);
  expect(listed).not.toContain(otherChild);
}

describe('a user of several countries in the web app', () => {
  it('chooses the country after signing in, and the device holds that one only', async () => {
    // Ghana lets its regional supervisors edit identities, so that something can be left unsaved there.
    const admin = await stack.login('admin_gh');
    const role = (await stack.call('GET', '/api/v2/roles/role-regional-supervisor', { token: admin })).body
      .data;
    const granted = await stack.call('PATCH', '/api/v2/roles/role-regional-supervisor', {
      token: admin,
      body: { data: { form_section_read_write: { ...role.form_section_read_write, basic_identity: 'rw' } } },
    });
    expect(granted.status).toBe(200);

    const { context, page } = await phonePage(browser, stack.url);
    await signIn(page, 'regional', PASSWORD);
    await page.getByRole('heading', { name: 'Which country are you working in?' }).waitFor();
    await expect(page.getByLabel('Country').locator('option').allTextContents()).resolves.toEqual([
      'Ghana',
      'Kenya',
    ]);
    await checkScreen(page, 'country-choice-phone');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectWorkingIn(page, 'Ghana', 'Amina Mensah', 'Otieno Ochieng');

    // Edits typed in Ghana and not saved: Kenya must wait until they are saved or discarded.
    await page
      .locator('ul.list')
      .getByRole('button', { name: /Amina Mensah/ })
      .click();
    await page.getByLabel('Nickname').fill('Ami');
    await expect(
      eventually(
        async () => (await deviceKeys(page, 'regional', 'meta')).includes(`draft:${AMINA}`),
        Boolean,
      ),
    ).resolves.toBe(true);
    await page.reload();
    await signIn(page, 'regional', PASSWORD);
    await page.getByRole('heading', { name: 'Which country are you working in?' }).waitFor();
    await page.getByLabel('Country').selectOption({ label: 'Kenya' });
    await page.getByRole('button', { name: 'Continue' }).click();
    // Said by what is left, and which case: edits not saved need Save or Discard, not the network.
    const refusal = page.getByRole('alert');
    await refusal
      .getByText('Before working in Kenya, finish what is left in Ghana: choose Ghana, then')
      .waitFor();
    await expect(refusal.getByRole('listitem').allTextContents()).resolves.toEqual([
      'Changes not saved on Amina Mensah: open the case from Home, then save or discard them.',
    ]);
    await checkScreen(page, 'country-unsent-phone');
    await page.getByLabel('Country').selectOption({ label: 'Ghana' });
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Amina Mensah' }).waitFor();
    await expect(page.getByLabel('Nickname').inputValue()).resolves.toBe('Ami');
    await page.getByRole('button', { name: 'Discard the changes not saved' }).click();

    await page.reload();
    await signIn(page, 'regional', PASSWORD);
    await page.getByRole('heading', { name: 'Which country are you working in?' }).waitFor();
    // The device's country first.
    await expect(page.getByLabel('Country').locator('option').allTextContents()).resolves.toEqual([
      'Ghana',
      'Kenya',
    ]);
    await page.getByLabel('Country').selectOption({ label: 'Kenya' });
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectWorkingIn(page, 'Kenya', 'Otieno Ochieng', 'Amina Mensah');
    // Ghana's cases left the device; Kenya's came.
    const records = () => deviceKeys(page, 'regional', 'records');
    await expect(eventually(records, (keys) => keys.includes(OTIENO))).resolves.toContain(OTIENO);
    await expect(records()).resolves.not.toContain(AMINA);
    await context.close();
  });

  it('unlocks after the idle lock in the country it was in, without asking again', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    await context.addInitScript("localStorage.setItem('primero-tour-seen', '1')");
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(stack.url);
    await signIn(page, 'regional', PASSWORD);
    await page.getByLabel('Country').selectOption({ label: 'Kenya' });
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.clock.fastForward('16:00');
    // A jump fires each due timer once at most; the idle check then runs again in the minute after.
    await page.clock.runFor(60_000);
    await page.getByText('Locked after 15 minutes without use').waitFor();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectWorkingIn(page, 'Kenya', 'Otieno Ochieng', 'Amina Mensah');
    await context.close();
  });

  it('locks the other tabs of the browser when one switches the device to another country', async () => {
    const { context, page: a } = await phonePage(browser, stack.url);
    await signIn(a, 'regional', PASSWORD);
    await a.getByLabel('Country').selectOption({ label: 'Ghana' });
    await a.getByRole('button', { name: 'Continue' }).click();
    await a.getByRole('heading', { name: 'My tasks' }).waitFor();
    await openCaseFromList(a, 'Amina Mensah');
    await a.getByRole('heading', { name: 'Amina Mensah' }).waitFor();
    // The same browser, a second tab: it shares the device's database.
    const b = await context.newPage();
    await b.goto(stack.url);
    await signIn(b, 'regional', PASSWORD);
    await b.getByLabel('Country').selectOption({ label: 'Kenya' });
    await b.getByRole('button', { name: 'Continue' }).click();
    await expectWorkingIn(b, 'Kenya', 'Otieno Ochieng', 'Amina Mensah');
    // The first tab no longer shows Ghana, nor writes it into a device that holds Kenya now.
    await a
      .getByText(
        'Another tab of this browser switched this device to another country. Sign in again to go on.',
      )
      .waitFor();
    await expect(a.getByRole('heading', { name: 'My tasks' }).count()).resolves.toBe(0);
    // Signed in again, the first tab asks where the user works (the device is in Kenya now, not where this
    // tab was), and opens at Home, not at the Ghana case it showed.
    await a.getByLabel('Password').fill(PASSWORD);
    await a.getByRole('button', { name: 'Sign in' }).click();
    await a.getByRole('heading', { name: 'Which country are you working in?' }).waitFor();
    await expect(a.getByLabel('Country').locator('option').allTextContents()).resolves.toEqual([
      'Kenya',
      'Ghana',
    ]);
    await a.getByRole('button', { name: 'Continue' }).click();
    await expectWorkingIn(a, 'Kenya', 'Otieno Ochieng', 'Amina Mensah');
    await context.close();
  });
});
