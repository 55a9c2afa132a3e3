import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORD, type TestApp } from '../support/testApp';
import {
  checkScreen,
  deviceKeys,
  openCaseFromList,
  eventually,
  phonePage,
  PHONE,
  PNG,
  signIn,
  startWebStack,
} from './browser';

// Edits that must survive: another session's subform entry under "Save my changes on top", an edit of a
// case made offline, the page of such a case once it syncs, a multi-select cleared of every choice, and the
// date a note was written offline, and a new case typed and not yet created.
const KWAME = 'Kwame Asare'; // one follow-up on record to start with
const AMINA = 'Amina Mensah'; // two protection concerns

let stack: TestApp;
let browser: Browser;

jest.setTimeout(240_000);

beforeAll(async () => {
  ({ stack, browser } = await startWebStack());
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await phonePage(browser, stack.url, { locale: 'en-GB' });
  await signIn(page, 'cw_gh', PASSWORD);
  await page.getByText(/Last sync \d/).waitFor();
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  return { context, page };
}

async function openCase(page: Page, name: string) {
  await openCaseFromList(page, name);
  await page.getByRole('heading', { name: 'Casework' }).waitFor();
}

async function followUps(page: Page) {
  const section = page.getByRole('button', { name: 'Follow-up', exact: true });
  if ((await section.getAttribute('aria-expanded')) === 'false') await section.click();
}

async function addFollowUp(page: Page, n: number, type: string, comments: string) {
  await followUps(page);
  await page.getByRole('button', { name: 'Add Follow-up' }).click();
  const entry = page.getByRole('group', { name: `Follow-up ${n}` });
  await entry.getByLabel('Type of follow-up').selectOption({ label: type });
  await entry.getByLabel('Comments').fill(comments);
  await page.getByRole('button', { name: `Done with Follow-up ${n}` }).click();
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

const token = () => stack.login('cw_gh');
async function serverCaseNamed(name: string) {
  const found = await stack.call('GET', `/api/v2/cases?query=${encodeURIComponent(name)}`, {
    token: await token(),
  });
  const id = (found.body.data as { id: string; name: string }[]).find((c) => c.name === name)?.id;
  if (!id) return undefined;
  return (await stack.call('GET', `/api/v2/cases/${id}`, { token: await token() })).body.data;
}
const comments = (c: { followup_subform_section?: { followup_comments?: string }[] }) =>
  (c.followup_subform_section ?? []).flatMap((e) => e.followup_comments ?? []);
const serverField = (page: Page, label: string) =>
  page.locator('.server-fields div', { hasText: label }).locator('dd');

describe('edits that used to be lost', () => {
  it('saves on top of another session’s follow-up without removing it; a clash shows option labels', async () => {
    const a = await phone();
    const b = await phone();
    await openCase(a.page, KWAME);
    await openCase(b.page, KWAME);
    await addFollowUp(a.page, 2, 'Home visit', 'from A');
    await save(a.page);
    await a.page.getByText('Saved.').waitFor();

    // B opened the case before A saved: a conflict, but two new entries are no clash.
    await addFollowUp(b.page, 2, 'Phone call', 'from B');
    await save(b.page);
    const conflict = b.page
      .getByRole('alert')
      .filter({ hasText: 'This case changed while you were editing it' });
    await conflict.getByText('They did not change the fields you edited').waitFor();
    await expect(conflict.getByRole('row').count()).resolves.toBe(0);
    await b.page.getByRole('button', { name: 'Save my changes on top' }).click();
    await b.page.getByText('Saved.').waitFor();
    expect(comments(await serverCaseNamed(KWAME))).toEqual(['from A', 'from B']);
    // B's screen lists both entries, as the server holds them.
    await b.page.locator('.entry-row').filter({ hasText: 'from A' }).waitFor();

    // Both change A's entry: that is a clash, set out as the user reads the values.
    await b.page.getByRole('button', { name: 'Edit Follow-up 2' }).click();
    await b.page.getByRole('group', { name: 'Follow-up 2' }).getByLabel('Type of follow-up').selectOption({
      label: 'Office visit',
    });
    await save(b.page);
    await b.page.getByText('Saved.').waitFor();
    await a.page.getByRole('button', { name: 'Edit Follow-up 2' }).click();
    await a.page.getByRole('group', { name: 'Follow-up 2' }).getByLabel('Type of follow-up').selectOption({
      label: 'School visit',
    });
    await save(a.page);
    const clash = a.page
      .getByRole('alert')
      .filter({ hasText: 'This case changed while you were editing it' });
    const row = clash.getByRole('row', { name: /^Follow-up/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Office visit.*from A.*School visit.*from A/);
    await expect(row.textContent()).resolves.not.toMatch(/_visit/);
    await checkScreen(a.page, 'subform-clash-phone');
    await a.page.getByRole('button', { name: 'Save my changes on top' }).click();
    await a.page.getByText('Saved.').waitFor();
    const now = await serverCaseNamed(KWAME);
    expect(comments(now)).toEqual(['from A', 'from B']);
    expect(now.followup_subform_section[1].followup_type).toBe('school_visit');
    await a.context.close();
    await b.context.close();
  });

  it('keeps an edit of a case created offline, and the open page follows the server once it syncs', async () => {
    const { context, page } = await phone();
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404 && r.url().includes('/api/v2/cases/')) missing.push(new URL(r.url()).pathname);
    });
    await context.setOffline(true);
    await page.getByText('Offline').first().waitFor();
    await page.getByRole('button', { name: 'Cases', exact: true }).click();
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByLabel('Consent for services').check();
    await page.getByLabel('Full name').fill('Yaa Offline');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { name: 'Yaa Offline' }).waitFor();
    await page.getByLabel('Nickname').fill('Yaya');
    await save(page);
    await page.getByText('Saved on this device').waitFor();
    await page.getByText('2 changes waiting').waitFor();
    await expect(serverField(page, 'Case id').textContent()).resolves.toBe('—');

    await context.setOffline(false);
    const synced = await eventually(
      () => serverCaseNamed('Yaa Offline'),
      (c) => c?.name_nickname === 'Yaya',
    );
    expect(synced).toMatchObject({ name: 'Yaa Offline', name_nickname: 'Yaya', owned_by: 'cw_gh' });
    await page.getByText('0 changes waiting').waitFor();
    // Without reopening the case: the server's facts of it, and the edit still on screen.
    await serverField(page, 'Case id').getByText(synced.case_id_display).waitFor();
    await serverField(page, 'Owner').getByText('cw_gh').waitFor();
    await expect(page.getByLabel('Nickname').inputValue()).resolves.toBe('Yaya');
    await expect(page.getByText('The server refused').count()).resolves.toBe(0);
    await page.getByText(/^Flags \(/).waitFor(); // the casework the server keeps, once the case is there
    expect(missing).toEqual([]);
    await context.close();
  });

  it('keeps a new case typed and not yet created through the lock and a reload; Home lists it; leaving asks', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    await context.addInitScript("localStorage.setItem('primero-tour-seen', '1')");
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(stack.url);
    await signIn(page, 'cw_gh', PASSWORD);
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    const kept = () => deviceKeys(page, 'cw_gh', 'meta').then((keys) => keys.includes('draft-new-case'));
    const newCase = async () => {
      await page.getByRole('button', { name: 'Cases', exact: true }).click();
      await page.getByRole('button', { name: 'New case' }).click();
    };
    const notice = page.getByRole('status').filter({ hasText: 'What you had typed for this new case' });
    const afterReload = async () => {
      page.once('dialog', (dialog) => void dialog.accept()); // the browser asks before leaving them
      await page.goto(stack.url);
      await signIn(page, 'cw_gh', PASSWORD);
      const drafts = page.getByRole('region', { name: 'Changes not saved yet' });
      await drafts.waitFor();
      return drafts;
    };

    await newCase();
    await page.getByLabel('Consent for services').check();
    await page.getByLabel('Full name').fill('Esi Halfway');
    await page.getByLabel('Age', { exact: true }).fill('9');
    await page
      .getByLabel('Take a photo')
      .setInputFiles({ name: 'esi.png', mimeType: 'image/png', buffer: PNG });
    // The screen's effects run after a frame, on the page's clock: a second passes before the jump.
    await page.clock.runFor(1_000);
    await expect(eventually(kept, Boolean)).resolves.toBe(true);
    // Locked after 15 minutes (a jump fires each due timer once at most: the idle check runs again after).
    await page.clock.fastForward('16:00');
    await page.clock.runFor(60_000);
    await page.getByText('Locked after 15 minutes without use').waitFor();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await notice.waitFor();
    await expect(page.getByLabel('Full name').inputValue()).resolves.toBe('Esi Halfway');
    await expect(page.getByLabel('Age', { exact: true }).inputValue()).resolves.toBe('9');
    await expect(page.getByLabel('Consent for services').isChecked()).resolves.toBe(true);
    // The photo itself is not kept: it is asked for again, by its name.
    await notice.getByText('The photo (esi.png) was not kept: choose it again.').waitFor();
    await checkScreen(page, 'new-case-kept-phone');

    // Reloaded: Home lists it, and it opens as typed.
    const drafts = await afterReload();
    await drafts.getByRole('button', { name: /New case, not created yet: Esi Halfway/ }).click();
    await notice.waitFor();
    await expect(page.getByLabel('Full name').inputValue()).resolves.toBe('Esi Halfway');
    // Leaving asks; staying keeps it.
    const asked: string[] = [];
    page.once('dialog', (dialog) => (asked.push(dialog.message()), void dialog.dismiss()));
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await expect(
      eventually(
        async () => asked,
        (a) => a.length > 0,
      ),
    ).resolves.toEqual(['This new case is not created yet. Leave without creating it?']);
    await expect(page.getByRole('heading', { name: 'New case' }).count()).resolves.toBe(1);
    await page
      .getByLabel('Take a photo')
      .setInputFiles({ name: 'esi.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { name: 'Esi Halfway' }).waitFor();
    await expect(kept()).resolves.toBe(false);
    const found = await stack.call('GET', '/api/v2/cases?query=Halfway', { token: await token() });
    expect(found.body.data).toEqual([expect.objectContaining({ name: 'Esi Halfway', age: 9 })]);
    expect(found.body.data[0].photos).toEqual([expect.objectContaining({ file_name: 'esi.png' })]);

    // Left when asked: gone from the device. Discarded at the notice: gone too, and the form empty.
    await newCase();
    await page.getByLabel('Full name').fill('Ama Leftbehind');
    await expect(eventually(kept, Boolean)).resolves.toBe(true);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.getByRole('heading', { name: 'Cases', exact: true, level: 1 }).waitFor();
    await expect(eventually(kept, (k) => !k)).resolves.toBe(false);
    await page.getByRole('button', { name: 'New case' }).click();
    await expect(page.getByLabel('Full name').inputValue()).resolves.toBe('');
    await page.getByLabel('Full name').fill('Ama Discarded');
    await expect(eventually(kept, Boolean)).resolves.toBe(true);
    await (await afterReload()).getByRole('button', { name: /Ama Discarded/ }).click();
    await notice.getByRole('button', { name: 'Discard this new case' }).click();
    await expect(page.getByLabel('Full name').inputValue()).resolves.toBe('');
    await expect(eventually(kept, (k) => !k)).resolves.toBe(false);
    await page.getByRole('button', { name: 'Home' }).click(); // nothing typed: no question
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await expect(page.getByRole('region', { name: 'Changes not saved yet' }).count()).resolves.toBe(0);
    const none = await stack.call('GET', '/api/v2/cases?query=Discarded', { token: await token() });
    expect(none.body.data).toEqual([]);
    await context.close();
  });

  it('keeps a note typed and not yet added through a reload: Home lists its case, which opens with it', async () => {
    const { context, page } = await phone();
    const kept = () =>
      deviceKeys(page, 'cw_gh', 'meta').then((keys) => keys.some((k) => k.startsWith('draft-note:')));
    await openCase(page, AMINA);
    await page.getByText('Notes (').click();
    await page.getByLabel('Note subject').fill('Visit');
    await page.getByLabel('Note', { exact: true }).fill('Aunt says the school fees are paid until June.');
    await expect(eventually(kept, Boolean)).resolves.toBe(true);
    await page.goto(stack.url); // a new load, at Home
    await signIn(page, 'cw_gh', PASSWORD);
    const drafts = page.getByRole('region', { name: 'Changes not saved yet' });
    await drafts.getByRole('button', { name: new RegExp(AMINA) }).click();
    await page.getByRole('heading', { name: 'Casework' }).waitFor();
    const keptNotice = page.getByText(/This note \(.*\) was kept on this device and is not added yet\./);
    await keptNotice.waitFor();
    // Opened at its notes, the note in view (it is far below the case's form).
    await expect(
      eventually(
        () => keptNotice.boundingBox(),
        (box) => !!box && box.y >= 0 && box.y + box.height <= 640,
      ),
    ).resolves.toBeTruthy();
    await expect(page.getByLabel('Note', { exact: true }).inputValue()).resolves.toBe(
      'Aunt says the school fees are paid until June.',
    );
    await expect(page.getByLabel('Note subject').inputValue()).resolves.toBe('Visit');
    await checkScreen(page, 'note-kept-phone');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Note added.').waitFor();
    await expect(eventually(kept, (k) => !k)).resolves.toBe(false);
    const notes = (await serverCaseNamed(AMINA)).notes_section as {
      note_subject: string;
      note_text: string;
    }[];
    expect(notes.map((n) => [n.note_subject, n.note_text])).toContainEqual([
      'Visit',
      'Aunt says the school fees are paid until June.',
    ]);
    await context.close();
  });

  it('saves a multi-select cleared of every choice (it was read as an untouched subform and never sent)', async () => {
    // Amina, whom the other tests leave alone: a case changed seconds before a sign-in comes in the re-pull.
    const { context, page } = await phone();
    await openCase(page, AMINA);
    const section = page.getByRole('button', { name: 'Protection concerns', exact: true });
    if ((await section.getAttribute('aria-expanded')) === 'false') await section.click();
    await page.getByLabel('Separated').uncheck();
    await page.getByLabel('Out of school').uncheck();
    await save(page);
    const saved = await eventually(
      () => serverCaseNamed(AMINA),
      (c) => (c?.protection_concerns ?? []).length === 0,
    );
    expect(saved.protection_concerns ?? []).toEqual([]);
    await page
      .getByText(/^Saved/)
      .first()
      .waitFor();
    await openCase(page, AMINA); // again, from the list
    if ((await section.getAttribute('aria-expanded')) === 'false') await section.click();
    await expect(page.getByLabel('Separated').isChecked()).resolves.toBe(false);
    await context.close();
  });

  it('dates a note written offline when it was written, not when it syncs', async () => {
    const { context, page } = await phone();
    await context.setOffline(true);
    await page.getByText('Offline').first().waitFor();
    await openCase(page, KWAME);
    await page.getByText('Notes (').click();
    // The visit was two days ago: the device's clock says so while the note is written.
    const written = new Date(Date.now() - 2 * 86_400_000);
    await page.clock.setFixedTime(written);
    await page.getByLabel('Note subject').fill('Home visit');
    await page.getByLabel('Note', { exact: true }).fill('Seen at home, well');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Note saved on this device').waitFor();
    await page.clock.setFixedTime(new Date());

    await context.setOffline(false);
    const kwame = await eventually(
      () => serverCaseNamed('Kwame Asare'),
      (c) => (c?.notes_section ?? []).some((n: { note_subject?: string }) => n.note_subject === 'Home visit'),
    );
    const note = kwame.notes_section.find((n: { note_subject?: string }) => n.note_subject === 'Home visit');
    expect(note).toMatchObject({ note_date: written.toISOString(), note_created_by: 'cw_gh' });
    await context.close();
  });
});
