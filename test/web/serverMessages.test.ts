import type { Browser, BrowserContext, Page } from 'playwright-core';
import { tamperWithSealed } from '../support/tamper';
import { PASSWORD, type TestApp } from '../support/testApp';
import { checkScreen, openCaseFromList, eventually, phonePage, signIn, startWebStack } from './browser';

// The server's messages on the screen: in the language the app shows, at the place they are about.
const AMINA = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0001';

let stack: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

jest.setTimeout(180_000);

beforeAll(async () => {
  ({ stack, browser } = await startWebStack());
  // cw_gh's stored locale is English; the app is switched to French on the device only.
  ({ context, page } = await phonePage(browser, stack.url));
  await signIn(page, 'cw_gh', PASSWORD);
  await page.getByRole('heading', { name: 'My tasks' }).waitFor();
  await openCaseFromList(page, /Amina/);
  await page.getByRole('heading', { name: 'Casework' }).waitFor();
  await page.getByLabel('Language').selectOption({ label: 'français' });
  await page.getByRole('heading', { name: 'Suivi du dossier' }).waitFor();
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

describe('server messages in the web app', () => {
  it("shows a field's validation message in the language on screen", async () => {
    await page.getByLabel('Âge', { exact: true }).fill('-1');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const field = page.locator('[aria-invalid="true"]').first();
    await field.waitFor();
    // The field to put right has the focus, where a keyboard or screen reader user is taken.
    const fieldId = await field.getAttribute('id');
    const focused = () => page.evaluate<string | undefined>('document.activeElement?.id');
    await expect(eventually(focused, (id) => id === fieldId, 5_000)).resolves.toBe(fieldId);
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    await expect(page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).resolves.toContain(
      'doit être au moins 0',
    );
    await expect(page.getByText('must be at least 0').count()).resolves.toBe(0);
    await field.scrollIntoViewIfNeeded();
    await checkScreen(page, 'fr-field-error');
    await page.getByLabel('Âge', { exact: true }).fill('9');
  });

  it('shows an upload refusal at the box used, as an error, in the language on screen', async () => {
    const documents = page.locator('#box-other_documents');
    const picker = documents.getByLabel('Ajouter des documents');
    await picker.setInputFiles({
      name: 'rapport.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('not a PDF at all\n'),
    });
    const alert = documents.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe(
      'rapport.pdf n’a pas été envoyé\u202f: le contenu du fichier ne correspond pas au type sous lequel il a été envoyé',
    );
    await expect(alert.getAttribute('class')).resolves.toContain('field-error');
    await expect(picker.getAttribute('aria-describedby')).resolves.toBe(await alert.getAttribute('id'));
    // Not under the last box, nor anywhere else as a notice.
    await expect(page.locator('#box-recorded_audio').getByText('rapport.pdf').count()).resolves.toBe(0);
    await expect(page.locator('.notice', { hasText: 'rapport.pdf' }).count()).resolves.toBe(0);
    await documents.scrollIntoViewIfNeeded();
    await checkScreen(page, 'fr-upload-error');
  });

  it("keeps a note the server refuses at the note, with the server's reason and a Discard button", async () => {
    await page.getByText('Notes (').click();
    const text = page.getByLabel('Note', { exact: true });
    await expect(text.getAttribute('maxlength')).resolves.toBe('50000');
    // As a note queued by a client without the limit: the server is the one that refuses it.
    await text.evaluate((el) => el.removeAttribute('maxlength'));
    await page.getByLabel('Objet de la note').fill('Visite trop longue');
    await text.fill('x'.repeat(50_001));
    await page.getByRole('button', { name: 'Ajouter la note' }).click();

    const note = page.locator('li', { hasText: 'Visite trop longue' });
    await note.getByRole('alert').filter({ hasText: 'doit faire au plus 50000 caractères' }).waitFor();
    await note.getByText('Le serveur a refusé cette note').waitFor();
    await expect(page.getByText('Note ajoutée.').count()).resolves.toBe(0);
    await note.getByRole('button', { name: 'Abandonner cette note' }).scrollIntoViewIfNeeded();
    await checkScreen(page, 'fr-note-refused');

    await note.getByRole('button', { name: 'Abandonner cette note' }).click();
    await note.waitFor({ state: 'detached' });
    await page.getByText('0 modification en attente').waitFor();
    expect(((await serverCase()).notes_section ?? []) as unknown[]).toEqual([]);

    // A note within the limit is added, and said so.
    await page.getByLabel('Note', { exact: true }).fill('Visite faite.');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await page.getByText('Note ajoutée.').waitFor();
    await eventually(
      async () => ((await serverCase()).notes_section ?? []) as { note_text: string }[],
      (notes) => notes.some((n) => n.note_text === 'Visite faite.'),
    );
  });

  it('says which records of the list it cannot show, when one failed its integrity check', async () => {
    const token = await stack.login('cw_gh');
    const made = (
      await stack.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Fiche Altérée' } } })
    ).body.data as { id: string; case_id_display: string };
    const records = stack.app.containers.records;
    await tamperWithSealed(records, made.id);
    try {
      await page.getByRole('button', { name: 'Dossiers', exact: true }).click();
      const notice = page
        .getByRole('status')
        .filter({ hasText: 'Une fiche de cette page ne peut pas s’afficher' });
      await notice.waitFor();
      await expect(notice.textContent()).resolves.toContain(made.id);
      // The other cases are listed as ever.
      await page.locator('ul.list').getByRole('button', { name: /Amina/ }).waitFor();
      await notice.scrollIntoViewIfNeeded();
      await checkScreen(page, 'fr-list-unreadable');
    } finally {
      await records.item(made.id, ['GH', made.id]).delete();
    }
  });
});
