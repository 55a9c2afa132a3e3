import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { PASSWORD, ROOT, type TestApp } from '../support/testApp';
import { deviceKeys, eventually, PHONE, startWebStack } from './browser';
import { SETTLE_SECONDS } from '../../src/sync/pullChanges';

const AMINA = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0001';
const KWAME = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0002';
const DESKTOP = { width: 1280, height: 800 };
// Screenshots land in the test output folder, to be looked at (the Arabic one is the README's RTL check).
const SHOTS = process.env.WEB_SCREENSHOTS ?? join(ROOT, 'test-output', 'web');

let stack: TestApp;
let browser: Browser;
let admin: string;

jest.setTimeout(90_000);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ stack, browser } = await startWebStack());
  admin = await stack.login('admin_gh');
  // The country marks the full name required and the date of birth needed before closing the case.
  const form = (await stack.call('GET', '/api/v2/forms/basic_identity', { token: admin })).body.data;
  const fields = form.fields.map((f: { name: string }) =>
    f.name === 'name'
      ? { ...f, required: true }
      : f.name === 'date_of_birth'
        ? { ...f, mandatory_for_completion: true }
        : f,
  );
  const patched = await stack.call('PATCH', '/api/v2/forms/basic_identity', {
    token: admin,
    body: { data: { fields } },
  });
  expect(patched.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function signIn(p: Page, userName: string) {
  await p.getByLabel('User name').fill(userName);
  await p.getByLabel('Password').fill(PASSWORD);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.getByRole('heading', { name: 'My tasks' }).waitFor();
}

async function session(userName: string, viewport = PHONE, locale = 'en-GB') {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  await page.goto(stack.url);
  await signIn(page, userName);
  return { context, page };
}

/** `cases` is the navigation's name for the cases list in the language on screen. */
async function openCase(p: Page, name: RegExp, cases = 'Cases') {
  await p.getByRole('button', { name: cases, exact: true }).click();
  // The list's own rows, once it is on screen: Home's tasks name the same children.
  await p.getByRole('heading', { name: cases, exact: true, level: 1 }).waitFor();
  await p.locator('ul.list').getByRole('button', { name }).click();
  // The case's server-kept facts head every case, in whichever language is on screen.
  await p.locator('main dl.server-fields').waitFor();
}

/** No serious or critical accessibility violation, and nothing wider than the screen. */
async function expectUsable(p: Page) {
  const { violations } = await new AxeBuilder({ page: p }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  const width = p.viewportSize()?.width ?? 0;
  await expect(p.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(
    width,
  );
  if (width <= PHONE.width) await expectThumbTargets(p);
}

/** Every button and input on screen is at least 44 px tall (tick boxes and radios sit in 44 px rows). */
async function expectThumbTargets(p: Page) {
  const small = await p.evaluate<
    string[]
  >(`[...document.querySelectorAll('button, select, input:not([type=checkbox]):not([type=radio]), textarea')]
      .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
      .map((e) => e.outerHTML.slice(0, 80))`);
  expect(small).toEqual([]);
}

/** Saves and waits for the answer; any other message fails the test with its text. */
async function save(p: Page, button = 'Save', saved = 'Saved.') {
  await p.getByRole('button', { name: button, exact: true }).click();
  const answer = p.locator('main [role=status], main [role=alert]').first();
  await answer.waitFor();
  expect(await answer.textContent()).toBe(saved);
}

/** Whether cw_gh's device holds edits of the case not yet saved (sealed: only their key is seen). */
const draftOnDevice = async (p: Page, id: string) =>
  (await deviceKeys(p, 'cw_gh', 'meta')).includes(`draft:${id}`);

const serverCase = async (id: string) => {
  const token = await stack.login('cw_gh');
  return (await stack.call('GET', `/api/v2/cases/${id}`, { token })).body.data;
};

describe('the record screens of the web app', () => {
  it('switches to Arabic and lays the whole app out right to left, labels from the forms', async () => {
    const { context, page } = await session('cw_ke');
    await page.getByLabel('Language').selectOption({ label: 'العربية' });
    // Applied on the render after the choice: looked at until it is (a loaded machine takes a moment).
    const layout = () =>
      page.evaluate<string[]>('[document.documentElement.lang, document.documentElement.dir]');
    await expect(eventually(layout, (l) => l.join() === 'ar,rtl', 5_000)).resolves.toEqual(['ar', 'rtl']);
    await openCase(page, /Otieno Ochieng/, 'الحالات');
    // Section names and labels are the forms' Arabic translations.
    await expect(
      page.getByRole('button', { name: 'الهوية الأساسية' }).getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    await page.getByLabel('اللقب').fill('أوتي');
    await expectUsable(page);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${SHOTS}/web-case-arabic-rtl-phone.png` });
    // The case screen's own texts are Arabic too, not only the forms' labels.
    for (const heading of ['الصور والمستندات', 'إدارة الحالة'])
      await page.getByRole('heading', { name: heading }).waitFor();
    await page.getByText('رقم الحالة').waitFor();
    await save(page, 'حفظ', 'تم الحفظ.');
    // The choice is kept for the next visit, before sign-in.
    await page.reload();
    await expect(page.evaluate('document.documentElement.dir')).resolves.toBe('rtl');
    await context.close();
  });

  it('edits a case on a phone: accordion, conditions, subforms, location picker, marks, server messages', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    const formsRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/v2/forms') formsRequests.push(r.url());
    });
    await page.goto(stack.url);
    await signIn(page, 'cw_gh');
    await openCase(page, /Amina Mensah/);
    // Read-only server fields; required and needed-to-close marks from the configuration.
    await page.getByText(/^Last updated/).waitFor();
    await expect(page.getByRole('textbox', { name: /Case id/ }).count()).resolves.toBe(0);
    await page.getByLabel('Full name * (required)').waitFor();
    await page.getByLabel(/Date of birth needed to close/).waitFor();

    // Sections: an accordion, the first tab open.
    const followUps = page.getByRole('button', { name: 'Follow-up', exact: true });
    await expect(followUps.getAttribute('aria-expanded')).resolves.toBe('false');
    await followUps.click();
    await expect(followUps.getAttribute('aria-expanded')).resolves.toBe('true');

    // A display condition: the type of disability only once the child has one.
    await expect(page.getByLabel('Type of disability').count()).resolves.toBe(0);
    await page.getByLabel('Has a disability').check();
    await page.getByLabel('Type of disability').waitFor();

    // A subform: add an entry next to the one the case has.
    await page.getByRole('button', { name: 'Add Follow-up' }).click();
    const entry = page.getByRole('group', { name: 'Follow-up 2' });
    await entry.getByLabel('Needed by').fill('2026-12-20');
    await entry.getByLabel('Comments').fill('Meet the teacher');
    await page.getByRole('button', { name: 'Done with Follow-up 2' }).click();
    // Its one-line summary gives the date as the user reads dates.
    await page
      .locator('.entry-row')
      .filter({ hasText: 'Meet the teacher' })
      .getByText(/Dec 20, 2026/)
      .waitFor();

    // The location picker searches the tree; the case keeps the location's code.
    await page.getByLabel('Current location', { exact: true }).fill('tema');
    await page.getByRole('button', { name: 'Tema Metropolitan — Greater Accra, Ghana' }).click();
    await expectUsable(page);
    await page.screenshot({ path: `${SHOTS}/web-case-edit-phone.png`, fullPage: true });
    await save(page);
    let saved = await serverCase(AMINA);
    expect(saved).toMatchObject({ has_disability: true, location_current: 'GH0102' });
    expect(saved.followup_subform_section).toHaveLength(2);
    const added = saved.followup_subform_section[1];
    expect(added).toMatchObject({
      followup_needed_by_date: '2026-12-20',
      followup_comments: 'Meet the teacher',
    });

    // Edit the entry, then remove it.
    await page.getByRole('button', { name: 'Edit Follow-up 2' }).click();
    await page.getByRole('group', { name: 'Follow-up 2' }).getByLabel('Comments').fill('Met the teacher');
    await save(page);
    saved = await serverCase(AMINA);
    expect(saved.followup_subform_section[1]).toMatchObject({
      unique_id: added.unique_id,
      followup_comments: 'Met the teacher',
    });
    await page.getByRole('button', { name: 'Remove Follow-up 2' }).click();
    await save(page);
    saved = await serverCase(AMINA);
    expect(saved.followup_subform_section.map((e: { unique_id: string }) => e.unique_id)).not.toContain(
      added.unique_id,
    );
    expect(saved.followup_subform_section).toHaveLength(1);

    // The server's validation message, at the field it names.
    await page.getByLabel('Age', { exact: true }).fill('200');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
    const age = page.getByLabel('Age', { exact: true });
    await expect(age.getAttribute('aria-invalid')).resolves.toBe('true');
    const described = (await age.getAttribute('aria-describedby')) as string;
    await expect(page.locator(`#${described}`).textContent()).resolves.toBe('must be at most 130');
    await expect(page.getByRole('button', { name: /Basic identity · 1 to fix/ }).count()).resolves.toBe(1);
    await expectUsable(page);
    await page.screenshot({ path: `${SHOTS}/web-case-422-phone.png` });

    // The forms were downloaded once: opening a case again, their version unchanged, skips the download.
    // The refused age is not saved: leaving asks, and the user lets it go.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.getByRole('button', { name: /Kwame Asare/ }).click();
    await page.getByText(/^Case id/).waitFor();
    expect(formsRequests).toHaveLength(1);
    await context.close();
  });

  it('saves a service’s date and time as typed on the phone’s clock, and shows it so again', async () => {
    // Nairobi is three hours ahead of UTC: the server keeps the instant, the phone shows its own time.
    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'en-GB',
      timezoneId: 'Africa/Nairobi',
    });
    const page = await context.newPage();
    await page.goto(stack.url);
    await signIn(page, 'cw_gh');
    await openCase(page, /Kwame Asare/);
    await page.getByRole('button', { name: 'Services', exact: true }).click();
    await page.getByRole('button', { name: 'Add Service' }).click();
    const entry = page.getByRole('group', { name: /^Service \d+$/ }).last();
    await entry.getByLabel('Timeframe').selectOption({ label: 'Within an hour' });
    await entry.getByLabel('Response date and time').fill('2026-12-03T10:30');
    await save(page);
    const services = (await serverCase(KWAME)).services_section as Record<string, unknown>[];
    const stored = services.at(-1) as Record<string, unknown>;
    expect(stored.service_response_day_time).toBe('2026-12-03T07:30:00.000Z');
    // An urgent service now has its reminder (the date-time was refused before, so it had none).
    expect((await serverCase(KWAME)).reminders).toContainEqual(
      expect.objectContaining({ type: 'service_due' }),
    );

    // Opened again, from the server's copy.
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await openCase(page, /Kwame Asare/);
    await page.getByRole('button', { name: 'Services', exact: true }).click();
    await page
      .getByRole('button', { name: /^Edit Service \d+$/ })
      .last()
      .click();
    await expect(
      page
        .getByRole('group', { name: /^Service \d+$/ })
        .last()
        .getByLabel('Response date and time')
        .inputValue(),
    ).resolves.toBe('2026-12-03T10:30');
    await context.close();
  });

  it('shows the sections as tabs on a desktop, and dates in the chosen language', async () => {
    const { context, page } = await session('cw_gh', DESKTOP);
    await page.getByLabel('Language').selectOption({ label: 'français' });
    await openCase(page, /Amina Mensah/, 'Dossiers');
    const identity = page.getByRole('tab', { name: 'Identité' });
    await expect(identity.getAttribute('aria-selected')).resolves.toBe('true');
    // The browser's date input shows the date its own way (English here): the form says it in French too.
    const born = page
      .getByRole('tabpanel')
      .getByRole('textbox', { name: 'Date de naissance requis pour clore' });
    await born.fill('2015-03-12');
    await expect(born.getAttribute('aria-describedby')).resolves.toContain('in-words');
    await page.getByRole('tabpanel').getByText('12 mars 2015', { exact: true }).waitFor();
    await born.locator('xpath=..').screenshot({ path: `${SHOTS}/web-date-in-words.png` });
    await page.getByRole('tab', { name: 'Famille et personnes en charge' }).click();
    await page.getByRole('tabpanel').getByLabel('Taille du ménage').waitFor();
    const registered = (await serverCase(AMINA)).registration_date as string;
    const french = new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${registered}T00:00:00Z`),
    );
    await page.locator('.server-fields').getByText(french).waitFor();
    await expectUsable(page);
    await page.screenshot({ path: `${SHOTS}/web-case-tabs-desktop.png` });
    await page.getByLabel('Language').selectOption({ label: 'English' });
    await context.close();
  });

  it('checks a save against the version it was typed on, also for a case opened offline', async () => {
    const a = await session('cw_gh');
    await a.page.getByText(/Last sync \d/).waitFor();
    await a.page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await a.context.setOffline(true);
    await a.page.locator('.status').getByText('Offline').waitFor();
    await openCase(a.page, /Kwame Asare/);
    await a.page.getByLabel('Religion').fill('Mine');
    // Someone else saves the same field meanwhile.
    const token = await stack.login('cw_gh');
    const theirs = await stack.call('PATCH', `/api/v2/cases/${KWAME}`, {
      token,
      body: { data: { religion: 'Theirs' } },
    });
    expect(theirs.status).toBe(200);
    await a.context.setOffline(false);
    await a.page.locator('.status').getByText('Online').waitFor();
    // Opened offline, the case had no ETag: the save used to go without one and overwrite theirs unseen.
    await a.page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = a.page
      .getByRole('alert')
      .filter({ hasText: 'This case changed while you were editing it' });
    await conflict.waitFor();
    await expect(conflict.getByRole('row', { name: 'Religion Theirs Mine' }).count()).resolves.toBe(1);
    await expect(serverCase(KWAME)).resolves.toMatchObject({ religion: 'Theirs' });
    await a.context.close();
  });

  it('sends a save once however often Save is tapped, and keeps what is typed while it goes', async () => {
    const { context, page } = await session('cw_gh');
    await openCase(page, /Amina Mensah/);
    let patches = 0;
    await page.route('**/api/v2/cases/*', async (route) => {
      if (route.request().method() !== 'PATCH') return route.fallback();
      patches++;
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // a slow network
      return route.fallback();
    });
    await page.getByLabel('Ethnicity').fill('Sent once');
    // Two taps in one go: the button's `disabled` comes a render later.
    await page.evaluate(
      "document.querySelector('button.save').click(); document.querySelector('button.save').click()",
    );
    await page.getByLabel('Place of birth').fill('Typed meanwhile');
    await page.getByText('Saved.').waitFor();
    expect(patches).toBe(1);
    await expect(
      page.getByRole('alert').filter({ hasText: 'changed while you were editing' }).count(),
    ).resolves.toBe(0);
    await expect(page.getByLabel('Place of birth').inputValue()).resolves.toBe('Typed meanwhile');
    const saved = await serverCase(AMINA);
    expect(saved.ethnicity).toBe('Sent once');
    expect(saved.place_of_birth).not.toBe('Typed meanwhile');
    // Still to save, and saved with the next tap.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(
      eventually(
        () => serverCase(AMINA),
        (c) => c.place_of_birth === 'Typed meanwhile',
      ),
    ).resolves.toMatchObject({
      place_of_birth: 'Typed meanwhile',
    });
    await context.close();
  });

  it('explains an ETag conflict when someone saved the case first, and saves on top when asked', async () => {
    const a = await session('cw_gh');
    const b = await session('cw_gh');
    await openCase(a.page, /Kwame Asare/);
    await openCase(b.page, /Kwame Asare/);
    await b.page.getByLabel('Nickname').fill('Kojo');
    await save(b.page);

    await a.page.getByLabel('Nickname').fill('Kwams');
    await a.page.getByRole('button', { name: 'Save' }).click();
    const conflict = a.page
      .getByRole('alert')
      .filter({ hasText: 'This case changed while you were editing it' });
    await conflict.waitFor();
    await expect(conflict.getByRole('row', { name: 'Nickname Kojo Kwams' }).count()).resolves.toBe(1);
    await expectUsable(a.page);
    await a.page.screenshot({ path: `${SHOTS}/web-etag-conflict-phone.png` });
    await a.page.getByRole('button', { name: 'Save my changes on top' }).click();
    await a.page.getByText('Saved.').waitFor();
    await expect(serverCase(KWAME)).resolves.toMatchObject({ name_nickname: 'Kwams' });
    await a.context.close();
    await b.context.close();
  });

  it('a conflict resolved in the UI: an offline edit met another session’s, chosen field by field', async () => {
    // The pull leaves out writes younger than its settle window: the test before saved this case, and a
    // device that signs in within the window would not get it to work on offline.
    await new Promise((resolve) => setTimeout(resolve, (SETTLE_SECONDS + 1) * 1000));
    const a = await session('cw_gh');
    await a.page.getByText(/Last sync \d/).waitFor(); // the caseload and the forms are on the device
    await a.page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await a.context.setOffline(true);
    await openCase(a.page, /Kwame Asare/);
    await a.page.getByLabel('Nickname').fill('Offline name');
    await a.page.getByLabel('Current address').fill('12 Harbour Road');
    await a.page.getByRole('button', { name: 'Save' }).click();
    await a.page.getByText('1 change waiting').waitFor();

    // Meanwhile another session changes the same fields online.
    const b = await session('cw_gh');
    await openCase(b.page, /Kwame Asare/);
    await b.page.getByLabel('Nickname').fill('Online name');
    await b.page.getByLabel('Current address').fill('3 Market Street');
    await save(b.page);
    await b.context.close();

    await a.context.setOffline(false);
    await a.page.getByText('0 changes waiting').waitFor();
    await a.page.getByRole('button', { name: 'Home' }).click();
    await a.page.getByRole('button', { name: /Resolve conflict .* Kwame Asare/ }).click();
    const nickname = a.page.getByRole('group', { name: 'Nickname' });
    await nickname.getByLabel("The server's: Online name").waitFor();
    await nickname.getByLabel('Yours: Offline name').check();
    await a.page
      .getByRole('group', { name: 'Current address' })
      .getByLabel("The server's: 3 Market Street")
      .check();
    await expectUsable(a.page);
    await a.page.screenshot({ path: `${SHOTS}/web-sync-conflict-phone.png` });
    await a.page.getByRole('button', { name: 'Apply my choices' }).click();
    await a.page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await expect(a.page.getByRole('button', { name: /Resolve conflict/ }).count()).resolves.toBe(0);
    const saved = await serverCase(KWAME);
    expect(saved).toMatchObject({ name_nickname: 'Offline name', address_current: '3 Market Street' });
    expect(saved.sync_conflicts ?? []).toEqual([]);
    await a.context.close();
  });

  it('shows at the field why the server refused a change made offline, and lets it go', async () => {
    const { context, page } = await session('cw_gh');
    await page.getByText(/Last sync \d/).waitFor();
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await context.setOffline(true);
    await openCase(page, /Amina Mensah/);
    await page.getByLabel('Age', { exact: true }).fill('150');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('1 change waiting').waitFor();
    await context.setOffline(false);
    await page.getByText('Some changes were refused by the server').waitFor();
    // Said on the case still open, not only once it is opened again.
    const age = page.getByLabel('Age', { exact: true });
    await page.locator('#field-age[aria-invalid=true]').waitFor();
    await page.getByRole('button', { name: 'Discard the refused change' }).waitFor();
    await expect(page.getByText('Saved on this device').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.getByRole('button', { name: /Amina Mensah/ }).click();
    await expect(age.getAttribute('aria-invalid')).resolves.toBe('true');
    const described = (await age.getAttribute('aria-describedby')) as string;
    await expect(page.locator(`#${described}`).textContent()).resolves.toBe('must be at most 130');
    await expectUsable(page);
    await page.getByRole('button', { name: 'Discard the refused change' }).click();
    await page.getByText('0 changes waiting').waitFor();
    // The case shows the server's copy again.
    await page.waitForFunction("document.getElementById('field-age').value !== '150'");
    await expect(age.inputValue()).resolves.toBe(String((await serverCase(AMINA)).age ?? ''));
    await expect(age.getAttribute('aria-invalid')).resolves.toBeNull();
    await context.close();
  });

  it('locks after 15 minutes without use; the password opens it again', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(stack.url);
    await signIn(page, 'cw_gh');
    await page.clock.fastForward('14:00');
    await expect(page.getByRole('heading', { name: 'My tasks' }).count()).resolves.toBe(1);
    await page.clock.fastForward('02:00');
    // A jump fires each due timer once at most; the idle check then runs again in the minute after.
    await page.clock.runFor(60_000);
    await page.getByText('Locked after 15 minutes without use').waitFor();
    await expect(page.getByLabel('User name').inputValue()).resolves.toBe('cw_gh');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await context.close();
  });

  it('keeps edits not yet saved through the lock: the case opens with them again, to save or discard', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    // Work running when the app locks used to fail on IndexedDB's "connection is closing".
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on(
      'console',
      (m) => m.type() === 'error' && /indexeddb|closing|vault/i.test(m.text()) && failures.push(m.text()),
    );
    await page.clock.install();
    await page.goto(stack.url);
    await signIn(page, 'cw_gh');
    await openCase(page, /Kwame Asare/);
    /** Types a nickname, leaves the phone until it locks, and unlocks it: the app is where it was. */
    const typeThenLock = async (nickname: string) => {
      await page.getByLabel('Nickname').fill(nickname);
      await expect(eventually(() => draftOnDevice(page, KWAME), Boolean)).resolves.toBe(true);
      await page.clock.fastForward('16:00');
      // A jump fires each due timer once at most; the idle check then runs again in the minute after.
      await page.clock.runFor(60_000);
      await page.getByText('Locked after 15 minutes without use').waitFor();
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Kwame Asare' }).waitFor();
    };
    await typeThenLock('Kept through the lock');
    const kept = page.getByRole('status').filter({ hasText: 'Changes you had not saved' });
    await kept.waitFor();
    await expect(page.getByLabel('Nickname').inputValue()).resolves.toBe('Kept through the lock');
    await expectUsable(page);
    await page.screenshot({ path: `${SHOTS}/web-draft-kept-phone.png` });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await expect(kept.count()).resolves.toBe(0);
    expect((await serverCase(KWAME)).name_nickname).toBe('Kept through the lock');

    // Discarded at the notice: the case as saved, and nothing comes back the next time.
    await typeThenLock('Typed, then discarded');
    await expect(page.getByLabel('Nickname').inputValue()).resolves.toBe('Typed, then discarded');
    await page.getByRole('button', { name: 'Discard the changes not saved' }).click();
    await expect(page.getByLabel('Nickname').inputValue()).resolves.toBe('Kept through the lock');
    // Left without saving, when asked: dropped too.
    await page.getByLabel('Nickname').fill('Left behind');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page
      .locator('ul.list')
      .getByRole('button', { name: /Kwame Asare/ })
      .click();
    await page.locator('main dl.server-fields').waitFor();
    await expect(page.getByLabel('Nickname').inputValue()).resolves.toBe('Kept through the lock');
    await expect(kept.count()).resolves.toBe(0);
    expect((await serverCase(KWAME)).name_nickname).toBe('Kept through the lock');
    await expect(draftOnDevice(page, KWAME)).resolves.toBe(false);

    // Sign out, asked and cancelled: the edits stay, kept on the device (agreeing to leave them came first
    // and dropped them).
    await page.getByLabel('Nickname').fill('Kept past a cancelled sign-out');
    await expect(eventually(() => draftOnDevice(page, KWAME), Boolean)).resolves.toBe(true);
    const asked: string[] = [];
    page.once('dialog', (dialog) => (asked.push(dialog.message()), void dialog.dismiss()));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(
      eventually(
        async () => asked,
        (a) => a.length > 0,
        5_000,
      ),
    ).resolves.toEqual([expect.stringMatching(/^Signing out removes your cases from this device/)]);
    await expect(page.getByLabel('Nickname').inputValue()).resolves.toBe('Kept past a cancelled sign-out');
    await expect(draftOnDevice(page, KWAME)).resolves.toBe(true);

    // Reloaded at Home, the case with edits not saved is listed there, and opens with them.
    page.once('dialog', (dialog) => void dialog.accept()); // the browser asks before leaving edits
    await page.goto(stack.url); // a new load, at Home
    await signIn(page, 'cw_gh');
    const drafts = page.getByRole('region', { name: 'Changes not saved yet' });
    await drafts.waitFor();
    await expectUsable(page);
    await page.screenshot({ path: `${SHOTS}/web-home-drafts-phone.png` });
    await drafts.getByRole('button', { name: /Kwame Asare/ }).click();
    await page.getByRole('heading', { name: 'Kwame Asare' }).waitFor();
    await expect(page.getByLabel('Nickname').inputValue()).resolves.toBe('Kept past a cancelled sign-out');
    expect(failures).toEqual([]);
    await context.close();
  });

  it('wipes the device when the server says the account is disabled', async () => {
    const { context, page } = await session('cw2_gh');
    await page.getByText('0 changes waiting').waitFor();
    const databases = () =>
      page.evaluate<string[]>('indexedDB.databases().then((l) => l.map((d) => d.name))');
    await expect(databases()).resolves.toContain('primero-cw2_gh');
    const disabled = await stack.call('PATCH', '/api/v2/users/user-cw2_gh', {
      token: admin,
      body: { data: { disabled: true } },
    });
    expect(disabled.status).toBe(200);
    await page.evaluate("window.dispatchEvent(new Event('focus'))"); // the app syncs on focus
    await page
      .getByText('This account has been disabled. The data on this device has been erased.')
      .waitFor();
    await expect(databases()).resolves.not.toContain('primero-cw2_gh');
    await context.close();
  });

  it('signs out every tab of the browser, and the device copy goes, when one tab signs out', async () => {
    const { context, page: a } = await session('cw_gh');
    // A second tab of the same browser, signed in too: it holds the same database open.
    const b = await context.newPage();
    await b.goto(stack.url);
    await signIn(b, 'cw_gh');
    await openCase(b, /Kwame Asare/);
    const databases = () => a.evaluate<string[]>('indexedDB.databases().then((l) => l.map((d) => d.name))');
    await expect(databases()).resolves.toContain('primero-cw_gh');
    a.once('dialog', (dialog) => void dialog.accept());
    await a.getByRole('button', { name: 'Sign out' }).click();
    // The tab that signed out: at the sign-in screen (it waited for ever on the other tab's connection).
    await a.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
    await expect(eventually(databases, (names) => !names.includes('primero-cw_gh'))).resolves.not.toContain(
      'primero-cw_gh',
    );
    // The other tab no longer shows the child, and says why.
    await b.getByText('You signed out in another tab of this browser').waitFor();
    await expectUsable(b);
    await b.screenshot({ path: `${SHOTS}/web-signed-out-elsewhere-phone.png` });
    await expect(b.getByRole('heading', { name: 'Kwame Asare' }).count()).resolves.toBe(0);
    await expect(b.getByLabel('Nickname').count()).resolves.toBe(0);
    await context.close();
  });

  it('offers every location of a country with more than a thousand, the last one too', async () => {
    const rows = Array.from(
      { length: 1100 },
      (_, i) => `GH,Ghana,GH09,Savannah,GH09${String(i).padStart(4, '0')},Savannah Village ${i}`,
    );
    const csv = [
      'admin0Pcode,admin0Name_en,admin1Pcode,admin1Name_en,admin2Pcode,admin2Name_en',
      ...rows,
    ].join('\n');
    const imported = await stack.call('POST', '/api/v2/locations/import', {
      token: admin,
      rawBody: csv,
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(imported.status).toBe(200);
    const { context, page } = await session('cw_gh');
    await openCase(page, /Kwame/);
    await page.getByLabel('Current location', { exact: true }).fill('savannah village 1099');
    await page.getByRole('button', { name: 'Savannah Village 1099 — Savannah, Ghana' }).waitFor();
    await context.close();
  });
});
