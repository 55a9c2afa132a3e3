import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueServiceClient } from '@azure/storage-queue';
import { defaultRecordRoles } from '../../src/forms/fieldRoles';
import { computeReminders } from '../../src/reminders/reminderRules';
import { runEveryCountry } from '../../src/reminders/reminderRounds';
import { WebhookChannel } from '../../src/notifications/channels';
import { sendNotification } from '../../src/notifications/notificationSender';
import { QueueListener } from '../../src/local/queueListener';
import { storageConnectionString } from '../../src/local/emulators';
import { emulatorInfo } from '../support/emulatorEnv';
import { tamperWithSealed } from '../support/tamper';
import { deliverQueued as deliverQueuedTo } from '../support/deliverQueued';
import { startTestApp, type TestApp } from '../support/testApp';

const outbox = join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox.jsonl');
const queues = QueueServiceClient.fromConnectionString(storageConnectionString(emulatorInfo().ports));
let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({ NOTIFY_OUTBOX: outbox });
  token = await t.login('cw_gh');
});
afterAll(() => t.close());

const day = (offset: number) =>
  new Date(t.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const newCase = async (data: Record<string, unknown>, as = token) =>
  (await t.call('POST', '/api/v2/cases', { token: as, body: { data } })).body.data as {
    id: string;
    case_id_display: string;
  };
const runJob = () => t.host.invoke('reminders', { isPastDue: false });
// admin_gh signs in with a one-time code, which is refused when used twice: one sign-in for the file.
let admin: Promise<string> | undefined;
const adminToken = () => (admin ??= t.login('admin_gh'));
const deliverQueued = () => deliverQueuedTo(queues, t.host);
const outboxLines = () =>
  readFileSync(outbox, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const alertsOf = async (id: string) =>
  (await t.call('GET', `/api/v2/cases/${id}/alerts`, { token })).body.data as {
    alert_for: string;
    unique_id: string;
  }[];

describe('reminders job', () => {
  it('a follow-up due yesterday: exactly one alert and one notification after two runs', async () => {
    const c = await newCase({
      name: 'Overdue Followup',
      followup_subform_section: [{ followup_type: 'home_visit', followup_needed_by_date: day(-1) }],
    });
    await runJob();
    await runJob();
    await deliverQueued();
    const alerts = await alertsOf(c.id);
    expect(alerts.map((a) => a.alert_for)).toEqual(['followup_due']);
    const record = (await t.call('GET', `/api/v2/cases/${c.id}`, { token })).body.data;
    expect(record).toMatchObject({ alert_count: 1, next_due_at: null });
    const lines = outboxLines().filter((l) => l.data.record_id === c.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      to: { user_name: 'cw_gh', email: 'cw_gh@example.org' },
      data: { alert_for: 'followup_due', case_id_display: c.case_id_display },
    });
    expect(JSON.stringify(lines)).not.toContain('Overdue Followup');
  });

  it('two runs at once (overlapping job instances) make one alert and one notification', async () => {
    const c = await newCase({
      name: 'Concurrent Followup',
      followup_subform_section: [{ followup_type: 'home_visit', followup_needed_by_date: day(-1) }],
    });
    await Promise.all([runJob(), runJob(), runJob()]);
    await deliverQueued();
    expect((await alertsOf(c.id)).map((a) => a.alert_for)).toEqual(['followup_due']);
    const record = (await t.call('GET', `/api/v2/cases/${c.id}`, { token })).body.data;
    expect(record).toMatchObject({ alert_count: 1, next_due_at: null });
    expect(outboxLines().filter((l) => l.data.record_id === c.id)).toHaveLength(1);
  });

  it('a redelivered message is not sent twice', async () => {
    const c = await newCase({
      name: 'Redelivered',
      followup_subform_section: [{ followup_needed_by_date: day(-3) }],
    });
    await runJob();
    const queue = queues.getQueueClient('notifications');
    const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32 });
    const message = JSON.parse(
      Buffer.from(
        receivedMessageItems.find((m) => Buffer.from(m.messageText, 'base64').toString().includes(c.id))!
          .messageText,
        'base64',
      ).toString(),
    );
    await t.host.invoke('notifications-sender', message);
    await t.host.invoke('notifications-sender', message);
    for (const m of receivedMessageItems) await queue.deleteMessage(m.messageId, m.popReceipt);
    expect(outboxLines().filter((l) => l.data.record_id === c.id)).toHaveLength(1);
  });

  it('a follow-up completed before the run gives no alert', async () => {
    const c = await newCase({
      name: 'Done Followup',
      followup_subform_section: [{ followup_needed_by_date: day(-2), followup_date: day(-2) }],
    });
    await runJob();
    expect(await alertsOf(c.id)).toEqual([]);
  });

  it('a service due in 3 hours is not alerted yet; it is once overdue', async () => {
    const c = await newCase({
      name: 'Service Soon',
      services_section: [
        {
          service_type: 'health',
          service_response_day_time: t.clock.now().toISOString(),
          service_response_timeframe: '3_hours',
        },
      ],
    });
    await runJob();
    expect(await alertsOf(c.id)).toEqual([]);
    t.clock.advance(4 * 3_600_000);
    token = await t.login('cw_gh'); // the session expired meanwhile
    await runJob();
    expect((await alertsOf(c.id)).map((a) => a.alert_for)).toEqual(['service_due']);
  });

  it('alerts can be listed per record, counted across the scope, and dismissed', async () => {
    const c = await newCase({
      name: 'Dismiss Me',
      assessment_due_date: day(-5),
      case_plan_due_date: day(-5),
    });
    await runJob();
    const alerts = await alertsOf(c.id);
    expect(alerts.map((a) => a.alert_for).sort()).toEqual(['assessment_due', 'case_plan_due']);
    const counts = await t.call('GET', '/api/v2/alerts', { token });
    expect(counts.body.data.case).toBeGreaterThan(0);
    const res = await t.call('DELETE', `/api/v2/cases/${c.id}/alerts/${alerts[0]?.unique_id}`, { token });
    expect(res.status).toBe(200);
    expect((await t.call('GET', `/api/v2/cases/${c.id}`, { token })).body.data.alert_count).toBe(1);
    expect(
      (await t.call('GET', `/api/v2/cases/${c.id}/alerts`, { token: await t.login('cw_ke') })).status,
    ).toBe(404);
  });
});

describe('time zones', () => {
  it('a follow-up due today in Nairobi is not overdue at 23:00 UTC of the previous day', async () => {
    const [r] = computeReminders(
      {
        status: 'open',
        followup_subform_section: [{ unique_id: 'f1', followup_needed_by_date: '2026-12-10' }],
      },
      'Africa/Nairobi',
      defaultRecordRoles,
    );
    expect(r?.due_at).toBe('2026-12-10T21:00:00.000Z'); // midnight in Nairobi (UTC+3) after the 10th
    // What the server stores for a KE case, and the job compares with its clock, is that same instant.
    const c = await newCase(
      { name: 'Nairobi Tenth', followup_subform_section: [{ followup_needed_by_date: '2026-12-10' }] },
      await t.login('cw_ke'),
    );
    const { resource } = await t.app.containers.records.item(c.id, ['KE', c.id]).read();
    expect(resource?.next_due_at).toBe('2026-12-10T21:00:00.000Z');
    const [accra] = computeReminders(
      {
        status: 'open',
        followup_subform_section: [{ unique_id: 'f1', followup_needed_by_date: '2026-12-10' }],
      },
      'Africa/Accra',
      defaultRecordRoles,
    );
    expect(accra?.due_at).toBe('2026-12-11T00:00:00.000Z');
  });

  it("the job agrees: at 23:00 UTC, a KE follow-up due on Nairobi's today is not alerted", async () => {
    const now = t.clock.now();
    const target = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 23, 0, 0);
    t.clock.advance(target - now.getTime());
    token = await t.login('cw_gh');
    const nairobiToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Nairobi' }).format(
      t.clock.now(),
    );
    const ke = await t.login('cw_ke');
    const c = await newCase(
      { name: 'Nairobi Today', followup_subform_section: [{ followup_needed_by_date: nairobiToday }] },
      ke,
    );
    await runJob();
    expect((await t.call('GET', `/api/v2/cases/${c.id}/alerts`, { token: ke })).body.data).toEqual([]);
  });
});

describe('due dates are local calendar dates', () => {
  const tasksOf = async (as: string, id: string) =>
    (
      (await t.call('GET', '/api/v2/tasks?per=1000', { token: as })).body.data as Record<string, string>[]
    ).filter((x) => x.record_id === id);

  it('in GH (UTC) and KE (UTC+3), alerts and tasks carry the date the caseworker entered', async () => {
    const gh = await newCase({ name: 'Accra Due', assessment_due_date: '2026-11-28' });
    const ke = await t.login('cw_ke');
    const kenyan = await newCase(
      { name: 'Nairobi Due', followup_subform_section: [{ followup_needed_by_date: '2026-11-27' }] },
      ke,
    );
    expect((await tasksOf(token, gh.id)).map((x) => x.due_date)).toEqual(['2026-11-28']);
    expect((await tasksOf(ke, kenyan.id)).map((x) => x.due_date)).toEqual(['2026-11-27']);
    await runJob();
    const dates = async (id: string, as: string) =>
      (
        (await t.call('GET', `/api/v2/cases/${id}/alerts`, { token: as })).body.data as { date: string }[]
      ).map((a) => a.date);
    expect(await dates(gh.id, token)).toEqual(['2026-11-28']);
    expect(await dates(kenyan.id, ke)).toEqual(['2026-11-27']);
  });

  it('the notification reads "Case plan due since 28 Nov 2026", in the user\'s locale, naming the case', async () => {
    const c = await newCase({ name: 'Readable Plan', case_plan_due_date: '2026-11-28' });
    await runJob();
    await deliverQueued();
    const [mail] = outboxLines().filter((l) => l.data.record_id === c.id);
    expect(mail.text).toContain(`- case ${c.case_id_display}: Case plan due since 28 Nov 2026`);
    expect(mail.subject).toBe(`A case plan is overdue: case ${c.case_id_display}`);
  });
});

describe('notification failures', () => {
  it('a message that keeps failing ends in the poison queue after 5 tries', async () => {
    let calls = 0;
    const failing = createServer((_req, res) => {
      calls += 1;
      res.writeHead(503).end();
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const channel = new WebhookChannel(`http://127.0.0.1:${(failing.address() as AddressInfo).port}/hook`);
    const name = `notify-fail-${Date.now()}`;
    const listener = new QueueListener({
      queueName: name,
      service: queues,
      maxDequeueCount: 5,
      visibilityTimeoutSeconds: 0,
      maxPollingIntervalMs: 100,
      batchSize: 16,
      handle: async (input) => {
        await sendNotification(
          { channel, users: t.app.users, receipts: t.app.containers.sync, stats: t.app.notificationStats },
          input,
        );
      },
      onError: () => undefined,
    });
    await listener.start();
    const message = {
      message_id: 'a'.repeat(32),
      country_code: 'GH',
      user_name: 'cw_gh',
      record_id: 'r1',
      case_id_display: 'abc1234',
      alert_for: 'followup_due',
      due_at: new Date().toISOString(),
    };
    await queues.getQueueClient(name).sendMessage(Buffer.from(JSON.stringify(message)).toString('base64'));
    const poison = queues.getQueueClient(`${name}-poison`);
    const deadline = Date.now() + 20_000;
    let poisoned = 0;
    while (Date.now() < deadline && poisoned === 0) {
      await new Promise((r) => setTimeout(r, 200));
      poisoned = (await poison.peekMessages().catch(() => ({ peekedMessageItems: [] }))).peekedMessageItems
        .length;
    }
    await listener.stop();
    failing.close();
    expect(poisoned).toBe(1);
    expect(calls).toBe(5);
  }, 30_000);
});

describe('digest and operations view', () => {
  it('with notification_digest, a caseworker gets one message listing all their new alerts', async () => {
    const settings = await t.app.settings.get('GH');
    await t.app.containers.config.items.upsert({ ...settings, notification_digest: true });
    (t.app.settings as unknown as { cache: Map<string, unknown> }).cache.clear();
    const sup = await t.login('sup_gh');
    const a = await newCase(
      { name: 'Digest One', followup_subform_section: [{ followup_needed_by_date: day(-1) }] },
      sup,
    );
    const b = await newCase({ name: 'Digest Two', case_plan_due_date: day(-2) }, sup);
    await runJob();
    await runJob();
    await deliverQueued();
    const digests = outboxLines().filter((l) => l.to.user_name === 'sup_gh');
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe('2 cases need your attention');
    expect(digests[0].data.cases.split(',').sort()).toEqual([a.case_id_display, b.case_id_display].sort());
    await t.app.containers.config.items.upsert({ ...settings, notification_digest: false });
    (t.app.settings as unknown as { cache: Map<string, unknown> }).cache.clear();
  });

  it('GET /reminders/status shows the last run and the deliveries, to administrators only', async () => {
    // It makes its own run, delivery and failure and reads the change, so it holds alone and in any order.
    const admin = await adminToken();
    const status = async () => (await t.call('GET', '/api/v2/reminders/status', { token: admin })).body.data;
    const before = await status();
    await newCase({ name: 'Status Child', case_plan_due_date: day(-1) });
    await runJob();
    await deliverQueued();
    // One delivery that fails: a webhook nobody listens on.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const message = {
      message_id: 'b'.repeat(32),
      country_code: 'GH',
      user_name: 'cw_gh',
      record_id: 'r-status',
      case_id_display: 'status1',
      alert_for: 'followup_due',
      due_at: new Date().toISOString(),
    };
    await expect(
      sendNotification(
        {
          channel: new WebhookChannel(`http://127.0.0.1:${port}/hook`),
          users: t.app.users,
          receipts: t.app.containers.sync,
          stats: t.app.notificationStats,
        },
        message,
      ),
    ).rejects.toThrow();
    const res = await t.call('GET', '/api/v2/reminders/status', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ country_code: 'GH', last_run_at: expect.any(String) });
    expect(res.body.data.messages_sent - (before?.messages_sent ?? 0)).toBeGreaterThanOrEqual(1);
    expect(res.body.data.messages_failed - (before?.messages_failed ?? 0)).toBe(1);
    expect((await t.call('GET', '/api/v2/reminders/status', { token })).status).toBe(403);
  });
});

describe('one record or one country does not hold back the others', () => {
  it('a due case that fails its integrity check gets none; the others get theirs; the status names it', async () => {
    const admin = await adminToken();
    const overdue = (name: string) =>
      newCase({
        name,
        followup_subform_section: [{ followup_type: 'home_visit', followup_needed_by_date: day(-1) }],
      });
    const [before, tampered, after] = [
      await overdue('Before'),
      await overdue('Tampered'),
      await overdue('After'),
    ];
    const records = t.app.containers.records;
    await tamperWithSealed(records, tampered.id);
    try {
      await runJob();
      await deliverQueued();
      for (const c of [before, after]) {
        expect((await alertsOf(c.id)).map((a) => a.alert_for)).toEqual(['followup_due']);
        expect(outboxLines().filter((l) => l.data.record_id === c.id)).toHaveLength(1);
      }
      expect(outboxLines().filter((l) => l.data.record_id === tampered.id)).toHaveLength(0);
      const status = (await t.call('GET', '/api/v2/reminders/status', { token: admin })).body.data;
      expect(status).toMatchObject({
        records_unreadable: 1,
        unreadable_records: [tampered.id],
        last_failure: null,
      });
    } finally {
      await records.item(tampered.id, ['GH', tampered.id]).delete();
    }
  });

  it('a country whose run fails is recorded as failed; the countries after it still run; the run fails', async () => {
    const admin = await adminToken();
    const status = async () => (await t.call('GET', '/api/v2/reminders/status', { token: admin })).body.data;
    await runJob();
    const lastGood = await status();
    const ran: string[] = [];
    const deps = { config: t.app.containers.config, now: () => t.clock.now(), log: () => {}, warn: () => {} };
    const refused = Object.assign(new Error('Timeout Error! Request took more than 10000 ms'), {
      code: 'TimeoutError',
    });
    await expect(
      runEveryCountry(deps, ['GH', 'KE'], async (country) => {
        if (country === 'GH') throw refused;
        ran.push(country);
        return {
          country_code: country,
          records: 0,
          alerts_created: 0,
          notifications_enqueued: 0,
          unreadable_records: [],
        };
      }),
    ).rejects.toThrow('reminders failed for GH (dependency_unavailable)');
    expect(ran).toEqual(['KE']);
    // The failure beside the last good run's figures, which stay.
    expect(await status()).toMatchObject({
      last_run_at: lastGood.last_run_at,
      records_due: lastGood.records_due,
      last_failure: 'dependency_unavailable',
      last_failure_at: expect.any(String),
    });
    expect(Date.parse((await status()).last_failure_at)).toBeGreaterThan(Date.parse(lastGood.last_run_at));
    await runJob();
    expect(await status()).toMatchObject({ last_failure: null, last_failure_at: null });
  });
});
