import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { totpCode } from '../../src/auth/totp';
import { PASSWORD, ROOT, type TestApp } from '../support/testApp';
import { horizontalOverflow, PHONE, seriousViolations, signIn, startWebStack } from './browser';

const SHOTS = process.env.WEB_SCREENSHOTS ?? join(ROOT, 'test-output', 'web');

let stack: TestApp;
let browser: Browser;

jest.setTimeout(90_000);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ stack, browser } = await startWebStack());
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function session(userName: string) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(stack.url);
  await signIn(page, userName, PASSWORD);
  await page.getByRole('heading', { name: 'My tasks' }).waitFor();
  return { context, page };
}

const expectClean = async (p: Page) => {
  await expect(seriousViolations(p)).resolves.toEqual([]);
  await expect(horizontalOverflow(p)).resolves.toBe(0);
};

describe('the app in the user’s language', () => {
  it('reads French: navigation, headings and status', async () => {
    const { context, page } = await session('cw_gh');
    await page.getByLabel('Language').selectOption({ label: 'français' });
    await page.getByRole('heading', { name: 'Mes tâches' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Principal' });
    for (const name of ['Accueil', 'Dossiers', 'Incidents', 'Aide', 'Se déconnecter'])
      await nav.getByRole('button', { name, exact: true }).waitFor();
    await page.locator('header .status').getByText('En ligne').waitFor();
    await page.getByText(/^0 modification en attente$/).waitFor();
    await page.getByRole('heading', { name: 'Dossiers signalés' }).waitFor();
    // The first-run tour and the help panel speak it too.
    await page.getByRole('heading', { name: 'Premiers pas (1 sur 3)' }).waitFor();
    await page.getByRole('button', { name: 'Passer la visite' }).click();
    await page.getByRole('button', { name: 'Aide' }).click();
    await page.getByRole('button', { name: 'Fermer l’aide' }).click();
    // The way back is named in English too.
    await page.getByLabel('Langue · Language').waitFor();
    await expectClean(page);

    await nav.getByRole('button', { name: 'Dossiers' }).click();
    await page.getByRole('heading', { name: 'Dossiers', level: 1 }).waitFor();
    for (const name of ['Nouveau dossier', 'Rechercher', 'Page suivante'])
      await page.getByRole('button', { name }).waitFor();
    await page.getByText(/^Page 1 sur \d+$/).waitFor();
    await expectClean(page);
    await context.close();
  });

  it('reads French on a case: ages, approvals and its history, by the forms’ names', async () => {
    const token = await stack.login('cw_gh');
    await stack.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Bébé Ama', age: 1 } } });
    const amina = (await stack.call('GET', '/api/v2/cases?query=Amina', { token })).body.data[0];
    const patched = await stack.call('PATCH', `/api/v2/cases/${amina.id}`, {
      token,
      body: { data: { name_nickname: 'Mimi' } },
    });
    expect(patched.status).toBe(200);
    const { context, page } = await session('cw_gh');
    await page.getByLabel('Language').selectOption({ label: 'français' });
    await page.getByRole('button', { name: 'Passer la visite' }).click();
    await page.getByRole('button', { name: 'Dossiers', exact: true }).click();
    // One year old: the singular.
    await expect(page.getByRole('button', { name: /Bébé Ama/ }).innerText()).resolves.toMatch(/· 1 an$/);

    await page.getByRole('button', { name: /Amina Mensah/ }).click();
    await page.getByRole('heading', { name: 'Suivi du dossier' }).waitFor();
    await page.getByText('Approbations', { exact: true }).click();
    // The forms' name for the section, and French spacing before the colon.
    await page.getByText('Plan d’action\u202f: non demandée', { exact: true }).waitFor();
    await page.getByText('Historique du dossier').click();
    const history = page.locator('details[open]').filter({ hasText: 'Historique du dossier' });
    await history.getByText(/· cw_gh · Modifié$/).waitFor();
    await history.getByText('Surnom', { exact: true }).waitFor();
    const read = (await history.innerText()).replace(/\bcw_gh\b/g, 'user');
    expect(read).not.toMatch(/_|\b(update|create)\b|nickname|alert/i);
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'web-history-fr-phone.png') });
    await context.close();
  });

  it('reads Arabic right to left, before and after sign-in', async () => {
    const { context, page } = await session('cw_ke');
    await page.getByLabel('Language').selectOption({ label: 'العربية' });
    await page.getByRole('heading', { name: 'مهامي' }).waitFor();
    await expect(page.evaluate('document.documentElement.dir')).resolves.toBe('rtl');
    for (const name of ['الصفحة الرئيسية', 'الحالات', 'مساعدة', 'تسجيل الخروج'])
      await page.getByRole('button', { name, exact: true }).waitFor();
    // Numbers in the language's digits.
    await page.getByText(`تغييرات بانتظار الإرسال: ${new Intl.NumberFormat('ar').format(0)}`).waitFor();
    await expectClean(page);
    await page.screenshot({ path: `${SHOTS}/web-home-arabic-rtl-phone.png` });

    // Signed out, the sign-in screen keeps the language chosen on this device.
    // Sign-out asks first, in Arabic: it erases the device's copy.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      }),
    );
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await expect(asked).resolves.toMatch(/^يزيل تسجيل الخروج حالاتك من هذا الجهاز/);
    await page.getByLabel('اسم المستخدم').waitFor();
    await page.getByLabel('كلمة المرور').waitFor();
    await page.getByRole('button', { name: 'تسجيل الدخول' }).waitFor();
    await expectClean(page);
    await page.screenshot({ path: `${SHOTS}/web-signin-arabic-rtl-phone.png` });
    await context.close();
  });
});

describe('first-time two-factor enrolment', () => {
  it('shows a QR code and the secret, confirms the first code, and signs in with the next', async () => {
    // A fresh country's first administrator: the role requires 2FA, not enrolled yet.
    const setup = await stack.call('POST', '/api/v2/admin/country_setup', {
      headers: { 'x-functions-key': stack.masterKey },
      body: {
        data: {
          country_code: 'SO',
          time_zone: 'Africa/Mogadishu',
          admin: { user_name: 'admin_so', full_name: 'Hodan Ali', email: 'a@example.org' },
        },
      },
    });
    expect(setup.status).toBe(200);
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(stack.url);
    await signIn(page, 'admin_so', setup.body.data.admin_one_time_password);

    await page.getByRole('heading', { name: 'Set up two-factor sign-in' }).waitFor();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = (await page.locator('code.secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectClean(page);
    await page.screenshot({ path: `${SHOTS}/web-totp-enrolment-phone.png` });

    await page.getByLabel('First code from the app').fill('000000');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page
      .getByRole('alert')
      .getByText(/not a valid code/)
      .waitFor();
    await page.getByLabel('First code from the app').fill(totpCode(secret, stack.clock.now()));
    await page.getByRole('button', { name: 'Confirm' }).click();

    await page.getByText(/^Two-factor sign-in is on/).waitFor();
    // The confirming code is spent; the app's next one signs in.
    stack.clock.advance(30_000);
    await page.getByLabel('Verification code').fill(totpCode(secret, stack.clock.now()));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await context.close();
  });
});
