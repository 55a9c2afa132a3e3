import { tmpdir } from 'node:os';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { raiseFollowUpAlert } from '../support/followUpAlert';
import { tamperWithSealed } from '../support/tamper';
import { PASSWORD, type TestApp } from '../support/testApp';
import {
  checkScreen,
  eventually,
  horizontalOverflow,
  openCaseFromList,
  PHONE,
  phonePage,
  seriousViolations,
  signIn,
  smallTargets,
  startWebStack,
} from './browser';

// Home lists work to do; each item must open its case at the place the work is done, not at the top.
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

/** A phone; `slowBy` makes its processor that many times slower, as a cheap phone's is. */
async function phone(userName: string, slowBy = 1): Promise<Page> {
  // No answer by default: the tests that leave unsaved edits answer the question themselves.
  const { context, page } = await phonePage(browser, stack.url, {}, false);
  contexts.push(context);
  if (slowBy > 1)
    await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowBy });
  await signIn(page, userName, PASSWORD);
  await page.getByRole('heading', { name: 'My tasks' }).waitFor();
  return page;
}

/** Whether the element is inside the viewport (what a person sees without scrolling). */
const inView = async (page: Page, selector: string) => {
  const box = await page.locator(selector).boundingBox();
  return !!box && box.y + box.height > 0 && box.y < PHONE.height;
};
/** The place comes into view once its data has arrived (a person waits a moment too). */
const onScreen = (page: Page, selector: string) =>
  eventually(
    () => inView(page, selector),
    (v) => v,
    5_000,
  );

describe('Home opens each item where its work is done', () => {
  // First: opening a case marks its alerts as seen, and the tests below open Amina's case.
  it('lists the alerts of the cases and opens one at the section it is about', async () => {
    // The reminders job raises the alerts of Amina's overdue follow-up and assessment.
    await stack.host.invoke('reminders', { isPastDue: false });
    const token = await stack.login('cw_gh');
    const alerts = (await stack.call('GET', `/api/v2/cases/${AMINA}/alerts`, { token })).body.data;
    expect(alerts.map((a: { alert_for: string }) => a.alert_for)).toEqual(
      expect.arrayContaining(['followup_due', 'assessment_due']),
    );
    const page = await phone('cw_gh');
    const followUp = page.getByRole('button', { name: /^Amina Mensah Follow-up due · c1d0001 · / });
    await followUp.waitFor();
    await page.getByRole('button', { name: /^Amina Mensah Assessment due · c1d0001 · / }).waitFor();
    await page.getByText(/^Cases with alerts: \d+$/).waitFor();
    // Usable on the phone: nothing sideways, every entry thumb-sized, no serious axe finding.
    await page.evaluate("document.getElementById('alerts-title').scrollIntoView()");
    await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0);
    await expect(smallTargets(page)).resolves.toEqual([]);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: `${SHOTS}/web-home-alerts-phone.png` });

    await followUp.click();
    await page.getByRole('heading', { name: 'Amina Mensah' }).waitFor();
    await expect(onScreen(page, '#panel-followup')).resolves.toBe(true);
    await expect(page.getByRole('region', { name: 'Follow-up', exact: true }).isVisible()).resolves.toBe(
      true,
    );
    // The follow-up's alert is dismissed at once (the case was opened at it); the assessment's stays until
    // its box has been on screen, so Home still lists it.
    const left = () =>
      eventually(
        async () =>
          (await stack.call('GET', `/api/v2/cases/${AMINA}/alerts`, { token })).body.data.map(
            (a: { alert_for: string }) => a.alert_for,
          ) as string[],
        (l) => !l.includes('followup_due'),
      );
    await expect(left()).resolves.toEqual(['assessment_due']);
    await page.goBack();
    await page.getByRole('button', { name: /^Amina Mensah Assessment due · c1d0001 · / }).waitFor();
    await expect(followUp.count()).resolves.toBe(0);
    // Opened from the list and scrolled to the casework: seen, dismissed, gone from Home.
    await openCaseFromList(page, /Amina Mensah/);
    const note = page.getByRole('note', { name: 'New on this case' });
    await note.scrollIntoViewIfNeeded();
    await expect(
      eventually(
        async () => (await stack.call('GET', `/api/v2/cases/${AMINA}/alerts`, { token })).body.data.length,
        (n) => n === 0,
      ),
    ).resolves.toBe(0);
    await page.getByRole('button', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Alerts' }).waitFor();
    await page.getByText('No case has alerts.').waitFor();
  });

  it('counts an alert as seen once its box has stayed on screen, not at a glimpse of it', async () => {
    const token = await stack.login('cw_gh');
    // A follow-up alert of Kwame's (an approval request's alert is the approver's: it would stay).
    await raiseFollowUpAlert(stack, KWAME, 'b'.repeat(32));
    const alertsOf = async () =>
      (await stack.call('GET', `/api/v2/cases/${KWAME}/alerts`, { token })).body.data.map(
        (a: { alert_for: string }) => a.alert_for,
      ) as string[];
    await expect(alertsOf()).resolves.toEqual(['followup_due']);
    const page = await phone('cw_gh');
    await openCaseFromList(page, /Kwame Asare/);
    const note = page.getByRole('note', { name: 'New on this case' });
    await note.waitFor();
    await expect(inView(page, '#at-alerts')).resolves.toBe(false);
    // Flung past on the way down: a tenth of a second on screen.
    await note.scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.waitForTimeout(2_000);
    await expect(alertsOf()).resolves.toEqual(['followup_due']);
    // Stopped at and read: dismissed.
    await note.scrollIntoViewIfNeeded();
    await expect(eventually(alertsOf, (l) => l.length === 0)).resolves.toEqual([]);
  });

  it('opens a follow-up task at its entry, open to edit, and Back returns to Home', async () => {
    const token = await stack.login('cw_gh');
    const amina = (await stack.call('GET', `/api/v2/cases/${AMINA}`, { token })).body.data;
    // On a slow phone the open entry is drawn later than on ours: it still gets the focus (CI's slower
    // machine once showed it did not).
    const page = await phone('cw_gh', 8);
    // Named as the alerts name the children, the case id beside.
    await page
      .getByRole('button', { name: new RegExp(`^Follow-up · Amina Mensah ${amina.case_id_display} · `) })
      .click();
    await page.getByRole('heading', { name: 'Amina Mensah' }).waitFor();

    // The follow-up's entry is open: its fields show its values, and the first one has the focus.
    const entry = page.getByRole('group', { name: /Follow-up 1/ });
    await entry.waitFor();
    const comments = entry.getByLabel('Comments');
    await expect(comments.inputValue()).resolves.toBe('Check school enrolment');
    const type = entry.getByLabel('Type of follow-up');
    await expect(type.inputValue()).resolves.toBe('home_visit');
    const typeId = await type.getAttribute('id');
    const focused = () => page.evaluate<string | undefined>('document.activeElement?.id');
    await expect(eventually(focused, (id) => id === typeId, 5_000)).resolves.toBe(typeId);
    await expect(onScreen(page, 'fieldset.entry')).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}/web-home-followup-phone.png` });
    // Typing elsewhere stays there: the place the task opened at does not take the focus back.
    await comments.click();
    await comments.press('End'); // the click may land mid-text
    await comments.pressSequentially(' and meals', { delay: 120 });
    await expect(comments.inputValue()).resolves.toBe('Check school enrolment and meals');
    await expect(focused()).resolves.toBe(await comments.getAttribute('id'));

    // The comment typed is not saved: Back asks, and the user leaves without it.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.goBack();
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Amina Mensah' }).count()).resolves.toBe(0);
  });

  it('opens an approval waiting for the supervisor at its approve and reject buttons', async () => {
    const token = await stack.login('cw_gh');
    const asked = await stack.call('PATCH', `/api/v2/cases/${AMINA}/approvals/case_plan`, {
      token,
      body: { data: { approval_status: 'requested' } },
    });
    expect(asked.status).toBe(200);
    const page = await phone('sup_gh');
    await page.getByRole('button', { name: /Amina Mensah Case plan approval requested/ }).click();
    const approve = page.getByRole('button', { name: 'Approve case plan' });
    await approve.waitFor();
    await expect(page.getByRole('button', { name: 'Reject case plan' }).isVisible()).resolves.toBe(true);
    await expect(onScreen(page, '#at-approvals')).resolves.toBe(true);

    await page.goBack();
    await page.getByRole('heading', { name: 'Approvals waiting for me' }).waitFor();
  });

  it('opens a referral to accept at its accept and reject buttons', async () => {
    const token = await stack.login('cw_gh');
    const sent = await stack.call('POST', `/api/v2/cases/${AMINA}/referrals`, {
      token,
      body: { data: { transitioned_to: 'cw2_gh', notes: 'Needs school support' } },
    });
    expect(sent.status).toBeLessThan(300);
    const page = await phone('cw2_gh');
    await page.getByRole('button', { name: /Amina Mensah referral to accept/ }).click();
    await page.getByRole('button', { name: 'Accept referral' }).waitFor();
    await expect(page.getByRole('button', { name: 'Reject referral' }).isVisible()).resolves.toBe(true);
    await expect(onScreen(page, '#at-incoming')).resolves.toBe(true);

    // Rejected, the case is not the recipient's: the screen says so, and its buttons go (they stayed).
    await page.getByRole('button', { name: 'Reject referral' }).click();
    await page.getByRole('alert').getByText('This case is no longer in your caseload').waitFor();
    await expect(page.getByRole('button', { name: /referral$/ }).count()).resolves.toBe(0);
  });

  it('opens the follow-up in French with the form’s own buttons and the help in French too', async () => {
    const token = await stack.login('cw_gh');
    const amina = (await stack.call('GET', `/api/v2/cases/${AMINA}`, { token })).body.data;
    const page = await phone('cw_gh');
    await page.getByLabel('Language').selectOption({ label: 'français' });
    await page.getByRole('heading', { name: 'Mes tâches' }).waitFor();
    await page
      .getByRole('button', { name: new RegExp(`^Suivi · Amina Mensah ${amina.case_id_display} · `) })
      .click();
    const entry = page.getByRole('group', { name: /Suivi 1/ });
    await entry.getByRole('button', { name: 'Terminer Suivi 1' }).click();
    await page.getByRole('button', { name: 'Modifier Suivi 1' }).waitFor();
    await page.getByRole('button', { name: 'Aide' }).click();
    await page.getByRole('heading', { name: 'Aide\u202f: Un dossier' }).waitFor();
    await page.getByText(/^Modifiez les champs et appuyez sur Enregistrer/).waitFor();
  });

  it('lists every task of a caseload longer than a page, and says whose tasks it cannot show', async () => {
    const token = await stack.login('cw_gh');
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const withFollowUp = (name: string) =>
      stack.call('POST', '/api/v2/cases', {
        token,
        body: {
          data: {
            name,
            followup_subform_section: [{ followup_type: 'home_visit', followup_needed_by_date: soon }],
          },
        },
      });
    // More cases with work than the API's default page of 20 tasks.
    const made: { id: string; case_id_display: string }[] = [];
    for (let i = 0; i < 24; i += 6)
      made.push(
        ...(await Promise.all([0, 1, 2, 3, 4, 5].map((j) => withFollowUp(`Caseload Child ${i + j}`)))).map(
          (res) => res.body.data,
        ),
      );
    const broken = (await withFollowUp('Caseload Child Tampered')).body.data as { id: string };
    const records = stack.app.containers.records;
    await tamperWithSealed(records, broken.id);
    try {
      const page = await phone('cw_gh');
      const notice = page.getByRole('status').filter({ hasText: 'The tasks of a case cannot be shown' });
      await notice.waitFor();
      await expect(notice.textContent()).resolves.toContain(broken.id);
      const tasks = page.locator('ul.list').first().getByRole('button');
      await expect(tasks.count()).resolves.toBeGreaterThan(made.length);
      const listed = (await tasks.allTextContents()).join('\n');
      expect(made.filter((c) => !listed.includes(c.case_id_display))).toEqual([]);
      await notice.scrollIntoViewIfNeeded();
      await checkScreen(page, 'home-unreadable');
    } finally {
      await records.item(broken.id, ['GH', broken.id]).delete();
    }
  });

  it('still shows an approval asked for before more than 200 other cases changed', async () => {
    const token = await stack.login('cw_gh');
    const older = (
      await stack.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Waiting Long Child' } } })
    ).body.data as { id: string };
    const asked = await stack.call('PATCH', `/api/v2/cases/${older.id}/approvals/case_plan`, {
      token,
      body: { data: { approval_status: 'requested' } },
    });
    expect(asked.status).toBe(200);
    // The caseload moves on: 205 cases change after the request.
    for (let i = 0; i < 205; i += 15)
      await Promise.all(
        Array.from({ length: 15 }, (_, j) =>
          stack.call('POST', '/api/v2/cases', {
            token,
            body: { data: { name: `Busy Week Child ${i + j}` } },
          }),
        ),
      );
    const page = await phone('sup_gh');
    await page.getByRole('button', { name: /Waiting Long Child Case plan approval requested/ }).click();
    await page.getByRole('button', { name: 'Approve case plan' }).waitFor();
  });

  it('says how many cases are flagged when more are flagged than it lists', async () => {
    const token = await stack.login('cw_gh');
    const busy = (
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          stack.call('POST', '/api/v2/cases', { token, body: { data: { name: `Flag Week Child ${i}` } } }),
        ),
      )
    ).map((r) => r.body.data as { id: string });
    const flagged = await stack.call('POST', '/api/v2/cases/flags', {
      token,
      body: { data: { ids: busy.map((c) => c.id), record_type: 'cases', message: 'Review this week' } },
    });
    expect(flagged.status).toBe(200);
    const total = (await stack.call('GET', '/api/v2/cases?flagged=true&per=1', { token })).body.metadata
      .total as number;
    expect(total).toBeGreaterThanOrEqual(25);
    const page = await phone('cw_gh');
    const queue = page.getByRole('region', { name: 'Flagged cases' });
    await queue.getByText(`Cases flagged: ${total}`).waitFor();
    await expect(queue.getByRole('button', { name: / flagged · / }).count()).resolves.toBe(20);
    await queue.getByText('The 20 changed last are listed here.').waitFor();
    await queue.getByRole('button', { name: 'List every flagged case' }).scrollIntoViewIfNeeded();
    await checkScreen(page, 'home-flagged-more-phone');
    // The rest are one press away: the Cases list with only the flagged, closed ones too.
    await queue.getByRole('button', { name: 'List every flagged case' }).click();
    await page.getByText(`${total} cases`).waitFor();
    // Folded, the filters still say the list is filtered, and the list opens at its top to show them.
    await page.getByText('More filters (1 on)').waitFor();
    await expect(page.evaluate('window.scrollY')).resolves.toBe(0);
    await expect(page.getByLabel('Flagged only').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Status').inputValue()).resolves.toBe('');
  });
});
