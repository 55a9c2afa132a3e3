import type { Browser, BrowserContext, Page } from 'playwright-core';
import { totpCode } from '../../src/auth/totp';
import { PASSWORD, TOTP_SECRET, type TestApp } from '../support/testApp';
import { checkScreen, PHONE, signIn, startWebStack } from './browser';

const NEW_PASSWORD = 'a-fresh-password-2026';

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

async function newPhone(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(stack.url);
  return page;
}

/** The admin signed in on a phone, past the second factor (each sign-in with a code of its own). */
async function adminPhone(): Promise<Page> {
  stack.clock.advance(30_000);
  const page = await newPhone();
  await signIn(page, 'admin_gh', PASSWORD);
  await page.getByLabel('Verification code').fill(totpCode(TOTP_SECRET, stack.clock.now()));
  await page.getByRole('button', { name: 'Verify' }).click();
  return page;
}

describe('embedded help', () => {
  it('shows a first-run tour once, a help panel per screen, and a field’s configured help', async () => {
    // The country's configuration carries the help: an admin adds some to the Nickname field.
    const admin = await stack.login('admin_gh');
    const forms = (await stack.call('GET', '/api/v2/forms?record_type=case', { token: admin })).body.data as {
      unique_id: string;
      fields: { name: string }[];
    }[];
    const form = forms.find((f) => f.fields.some((x) => x.name === 'name_nickname'));
    const stored = (await stack.call('GET', `/api/v2/forms/${form!.unique_id}`, { token: admin })).body.data;
    const fields = stored.fields.map((f: { name: string }) =>
      f.name === 'name_nickname'
        ? {
            ...f,
            help_text: { en: 'The name the child answers to.', fr: 'Le nom auquel l’enfant répond.' },
            guiding_questions: { en: 'What do your friends call you?' },
          }
        : f,
    );
    const patched = await stack.call('PATCH', `/api/v2/forms/${form!.unique_id}`, {
      token: admin,
      body: { data: { fields } },
    });
    expect(patched.status).toBe(200);

    const page = await newPhone();
    await signIn(page, 'cw_gh', PASSWORD);
    await page.getByRole('heading', { name: 'Getting started (1 of 3)' }).waitFor();
    await checkScreen(page, 'tour-phone');
    await page.getByRole('button', { name: 'Next tip' }).click();
    await page.getByRole('heading', { name: 'Getting started (2 of 3)' }).waitFor();
    await page.getByRole('button', { name: 'Next tip' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('heading', { name: /Getting started/ }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Help', exact: true }).click();
    await page.getByRole('heading', { name: 'Help: Home' }).waitFor();
    await checkScreen(page, 'help-home-phone');
    await page.getByRole('button', { name: 'Close help' }).click();
    await page.getByRole('button', { name: 'Cases', exact: true }).click();
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    await page.getByRole('heading', { name: 'Help: Lists' }).waitFor();
    await page.getByRole('button', { name: /Amina Mensah/ }).click();
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    await page.getByRole('heading', { name: 'Help: A case' }).waitFor();

    await page.getByText('Help on Nickname').click();
    await page.getByText('The name the child answers to.').waitFor();
    await page.getByText('What do your friends call you?').waitFor();
    await page.getByText('What do your friends call you?').scrollIntoViewIfNeeded();
    await checkScreen(page, 'field-help-phone');

    // Seen once on this device: the next sign-in goes straight back to work, at the case it was on.
    await page.reload();
    await signIn(page, 'cw_gh', PASSWORD);
    await page.getByRole('button', { name: 'Back to cases' }).waitFor();
    await expect(page.getByRole('heading', { name: /Getting started/ }).count()).resolves.toBe(0);
  });
});

describe('admin basics', () => {
  it('creates, disables, re-enables, resets and unlocks a user, and browses roles and configuration', async () => {
    // The API checks below sign in as the admin too: with a code of their own (a code is good once).
    stack.clock.advance(30_000);
    const token = await stack.login('admin_gh');
    const page = await adminPhone();
    await page.getByRole('button', { name: 'Skip the tour' }).click();
    await page.getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    await page.getByRole('button', { name: 'Disable cw_gh' }).waitFor();
    // A user's role by its name, not its id.
    const cw = page.locator('.list .item').filter({ hasText: '(cw_gh)' });
    await cw.getByText('CP Caseworker', { exact: true }).waitFor();
    await expect(cw.innerText()).resolves.not.toContain('role-cp-caseworker');
    await checkScreen(page, 'admin-users-phone');

    // A name already taken: the refusal is said at the field and under the button, where the admin is.
    const userName = page.getByLabel("New user's user name");
    await userName.fill('cw_gh');
    await page.getByLabel('Full name').fill('Field Worker');
    await page.getByLabel('Initial password').fill('first-password-2026');
    await page.getByLabel('Role').selectOption({ label: 'CP Caseworker' });
    await page.getByLabel('Agency').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Create user' }).click();
    const refusal = page.locator('form').getByRole('alert');
    await refusal.waitFor();
    await expect(userName.getAttribute('aria-invalid')).resolves.toBe('true');
    const said = await page.locator(`#${await userName.getAttribute('aria-describedby')}`).textContent();
    expect(said).toMatch(/taken/);
    await expect(refusal.isVisible()).resolves.toBe(true);
    await checkScreen(page, 'admin-new-user-refused-phone');
    await userName.fill('field_worker');
    await page.getByLabel('Initial password').fill('first-password-2026');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.locator('form').getByRole('status').filter({ hasText: 'field_worker created.' }).waitFor();
    const user = async () =>
      (await stack.call('GET', '/api/v2/users/user-field_worker', { token })).body.data;
    await expect(user()).resolves.toMatchObject({ full_name: 'Field Worker', disabled: false });
    // Unlock is offered only for an account locked out of sign-in: here none yet.
    await expect(page.getByRole('button', { name: /^Unlock / }).count()).resolves.toBe(0);
    // Sustained failures from many places (a distributed guess) lock the account.
    for (let i = 0; i < 30; i++) await stack.app.loginGuard.recordFailure('field_worker', `botnet-${i % 5}`);

    await page.getByRole('button', { name: 'Disable field_worker' }).click();
    await page.getByText('field_worker disabled.').waitFor();
    // The list, loaded again, says so and offers the unlock on that account only.
    const worker = page.locator('.list .item').filter({ hasText: '(field_worker)' });
    await worker.getByText(/Locked out of sign-in until \w{3} \d{1,2}, 2026/).waitFor();
    await expect(page.getByRole('button', { name: /^Unlock / }).count()).resolves.toBe(1);
    await worker.scrollIntoViewIfNeeded();
    await checkScreen(page, 'admin-user-locked-phone');
    await expect(user()).resolves.toMatchObject({ disabled: true });
    await page.getByRole('button', { name: 'Enable field_worker' }).click();
    await page.getByText('field_worker enabled.').waitFor();

    await page.getByRole('button', { name: 'Reset password of field_worker' }).click();
    const newPassword = page.getByLabel('New password for field_worker (at least 12 characters)');
    await expect(newPassword.getAttribute('type')).resolves.toBe('password');
    await newPassword.scrollIntoViewIfNeeded();
    await checkScreen(page, 'admin-reset-password-phone');
    await newPassword.fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set password', exact: true }).click();
    await page.getByText('Password of field_worker reset.').waitFor();
    await expect(newPassword.count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Unlock field_worker' }).click();
    await page.getByText('field_worker unlocked.').waitFor();
    await worker.getByText(/Locked out/).waitFor({ state: 'detached' }); // the list, loaded again
    await expect(page.getByRole('button', { name: /^Unlock / }).count()).resolves.toBe(0);
    const signedIn = await stack.call('POST', '/api/v2/tokens', {
      body: { user: { user_name: 'field_worker', password: NEW_PASSWORD } },
    });
    expect(signedIn.status).toBe(200);

    for (const [section, shows] of [
      ['Roles', 'CP Supervisor'],
      ['User groups', /./],
      ['Forms', /./],
      ['Lookups', /./],
      ['Locations', /./],
    ] as const) {
      await page.getByLabel('Show').selectOption(section);
      await page.getByRole('heading', { name: section, exact: true }).waitFor();
      await page.locator('.list summary').filter({ hasText: shows }).first().waitFor();
      // Every entry's name and id apart (Locations read "Ghana" over "GH").
      await expect(page.locator('.list summary').first().innerText()).resolves.toMatch(/^[^\n]+\n[^\n]+$/);
      if (section === 'Roles')
        // The name and the id apart, each on its line, not "CP Supervisorrole-cp-supervisor".
        await expect(
          page.locator('.list summary').filter({ hasText: 'CP Supervisor' }).first().innerText(),
        ).resolves.toBe('CP Supervisor\nrole-cp-supervisor');
      await checkScreen(page, `admin-${section.toLowerCase().replace(' ', '-')}-phone`);
    }
  });

  it('lists every user of a country with more than a hundred, the last one too, and finds one by typing', async () => {
    stack.clock.advance(30_000);
    const token = await stack.login('admin_gh');
    for (let i = 0; i < 105; i++) {
      const created = await stack.call('POST', '/api/v2/users', {
        token,
        body: {
          data: {
            user_name: `volunteer_${String(i).padStart(3, '0')}`,
            full_name: `Volunteer ${i}`,
            password: 'a-long-enough-passphrase',
            role_unique_id: 'role-cp-caseworker',
            user_group_unique_ids: ['usergroup-cp-accra'],
            agency_unique_id: 'agency-unicef',
          },
        },
      });
      expect(created.status).toBe(200);
    }
    const total = (await stack.call('GET', '/api/v2/users?per=1', { token })).body.metadata.total as number;
    expect(total).toBeGreaterThan(105);
    const page = await adminPhone();
    await page.getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('button', { name: 'Disable volunteer_104' }).waitFor();
    await page.getByRole('button', { name: 'Disable volunteer_000' }).waitFor();
    await expect(
      page
        .locator('.list .item')
        .filter({ hasText: /\(\w+\)/ })
        .count(),
    ).resolves.toBe(total);
    await page.getByText(`${total} of ${total} users shown.`).waitFor();
    const listed = () =>
      page
        .locator('.list .item strong')
        .allTextContents()
        .then((names) => names.sort());
    // Part of a name, whatever its case and accents: "Volunteer 10" and 100 to 104.
    const find = page.getByLabel('Find a user');
    await find.fill('VOLUNTÉER 10');
    await page.getByText(`6 of ${total} users shown.`).waitFor();
    await expect(listed()).resolves.toEqual(
      [
        'Volunteer 10',
        'Volunteer 100',
        'Volunteer 101',
        'Volunteer 102',
        'Volunteer 103',
        'Volunteer 104',
      ].sort(),
    );
    await checkScreen(page, 'admin-find-user-phone');
    // By the user name, and acted on as listed.
    await find.fill('volunteer_104');
    await expect(listed()).resolves.toEqual(['Volunteer 104']);
    await page.getByRole('button', { name: 'Disable volunteer_104' }).click();
    await page.getByText('volunteer_104 disabled.').waitFor();
    await find.fill('no such person');
    await page.getByText('Nothing matches “no such person”.').waitFor();
    await expect(listed()).resolves.toEqual([]);

    // The read-only lists too: a village among the country's places.
    await page.getByLabel('Show').selectOption('Locations');
    const places = page.locator('.list summary');
    await places.first().waitFor();
    const all = await places.count();
    await page.getByLabel('Find by name or code').fill('ashanti');
    await expect(places.allInnerTexts()).resolves.toEqual([expect.stringMatching(/^Ashanti\n/)]);
    await page.getByText(`1 of ${all} entries shown, read-only.`).waitFor();
  });
});
