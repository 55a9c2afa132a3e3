import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueServiceClient } from '@azure/storage-queue';
import { totpCode } from '../../src/auth/totp';
import { storageConnectionString } from '../../src/local/emulators';
import { NotificationQueue } from '../../src/notifications/notificationQueue';
import { emulatorInfo } from '../support/emulatorEnv';
import { PASSWORD, startTestApp, TOTP_SECRET, type TestApp } from '../support/testApp';

const outbox = join(mkdtempSync(join(tmpdir(), 'lockout-')), 'outbox.jsonl');
// A queue of this file's own: other test files drain the shared `notifications` queue.
const queueName = `lockout-${process.pid}`;
const queue = QueueServiceClient.fromConnectionString(
  storageConnectionString(emulatorInfo().ports),
).getQueueClient(queueName);

let t: TestApp;
let adminToken: string;
beforeAll(async () => {
  t = await startTestApp({
    NOTIFY_OUTBOX: outbox,
    LOGIN_FREE_FAILURES: '3',
    LOGIN_MAX_DELAY_SECONDS: '60',
    LOGIN_LOCKOUT_FAILURES: '10',
    LOGIN_LOCKOUT_SOURCES: '4',
    LOGIN_LOCKOUT_MINUTES: '30',
  });
  await queue.createIfNotExists();
  Object.defineProperty(t.app.notifications, 'queue', { value: new NotificationQueue(queue) });
  adminToken = await t.login('admin_gh');
});
afterAll(async () => {
  await queue.deleteIfExists();
  await t.close();
});

const signIn = (from: string, user: Record<string, unknown>) =>
  t.call('POST', '/api/v2/tokens', { body: { user }, headers: { 'X-Forwarded-For': from } });
const wrong = (from: string, userName: string) =>
  signIn(from, { user_name: userName, password: 'wrong-guess' });
const right = (from: string, userName: string) => signIn(from, { user_name: userName, password: PASSWORD });
const SECOND = 1000;

describe('sign-in throttling per (user name, client address)', () => {
  it('makes one source wait longer after each failure, without touching other sources', async () => {
    const attacker = '198.51.100.7';
    for (let i = 0; i < 4; i++) expect((await wrong(attacker, 'sup_gh')).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const refused = await right(attacker, 'sup_gh');
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get('retry-after'));
      waits.push(wait);
      t.clock.advance(wait * SECOND);
      expect((await wrong(attacker, 'sup_gh')).status).toBe(401);
    }
    expect(waits).toEqual([2, 4, 8]);
    // The account's owner, elsewhere, is not slowed down at all.
    expect((await right('203.0.113.20', 'sup_gh')).status).toBe(200);
    // The address the front end appended counts, not what the client wrote before it.
    expect((await right(`203.0.113.20, ${attacker}`, 'sup_gh')).status).toBe(429);
  });

  it('a single source, however persistent, cannot lock the account', async () => {
    const attacker = '198.51.100.8';
    for (let i = 0; i < 15; i++) {
      expect((await wrong(attacker, 'cw2_gh')).status).toBe(401);
      t.clock.advance(61 * SECOND); // past the longest wait: every guess is answered
    }
    expect((await right('203.0.113.21', 'cw2_gh')).status).toBe(200);
  });

  it('a success from a source clears its wait', async () => {
    const owner = '203.0.113.22';
    for (let i = 0; i < 3; i++) await wrong(owner, 'cw_ke');
    expect((await right(owner, 'cw_ke')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await wrong(owner, 'cw_ke')).status).toBe(401);
    expect((await right(owner, 'cw_ke')).status).toBe(200);
  });
});

describe('account lockout on sustained failures from many sources', () => {
  const user = 'gbv_gh';
  const home = '203.0.113.30';

  it('locks, lets the owner in from a known source, tells the owner, and is audited', async () => {
    expect((await right(home, user)).status).toBe(200); // the owner's usual place
    // 10 failures from 4 botnet addresses within the hour, each under its own throttle.
    for (let i = 0; i < 10; i++) {
      expect((await wrong(`192.0.2.${i % 4}`, user)).status).toBe(401);
      t.clock.advance(SECOND);
    }
    const elsewhere = await right('203.0.113.99', user);
    expect(elsewhere.status).toBe(429);
    expect(elsewhere.body.errors[0].message).toMatch(/locked/);
    // In the language of the sign-in screen, too.
    const inArabic = await t.call('POST', '/api/v2/tokens', {
      body: { user: { user_name: user, password: PASSWORD } },
      headers: { 'X-Forwarded-For': '203.0.113.98', 'Accept-Language': 'ar' },
    });
    expect([inArabic.status, inArabic.body.errors[0].message]).toEqual([
      429,
      'عدد كبير جدًا من محاولات تسجيل الدخول الفاشلة: هذا الحساب مقفل مؤقتًا؛ حاول مرة أخرى لاحقًا',
    ]);
    expect(Number(elsewhere.headers.get('retry-after'))).toBeGreaterThan(25 * 60);
    expect((await right(home, user)).status).toBe(200);

    const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 10 });
    expect(receivedMessageItems).toHaveLength(1);
    const message = JSON.parse(Buffer.from(receivedMessageItems[0]!.messageText, 'base64').toString());
    expect(message).toMatchObject({ kind: 'account_locked', user_name: user, country_code: 'GH' });
    await t.host.invoke('notifications-sender', message);
    const delivered = readFileSync(outbox, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(delivered).toEqual([
      expect.objectContaining({
        to: expect.objectContaining({ user_name: user }),
        subject: expect.stringMatching(/locked/),
      }),
    ]);

    const audit = await t.call(
      'GET',
      `/api/v2/audit_logs?user_name=${user}&audit_log_actions[]=account_locked`,
      {
        token: adminToken,
      },
    );
    expect(audit.body.data).toHaveLength(1);
  });

  it('an administrator unlocks it (audited); a caseworker may not', async () => {
    const id = `user-${user}`;
    const denied = await t.call('POST', `/api/v2/users/${id}/unlock`, { token: await t.login('cw_gh') });
    expect(denied.status).toBe(403);
    expect((await t.call('POST', '/api/v2/users/user-cw_ke/unlock', { token: adminToken })).status).toBe(404);
    expect((await right('203.0.113.99', user)).status).toBe(429);
    // The admin's list says who is locked out and until when, nothing about the attempts.
    const lockState = async () => {
      const listed = await t.call('GET', '/api/v2/users?per=100', { token: adminToken });
      expect(listed.status).toBe(200);
      return Object.fromEntries(
        (listed.body.data as { user_name: string; locked: boolean; locked_until: string | null }[]).map(
          (u) => [u.user_name, [u.locked, u.locked_until]],
        ),
      );
    };
    const before = await lockState();
    const [locked, until] = before[user] ?? [];
    expect(locked).toBe(true);
    expect(Date.parse(String(until)) - Date.now()).toBeGreaterThan(25 * 60_000);
    expect(before.cw_gh).toEqual([false, null]);
    const listedUser = (await t.call('GET', '/api/v2/users?per=100', { token: adminToken })).body.data.find(
      (u: { user_name: string }) => u.user_name === user,
    );
    expect(Object.keys(listedUser)).not.toEqual(expect.arrayContaining(['recent_failures']));
    // The user's own page says it too.
    const read = async () => (await t.call('GET', `/api/v2/users/${id}`, { token: adminToken })).body.data;
    expect(await read()).toMatchObject({ user_name: user, locked: true, locked_until: until });

    const unlocked = await t.call('POST', `/api/v2/users/${id}/unlock`, { token: adminToken });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.data).toMatchObject({ id, user_name: user, was_locked: true });
    expect((await lockState())[user]).toEqual([false, null]);
    expect(await read()).toMatchObject({ locked: false, locked_until: null });
    expect((await right('203.0.113.99', user)).status).toBe(200);
    const audit = await t.call('GET', `/api/v2/audit_logs?record_id=${id}&audit_log_actions[]=user_unlock`, {
      token: adminToken,
    });
    expect(audit.body.data).toEqual([
      expect.objectContaining({ user_name: 'admin_gh', action: 'user_unlock' }),
    ]);
  });
});

describe('two-factor accounts', () => {
  it('the right password without a code gets exactly the answer of a wrong password', async () => {
    const from = '203.0.113.40';
    const noCode = await right(from, 'admin_gh');
    const badPassword = await wrong(from, 'admin_gh');
    const unknown = await wrong(from, 'nobody_at_all');
    for (const res of [noCode, badPassword, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body.errors).toEqual(unknown.body.errors);
    }
    t.clock.advance(60 * SECOND);
    const code = totpCode(TOTP_SECRET, t.clock.now());
    expect((await signIn(from, { user_name: 'admin_gh', password: PASSWORD, totp_code: code })).status).toBe(
      200,
    );
  });
});
