import { tmpdir } from 'node:os';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { changeFormGrants } from '../support/formGrants';
import { PASSWORD, type TestApp } from '../support/testApp';
import {
  deviceKeys,
  eventually,
  horizontalOverflow,
  openCaseFromList,
  phonePage,
  PNG,
  seriousViolations,
  signIn,
  smallTargets,
  startWebStack,
} from './browser';

const AMINA = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0001';
const KWAME = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0002';
const SHOTS = process.env.WEB_SCREENSHOTS ?? tmpdir();

let stack: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

jest.setTimeout(180_000);

beforeAll(async () => {
  ({ stack, browser } = await startWebStack());
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await stack?.close();
});

/** A phone signed in as the user, on the home screen, the first-run tour already seen. */
async function phone(userName: string): Promise<{ page: Page; context: BrowserContext }> {
  const { context, page } = await phonePage(browser, stack.url, { acceptDownloads: true });
  contexts.push(context);
  await signIn(page, userName, PASSWORD);
  await page.getByRole('heading', { name: 'My tasks' }).waitFor();
  return { page, context };
}

/** Usable on the phone: axe-clean, nothing sideways, every target thumb-sized; and a picture to look at. */
/** `focus`: the part of a long screen to look at; the axe check then covers the case's files and casework. */
async function checkScreen(page: Page, name: string, focus?: Locator, whole = !focus) {
  await expect(seriousViolations(page, whole ? undefined : 'section.card')).resolves.toEqual([]);
  await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0);
  await expect(smallTargets(page)).resolves.toEqual([]);
  await focus?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/web-${name}.png`, fullPage: !focus });
}

/** A day as the app writes it in English ("Dec 3, 2026"). */
const day = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(iso));

async function serverRecord(path: string, user = 'cw_gh') {
  const token = await stack.login(user);
  return (await stack.call('GET', `/api/v2${path}`, { token })).body.data;
}

async function openCase(page: Page, name: RegExp) {
  await openCaseFromList(page, name);
  await page.getByRole('heading', { name: 'Casework' }).waitFor();
}

describe('attachments in the web app', () => {
  it('creates a case with a photo, and the server holds the photo', async () => {
    const { page } = await phone('cw_gh');
    await page.getByRole('button', { name: 'Cases', exact: true }).click();
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByLabel('Consent for services').check();
    // A name with a word longer than the screen is wide still fits it (names come in every form).
    const name = `Yaw Boateng ${'Nyarkoabenaa'.repeat(6)}`;
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Sex').selectOption('male');
    await page.getByLabel('Age', { exact: true }).fill('9');
    await page
      .getByLabel('Take a photo')
      .setInputFiles({ name: 'yaw.png', mimeType: 'image/png', buffer: PNG });
    await checkScreen(page, 'new-case-phone');
    await page.getByRole('button', { name: 'Create case' }).click();

    await page.getByRole('heading', { name }).waitFor();
    await page.getByRole('img', { name: 'Preview of yaw.png' }).waitFor();
    await checkScreen(
      page,
      'case-files-phone',
      page.getByRole('heading', { name: 'Photos and documents' }),
      true,
    );

    const token = await stack.login('cw_gh');
    const found = await stack.call('GET', '/api/v2/cases?query=Boateng', { token });
    expect(found.body.data).toHaveLength(1);
    const created = found.body.data[0];
    expect(created).toMatchObject({ name, consent_for_services: true, sex: 'male', age: 9 });
    expect(created.photos).toEqual([
      expect.objectContaining({ file_name: 'yaw.png', content_type: 'image/png' }),
    ]);
    const bytes = await fetch(`${stack.url}${created.photos[0].attachment_url}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(Buffer.from(await bytes.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('adds, downloads and removes a document, and keeps an offline photo sealed until the network returns', async () => {
    const { page, context } = await phone('cw_gh');
    await openCase(page, /Kwame Asare/);
    await page.getByLabel('Add documents').setInputFiles({
      name: 'school-report.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Attends school regularly.\n'),
    });
    await page.getByText('school-report.txt uploaded.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download school-report.txt' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('school-report.txt');
    await page.getByRole('button', { name: 'Remove school-report.txt' }).click();
    await page.getByText('school-report.txt removed.').waitFor();
    await expect(serverRecord(`/cases/${KWAME}`)).resolves.toMatchObject({ other_documents: [] });

    // Offline: the photo waits on the device, sealed in the vault, not in any plain store.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await context.setOffline(true);
    await page.getByText('Offline').first().waitFor();
    // The default forms hold the photos in basic identity: the box carries the forms' label.
    await page
      .getByLabel('Photos', { exact: true })
      .setInputFiles({ name: 'kwame.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('kwame.png is kept on this device').waitFor();
    await page.getByRole('heading', { name: 'Waiting to upload' }).waitFor();
    await page.getByRole('img', { name: 'Preview of photo' }).waitFor();
    const plain = await page.evaluate<boolean>(`new Promise((resolve) => {
      const open = indexedDB.open('primero-cw_gh');
      open.onsuccess = () => {
        const all = open.result.transaction('meta').objectStore('meta').getAll();
        all.onsuccess = () => resolve(JSON.stringify(all.result.map((v) => Object.keys(v))).includes('base64'));
      };
    })`);
    expect(plain).toBe(false); // every stored value is {iv, data}: nothing readable
    expect((await serverRecord(`/cases/${KWAME}`)).photos ?? []).toHaveLength(0);

    await context.setOffline(false);
    const photos = await eventually(
      async () => ((await serverRecord(`/cases/${KWAME}`)).photos ?? []) as { file_name: string }[],
      (p) => p.length === 1,
    );
    expect(photos.map((p) => p.file_name)).toEqual(['kwame.png']);
  });

  it("offers the upload boxes of the forms the role may read, a country's own with its label and help", async () => {
    // The country adds a form with a document upload box; only the caseworkers' role may read it.
    const admin = await stack.login('admin_gh');
    const published = await stack.call('POST', '/api/v2/forms', {
      token: admin,
      body: {
        data: {
          unique_id: 'school_records',
          parent_form: 'case',
          module_ids: ['primeromodule-cp'],
          order: 11,
          name: { en: 'School records', fr: 'Scolarité' },
          fields: [
            {
              name: 'school_reports',
              type: 'document_upload_box',
              display_name: { en: 'School reports', fr: 'Bulletins scolaires' },
              help_text: { en: 'Report cards and letters from the school.', fr: 'Bulletins et courriers.' },
            },
            { name: 'school_address', type: 'text_field', display_name: { en: 'Address of the school' } },
          ],
        },
      },
    });
    expect(published.status).toBe(200);
    await changeFormGrants(stack, admin, 'role-cp-caseworker', (g) => ({ ...g, school_records: 'rw' }));

    const { page, context } = await phone('cw_gh');
    await openCase(page, /Kwame Asare/);
    const files = page.locator('section.card', {
      has: page.getByRole('heading', { name: 'Photos and documents' }),
    });
    const heading = files.getByRole('heading', { name: 'School records' });
    await heading.waitFor();
    await files.getByText('Help on School reports').click();
    await files.getByText('Report cards and letters from the school.').waitFor();
    const reports = files.getByLabel('School reports');
    await expect(reports.getAttribute('accept')).resolves.toContain('.pdf');
    await expect(files.getByLabel('Photos', { exact: true }).getAttribute('capture')).resolves.toBe(
      'environment',
    );
    await expect(files.getByLabel('Add audio').getAttribute('accept')).resolves.toContain('audio/mpeg');
    // The built-in boxes the default forms do not list are still there, after the forms' own.
    await files.getByRole('heading', { name: 'Other files' }).waitFor();
    await files.getByLabel('Add documents').waitFor();

    await reports.setInputFiles({
      name: 'term-1.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Good.\n'),
    });
    await page.getByText('term-1.txt uploaded.').waitFor();
    await page.locator('#box-school_reports').getByRole('button', { name: 'Download term-1.txt' }).waitFor();
    await checkScreen(page, 'case-custom-upload-box-phone', heading, true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download term-1.txt' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('term-1.txt');

    // Offline, a file for the country's box waits sealed on the device like a photo, then goes to its box.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await context.setOffline(true);
    await page.getByText('Offline').first().waitFor();
    await reports.setInputFiles({
      name: 'term-2.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Better.\n'),
    });
    await page.getByText('term-2.txt is kept on this device').waitFor();
    await page.getByText('term-2.txt (School reports)').waitFor();
    await context.setOffline(false);
    const names = (list: { file_name: string }[] | undefined) => (list ?? []).map((a) => a.file_name).sort();
    await eventually(
      async () => names((await serverRecord(`/cases/${KWAME}`)).school_reports),
      (n) => n.length === 2,
    );
    await page.getByRole('button', { name: 'Remove term-1.txt' }).click();
    await page.getByText('term-1.txt removed.').waitFor();
    expect(names((await serverRecord(`/cases/${KWAME}`)).school_reports)).toEqual(['term-2.txt']);

    // The supervisors' role may not read the form: the box is not offered to them.
    const sup = await phone('sup_gh');
    await openCase(sup.page, /Kwame Asare/);
    await sup.page.getByLabel('Add documents').waitFor();
    await expect(sup.page.locator('#box-school_reports').count()).resolves.toBe(0);
    await expect(sup.page.getByRole('heading', { name: 'School records' }).count()).resolves.toBe(0);

    // Given the form to read only, they see its files and values, with nothing to pick, remove or type in.
    await changeFormGrants(stack, admin, 'role-cp-supervisor', (g) => ({ ...g, school_records: 'r' }));
    const reader = await phone('sup_gh');
    await openCase(reader.page, /Kwame Asare/);
    const readOnlyBox = reader.page.locator('#box-school_reports');
    await readOnlyBox.getByRole('button', { name: 'Download term-2.txt' }).waitFor();
    await expect(readOnlyBox.getByRole('button', { name: 'Remove term-2.txt' }).count()).resolves.toBe(0);
    await expect(reader.page.getByLabel('School reports').count()).resolves.toBe(0);
    await reader.page.getByRole('button', { name: 'School records' }).click();
    await reader.page.getByText('Address of the school').waitFor();
    await expect(reader.page.getByRole('textbox', { name: 'Address of the school' }).count()).resolves.toBe(
      0,
    );
    // The caseworkers' role, which may write it, types there.
    await page.getByRole('button', { name: 'School records' }).click();
    await page.getByRole('textbox', { name: 'Address of the school' }).fill('Accra Primary');
    // The form points to the box's files, the pointer named after the box; it takes the user there.
    await page.getByRole('button', { name: 'School reports Files: 1 · go to them' }).click();
    await expect(page.evaluate("document.activeElement?.closest('[id^=box-]')?.id")).resolves.toBe(
      'box-school_reports',
    );
  });
});

describe('casework on a case', () => {
  it('flags, notes, requests approval; the supervisor sees it at home and approves', async () => {
    const { page } = await phone('cw_gh');
    await openCase(page, /Amina Mensah/);
    await page.getByText('Flags (0)').click();
    await page.getByLabel('Reason for the flag').fill('Missed two visits');
    await page.getByRole('button', { name: 'Flag this case' }).click();
    await page.getByText('Flags (1)').waitFor();
    await page.getByText('Notes (').click();
    await page.getByLabel('Note subject').fill('Home visit');
    await page.getByLabel('Note', { exact: true }).fill('Grandmother present; school fees unpaid.');
    // The push is held back a few seconds, as on a slow network: the note is listed meanwhile, not hidden
    // by the server's older copy of the case. (A held request let go of by unrouteAll may not continue.)
    await page.route('**/api/v2/sync/**', (route) =>
      new Promise((go) => setTimeout(go, 3000)).then(() => route.continue()).catch(() => undefined),
    );
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Notes (1)').waitFor();
    await page.waitForTimeout(1500); // long enough for a read of the case from the local server to land
    await expect(page.getByText('Notes (1)').count()).resolves.toBe(1);
    await page.getByText('Grandmother present; school fees unpaid.').waitFor();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.getByText('Approvals', { exact: true }).click();
    // Each approval a supervisor gives, the caseworker can ask for.
    for (const type of ['assessment', 'case plan', 'closure'])
      await page.getByRole('button', { name: `Request ${type} approval` }).waitFor();
    await page.getByLabel('Approval comments').fill('Please check the school fees plan');
    await page.getByRole('button', { name: 'Request case plan approval' }).click();
    await page.getByText('Case plan approval requested.').waitFor();
    await checkScreen(page, 'casework-phone', page.getByRole('heading', { name: 'Casework' }));

    const amina = await eventually(
      () => serverRecord(`/cases/${AMINA}`),
      (c) => (c.notes_section ?? []).length > 0,
    );
    expect(amina).toMatchObject({ approval_status_case_plan: 'requested', flag_count: 1 });
    // Each approval says who asked, when (the date as the app writes dates, not the server's) and why.
    const requested = `Requested by cw_gh on ${day(amina.approval_subforms[0].approval_date)}`;
    await page.getByText('Case plan: requested').waitFor();
    await page.getByText(`${requested}: “Please check the school fees plan”`, { exact: true }).waitFor();
    expect(amina.notes_section).toEqual([
      expect.objectContaining({
        note_subject: 'Home visit',
        note_text: 'Grandmother present; school fees unpaid.',
      }),
    ]);

    // Home shows the caseworker's flagged case.
    await page.getByRole('button', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Flagged cases' }).waitFor();
    await page.getByRole('button', { name: /Amina Mensah flagged/ }).waitFor();

    const sup = await phone('sup_gh');
    await sup.page.getByRole('heading', { name: 'Approvals waiting for me' }).waitFor();
    await checkScreen(sup.page, 'home-supervisor-phone');
    await sup.page.getByRole('button', { name: /Amina Mensah Case plan approval requested/ }).click();
    // The case's alerts are shown once and dismissed.
    await sup.page.getByRole('note', { name: 'New on this case' }).waitFor();
    // The supervisor reads the request before deciding on it.
    await sup.page.getByText('Case plan: requested').waitFor();
    const request = sup.page.getByText(`${requested}: “Please check the school fees plan”`, { exact: true });
    await request.waitFor();
    await checkScreen(sup.page, 'approval-request-phone', request);
    await sup.page.getByLabel('Approval comments').fill('Plan is sound');
    await sup.page.getByRole('button', { name: 'Approve case plan' }).click();
    await sup.page.getByText('Case plan approved.').waitFor();
    // Not the supervisor's case: the requests are the caseworker's to make.
    await expect(sup.page.getByRole('button', { name: 'Request closure approval' }).count()).resolves.toBe(0);
    await expect(serverRecord(`/cases/${AMINA}`)).resolves.toMatchObject({
      approval_status_case_plan: 'approved',
    });
    const token = await stack.login('sup_gh');
    await eventually(
      async () => (await stack.call('GET', `/api/v2/cases/${AMINA}/alerts`, { token })).body.data.length,
      (n) => n === 0,
    );

    // The caseworker takes the flag off.
    await page.getByRole('button', { name: /Amina Mensah flagged/ }).click();
    await page.getByText('Flags (1)').click();
    await page.getByLabel('Reason for removing a flag').fill('Visits resumed');
    await page.getByRole('button', { name: 'Unflag “Missed two visits”' }).click();
    await page.getByText('Flags (0)').waitFor();
    await expect(serverRecord(`/cases/${AMINA}`)).resolves.toMatchObject({ flag_count: 0 });
    // The caseworker reads the decision: who, when and what the supervisor wrote.
    await page.getByText('Approvals', { exact: true }).click();
    await page.getByText('Case plan: approved').waitFor();
    const approved = (await serverRecord(`/cases/${AMINA}`)).approval_subforms[1].approval_date;
    const decision = page.getByText(`Approved by sup_gh on ${day(approved)}: “Plan is sound”`, {
      exact: true,
    });
    await decision.waitFor();
    await checkScreen(page, 'approval-decision-phone', decision);
  });

  it("keeps the last action's message when an earlier one answers late", async () => {
    const token = await stack.login('cw_gh');
    const made = await stack.call('POST', '/api/v2/cases', {
      token,
      body: { data: { name: 'Adjoa Quarshie', sex: 'female', age: 12 } },
    });
    expect(made.status).toBe(200);
    const { page } = await phone('cw_gh');
    await openCase(page, /Adjoa Quarshie/);
    // A slow network: the note's push answers only after the approval has been asked for.
    let letGo!: () => void;
    const held = new Promise<void>((go) => (letGo = go));
    await page.route('**/api/v2/sync/**', (route) => held.then(() => route.continue()));
    await page.getByText('Notes (').click();
    await page.getByLabel('Note', { exact: true }).fill('Aunt will bring the birth certificate.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Notes (1)').waitFor();
    await page.getByText('Approvals', { exact: true }).click();
    await page.getByRole('button', { name: 'Request case plan approval' }).click();
    const requested = page.getByRole('status').filter({ hasText: 'Case plan approval requested.' });
    await requested.waitFor();
    letGo();
    await expect(
      eventually(
        async () => ((await serverRecord(`/cases/${made.body.data.id}`)).notes_section ?? []).length,
        (n) => n === 1,
      ),
    ).resolves.toBe(1);
    await page.waitForTimeout(1_000); // for the note's answer to reach the screen
    // The line under Casework still speaks of the approval, the user's last action.
    await expect(requested.count()).resolves.toBe(1);
    await expect(page.getByText('Note added.').count()).resolves.toBe(0);
  });

  it('refers with consent checked, and the recipient accepts from home; records an incident and shows history', async () => {
    const { page } = await phone('cw_gh');
    await openCase(page, /Kwame Asare/);
    await page.getByText('Assign, refer or transfer').click();
    await page.getByLabel('Send the case by').selectOption('referrals');
    // Kwame has not consented: the referral is held back, and says why.
    await page.getByText('Consent for services has not been given').waitFor();
    await expect(page.getByRole('button', { name: 'Send' }).isDisabled()).resolves.toBe(true);
    await checkScreen(page, 'refer-no-consent-phone', page.getByLabel('Send the case by'));

    await openCase(page, /Amina Mensah/);
    await page.getByText('Assign, refer or transfer').click();
    await page.getByLabel('Send the case by').selectOption('referrals');
    await page.getByText('Consent for services: given.').waitFor();
    await page.getByRole('combobox', { name: 'Recipient', exact: true }).selectOption('cw2_gh');
    await page.getByLabel('Notes for the recipient').fill('Needs school support');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Referral sent to cw2_gh.').waitFor();

    await page.getByText('Record an incident').click();
    await page.getByLabel('Date of the incident').fill('2026-11-20');
    await page.getByLabel('What happened').fill('Sent away from school for fees.');
    await page.getByRole('button', { name: 'Save incident' }).click();
    await page.getByText('Incident recorded and linked to this case.').waitFor();
    const token = await stack.login('cw_gh');
    const incidents = await stack.call('GET', `/api/v2/cases/${AMINA}/incidents`, { token });
    expect(incidents.body.data).toEqual([
      expect.objectContaining({
        incident_date: '2026-11-20',
        incident_description: 'Sent away from school for fees.',
      }),
    ]);

    await page.getByText('Record history').click();
    const history = page.locator('details[open]').filter({ hasText: 'Record history' });
    await history.locator('.item').first().waitFor();
    // What changed, by the forms' and the app's names; when, as the app writes dates; no bookkeeping.
    await history.getByText('Assigned to, Transfers and referrals', { exact: true }).waitFor();
    await history
      .getByText(/· cw_gh · Changed$/)
      .first()
      .waitFor();
    const read = (await history.innerText()).replace(/\b(cw|sup)_gh\b/g, 'user');
    expect(read).not.toMatch(/_|\b(update|create)\b|alert subjects|owned by agency id|subform section/);
    // A creation lists what was filled in, not what the server set (ids, owner, dates).
    expect(read).not.toMatch(/Short id|Created by|Case id|Owner's agency/);
    expect(read).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
    await checkScreen(page, 'history-phone', history.locator('.item').nth(4));

    const cw2 = await phone('cw2_gh');
    await cw2.page.getByRole('heading', { name: 'Transfers and referrals to accept' }).waitFor();
    await cw2.page.getByRole('button', { name: /Amina Mensah referral to accept/ }).click();
    await cw2.page.getByText('cw_gh sent you this case (referral): “Needs school support”.').waitFor();
    await checkScreen(
      cw2.page,
      'referral-to-accept-phone',
      cw2.page.getByRole('button', { name: 'Accept referral' }),
    );
    await cw2.page.getByRole('button', { name: 'Accept referral' }).click();
    await cw2.page.getByText('The referral is accepted.').waitFor();
    const transitions = await stack.call('GET', `/api/v2/cases/${AMINA}/transitions`, { token });
    expect(transitions.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Referral', transitioned_to: 'cw2_gh', status: 'accepted' }),
      ]),
    );
  });

  it('does what a hurried thumb taps three times once, and keeps what was typed when the server refuses it', async () => {
    const { page } = await phone('cw_gh');
    await page.getByRole('button', { name: 'Cases', exact: true }).click();
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByLabel('Consent for services').check();
    // Refused, the reason shows at the field it is about, and what was typed stays.
    await page.getByLabel('Full name').fill('N'.repeat(600));
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.locator('#new-name[aria-invalid=true]').waitFor();
    await expect(page.locator('#new-name-error').textContent()).resolves.toBe(
      'must be at most 500 characters',
    );
    await expect(page.getByLabel('Full name').inputValue()).resolves.toHaveLength(600);
    await page.getByLabel('Full name').fill('Thrice Tapped');
    await page.getByRole('button', { name: 'Create case' }).click({ clickCount: 3, delay: 0 });
    await page.getByRole('heading', { name: 'Thrice Tapped' }).waitFor();
    const token = await stack.login('cw_gh');
    const made = await stack.call('GET', '/api/v2/cases?query=Thrice%20Tapped', { token });
    expect(made.body.metadata.total).toBe(1);
    const id = made.body.data[0].id as string;

    await page.getByText('Flags (0)').click();
    await page.getByLabel('Reason for the flag').fill('Seen alone at the market');
    await page.getByRole('button', { name: 'Flag this case' }).click({ clickCount: 3, delay: 0 });
    await page.getByText('Flags (1)').waitFor();
    await page.waitForTimeout(500); // a second flag would have been sent by now
    expect((await stack.call('GET', `/api/v2/cases/${id}/flags`, { token })).body.data).toHaveLength(1);

    // An incident dated in the future is refused: the account of it stays, and the refusal reads as one.
    await page.getByText('Record an incident').click();
    await page.getByLabel('Date of the incident').fill('2199-12-31');
    await page.getByLabel('What happened').fill('Followed home by a stranger.');
    await page.getByRole('button', { name: 'Save incident' }).click();
    const date = page.getByLabel('Date of the incident');
    await page.locator('#incident-date[aria-invalid=true]').waitFor();
    const described = (await date.getAttribute('aria-describedby')) as string;
    await expect(page.locator(`#${described}`).textContent()).resolves.toBe('cannot be in the future');
    await expect(page.getByLabel('What happened').inputValue()).resolves.toBe('Followed home by a stranger.');
    await expect(date.inputValue()).resolves.toBe('2199-12-31');
    expect((await stack.call('GET', `/api/v2/cases/${id}/incidents`, { token })).body.data).toEqual([]);
    await checkScreen(page, 'incident-refused-phone', date);
    // Put right, it is recorded and the field's refusal goes.
    await date.fill('2026-11-20');
    await page.getByRole('button', { name: 'Save incident' }).click();
    await page.getByText('Incident recorded and linked to this case.').waitFor();
    await expect(date.getAttribute('aria-invalid')).resolves.toBeNull();
    // Out of the other tests' lists (they count the caseworker's flagged cases).
    expect((await stack.call('DELETE', `/api/v2/cases/${id}`, { token })).status).toBe(200);
  });

  it('says so when a case assigned away leaves the caseload, and the device lets go of it', async () => {
    const token = await stack.login('cw_gh');
    const made = await stack.call('POST', '/api/v2/cases', {
      token,
      body: { data: { name: 'Yaw Assigned', sex: 'male', age: 9 } },
    });
    const id = made.body.data.id as string;
    const { page } = await phone('cw_gh');
    await openCase(page, /Yaw Assigned/);
    await expect(
      eventually(
        () => deviceKeys(page, 'cw_gh', 'records'),
        (k) => k.includes(id),
      ),
    ).resolves.toContain(id);
    await page.getByText('Assign, refer or transfer').click();
    await page.getByRole('combobox', { name: 'Recipient', exact: true }).selectOption('cw2_gh');
    await page.getByRole('button', { name: 'Send' }).click();
    // A caseworker sees their own cases only: the screen no longer offers a form to save into.
    await page.getByRole('alert').getByText('This case is no longer in your caseload').waitFor();
    await expect(page.getByRole('button', { name: 'Save', exact: true }).count()).resolves.toBe(0);
    await checkScreen(page, 'case-gone-phone');
    await expect(deviceKeys(page, 'cw_gh', 'records')).resolves.not.toContain(id);
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.getByRole('heading', { name: 'Cases', exact: true, level: 1 }).waitFor();
    await expect(page.getByRole('button', { name: /Yaw Assigned/ }).count()).resolves.toBe(0);
  });

  it('lets a supervisor transfer a case, and the receiver rejects it with a reason', async () => {
    const sup = await phone('sup_gh');
    await openCase(sup.page, /Esi Quaye/);
    await sup.page.getByText('Assign, refer or transfer').click();
    await sup.page.getByLabel('Send the case by').selectOption('transfers');
    // The menu replaces the free-text field once the server's list of recipients arrives.
    await sup.page.getByRole('combobox', { name: 'Recipient', exact: true }).selectOption('cw_gh');
    await sup.page.getByRole('button', { name: 'Send' }).click();
    await sup.page.getByText('Transfer sent to cw_gh.').waitFor();

    const cw = await phone('cw_gh');
    await cw.page.getByRole('button', { name: /Esi Quaye transfer to accept/ }).click();
    await cw.page.getByLabel('Reason if you reject').fill('Outside my area');
    await cw.page.getByRole('button', { name: 'Reject transfer' }).click();
    await cw.page.getByText('The transfer is rejected.').waitFor();
    const token = await stack.login('sup_gh');
    const esi = (await stack.call('GET', '/api/v2/cases?query=Esi', { token })).body.data[0];
    const transitions = await stack.call('GET', `/api/v2/cases/${esi.id}/transitions`, { token });
    expect(transitions.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Transfer', status: 'rejected', rejected_reason: 'Outside my area' }),
      ]),
    );
  });
});

describe('lists of cases, incidents and tracing requests', () => {
  it('searches by name and id, filters, sorts and pages the cases', async () => {
    const token = await stack.login('cw_gh');
    for (let i = 1; i <= 11; i++)
      await stack.call('POST', '/api/v2/cases', {
        token,
        body: { data: { name: `Page Child ${i}`, sex: 'female', age: 3 } },
      });
    const kwame = (await stack.call('GET', `/api/v2/cases/${KWAME}`, { token })).body.data;
    const { page } = await phone('cw_gh');
    await page.getByRole('button', { name: 'Cases', exact: true }).click();
    await page
      .getByRole('button', { name: /Page Child/ })
      .first()
      .waitFor();
    await expect(page.getByRole('button', { name: 'Next page' }).isEnabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText(/Page 2 of \d/).waitFor();
    await checkScreen(page, 'case-list-page2-phone');

    await page.getByLabel('Search by name or case id').fill(kwame.case_id_display);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1 case', { exact: true }).waitFor();
    await page.getByRole('button', { name: /Kwame Asare/ }).click();
    // Back from the case, the list is as it was left: the search, its one case.
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await expect(page.getByLabel('Search by name or case id').inputValue()).resolves.toBe(
      kwame.case_id_display,
    );
    await page.getByText('1 case', { exact: true }).waitFor();
    await page.getByRole('button', { name: /Kwame Asare/ }).waitFor();

    await page.getByLabel('Search by name or case id').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('More filters').click();
    await page.getByLabel('Age from').fill('9');
    await page.getByLabel('Age to').fill('9');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('button', { name: /Kwame Asare/ }).waitFor();
    await expect(page.getByRole('button', { name: /Amina Mensah|Page Child/ }).count()).resolves.toBe(0);
    // A range the wrong way round is said at the filters, not answered "0 cases".
    await page.getByLabel('Age from').fill('10');
    await page.getByLabel('Age to').fill('3');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: '“Age from” is more than “Age to”: swap them.' })
      .waitFor();
    await page.getByLabel('Age from').fill('');
    await page.getByLabel('Age to').fill('');
    await page.getByLabel('Sex').selectOption('male');
    await page.getByRole('button', { name: /Kwame Asare/ }).waitFor();
    await expect(page.getByRole('button', { name: /Page Child/ }).count()).resolves.toBe(0);
    await page.getByLabel('Sex').selectOption('');
    // A region takes in the cases of its districts; the workflow stage narrows them.
    await page
      .getByRole('button', { name: /Page Child/ })
      .first()
      .waitFor();
    const everyCase = page.getByText(/^\d+ cases$/);
    const unfiltered = (await everyCase.textContent()) as string;
    await page.getByLabel('Location (and the places within it)').fill('Ashanti');
    await page.getByRole('button', { name: 'Ashanti — Ghana' }).click();
    await page.getByRole('button', { name: /Kwame Asare/ }).waitFor();
    await expect(page.getByRole('button', { name: /Amina Mensah|Page Child/ }).count()).resolves.toBe(0);
    await page.getByLabel('Stage').selectOption(kwame.workflow);
    await page.getByRole('button', { name: /Kwame Asare/ }).waitFor();
    await page.getByLabel('Stage').selectOption(kwame.workflow === 'closed' ? 'new' : 'closed');
    await page.getByText('0 cases', { exact: true }).waitFor();
    await page.getByLabel('Stage').selectOption('');
    await page.getByRole('button', { name: 'Clear location' }).click();
    await page.getByText(unfiltered, { exact: true }).waitFor();
    await page.getByLabel('Sort by').selectOption({ label: 'Age' });
    // Youngest first: the ages shown rise down the page.
    const ages = await eventually(
      async () =>
        (await page.locator('.list .row').allTextContents()).map((t) =>
          Number(/age (\d+)/.exec(t)?.[1] ?? NaN),
        ),
      (a) => a[0] === 3 && a.filter((n) => !isNaN(n)).every((n, i, all) => i === 0 || all[i - 1]! <= n),
    );
    expect(ages[0]).toBe(3);
    await page.getByLabel('Only mine').check();
    await page.getByLabel('Flagged only').check();
    await page.getByText('0 cases', { exact: true }).waitFor();
    await checkScreen(page, 'case-filters-phone', page.getByText('More filters'), true);

    await page.getByRole('button', { name: 'Tracing' }).click();
    await page.getByRole('heading', { name: 'Tracing requests' }).waitFor();
    await page.getByRole('button', { name: /Esi Boateng/ }).click();
    await page.getByRole('heading', { name: 'Esi Boateng' }).waitFor();
    // Named as the forms name the fields, not by their keys.
    await page.getByRole('term').filter({ hasText: 'Name of inquirer' }).waitFor();
    await expect(page.getByRole('term').filter({ hasText: 'relation_name' }).count()).resolves.toBe(0);
    // A lookup's value by its label, a key the server keeps by the app's name for it.
    const fact = (term: string) =>
      page
        .locator('.facts > div')
        .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) });
    await fact('Relationship to the child')
      .getByRole('definition')
      .filter({ hasText: /^Mother$/ })
      .waitFor();
    await fact('Created').waitFor();
    // No ids or bookkeeping a person does not read: the record's UUID, the forms version, the agency's id.
    const terms = await page.locator('.facts dt').allTextContents();
    for (const term of ['Forms version', "Owner's agency", 'Tracing request id', 'Flags', 'Alerts'])
      expect(terms).not.toContain(term);
    const values = await page.locator('.facts dd').allTextContents();
    expect(values.filter((v) => /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(v))).toEqual([]);
    await expect(
      page
        .getByRole('term')
        .filter({ hasText: /^created at$/ })
        .count(),
    ).resolves.toBe(0);
    await checkScreen(page, 'tracing-request-phone');
    await page.getByRole('button', { name: 'Incidents' }).click();
    await page.getByRole('heading', { name: 'Incidents' }).waitFor();
    await page.getByText(/^\d+ incidents?$/).waitFor();
    await checkScreen(page, 'incident-list-phone');
  });

  it('shows GBV names hidden in the list, as the API does', async () => {
    const { page } = await phone('gbv_gh');
    await page.getByRole('button', { name: 'Cases', exact: true }).click();
    await page.getByRole('button', { name: /\*{7}/ }).first().waitFor();
    await expect(page.getByText('Adwoa Sarpong').count()).resolves.toBe(0);
    await checkScreen(page, 'gbv-list-phone');
    // The GBV role reads incidents, not tracing requests: only the lists it may read are offered.
    await page.getByRole('button', { name: 'Incidents' }).waitFor();
    await expect(page.getByRole('button', { name: 'Tracing' }).count()).resolves.toBe(0);
  });

  it('creates a case with a photo offline, and the server holds both once back online', async () => {
    const { page, context } = await phone('cw_gh');
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await context.setOffline(true);
    await page.getByText('Offline').first().waitFor();
    await page.getByRole('button', { name: 'Cases', exact: true }).click();
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByText('You are offline').waitFor();
    await page.getByLabel('Consent for services').check();
    await page.getByLabel('Full name').fill('Ama Offline');
    await page
      .getByLabel('Take a photo')
      .setInputFiles({ name: 'ama.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { name: 'Ama Offline' }).waitFor();
    await page.getByText('1 change waiting').waitFor();
    await page.getByRole('heading', { name: 'Waiting to upload' }).waitFor();
    const token = await stack.login('cw_gh');
    const search = () => stack.call('GET', '/api/v2/cases?query=Offline', { token });
    expect((await search()).body.data).toHaveLength(0);

    await context.setOffline(false);
    const found = await eventually(
      async () => (await search()).body.data,
      (d) => d.length === 1 && (d[0].photos ?? []).length === 1,
    );
    expect(found[0]).toMatchObject({ name: 'Ama Offline', consent_for_services: true });
    expect(found[0].photos[0]).toMatchObject({ file_name: 'ama.png' });
    // Sent, it no longer waits on the case still open.
    await page.getByRole('heading', { name: 'Waiting to upload' }).waitFor({ state: 'detached' });
  });
});
