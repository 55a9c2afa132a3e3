import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { EmailClient } from '@azure/communication-email';
import { EmailChannel } from '../../src/notifications/emailChannel';
import { AcsEmailFake } from '../support/acsEmailFake';
import { FakeEntra } from '../support/fakeEntra';
import { startTestApp, type TestApp } from '../support/testApp';

// Notifications by e-mail through Azure Communication Services: the real SDK against a fake that speaks
// the ACS REST protocol (managed-identity tokens or request signing, send operation, status polling).
const entra = new FakeEntra();
const acs = new AcsEmailFake(entra);
const trustFake = () => ({ tlsOptions: { ca: readFileSync(acs.caPath, 'utf8') } });
let t: TestApp;
beforeAll(async () => {
  await acs.start();
  // As in Azure: the endpoint and the app's managed identity, no access key.
  t = await startTestApp(
    {
      NOTIFY_CHANNEL: 'email',
      ACS_ENDPOINT: acs.endpoint,
      ACS_CA_CERT_PATH: acs.caPath,
      NOTIFY_EMAIL_SENDER: 'DoNotReply@primero.example.org',
    },
    { credential: entra.credential() },
  );
});
afterAll(async () => {
  await t.close();
  await acs.stop();
});

const message = (extra: Record<string, string> = {}) => ({
  message_id: randomBytes(16).toString('hex'),
  country_code: 'GH',
  user_name: 'cw_gh',
  record_id: '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0001',
  case_id_display: '6c1d0001',
  alert_for: 'followup_due',
  due_at: '2026-11-27T00:00:00.000Z',
  ...extra,
});

it('mails the caseworker once per message, naming the case by reference only, without tracking', async () => {
  const m = message();
  await t.host.invoke('notifications-sender', m);
  await t.host.invoke('notifications-sender', m); // redelivered by the queue
  const mails = acs.sent.filter((s) => s.plainText.includes('6c1d0001'));
  expect(mails).toHaveLength(1);
  expect(mails[0]).toMatchObject({
    senderAddress: 'DoNotReply@primero.example.org',
    to: ['cw_gh@example.org'],
    subject: 'A follow-up is overdue: case 6c1d0001',
    trackingDisabled: true,
  });
  // The demo child's name is nowhere in the mail.
  expect(JSON.stringify(mails)).not.toContain('Amina');
  expect(acs.unauthorized).toBe(0);
  // Sent with the managed identity's token for the scope the SDK asks for.
  expect(entra.requested).toContainEqual(['https://communication.azure.com//.default']);
});

it('one message delivered to 10 senders at once is mailed once', async () => {
  const m = message({ case_id_display: '6c1d0777' });
  const before = await t.app.notificationStats.read('GH');
  await Promise.all(Array.from({ length: 10 }, () => t.host.invoke('notifications-sender', m)));
  // ACS itself folds repeats of one operation id; our count shows how many sends we made.
  expect((await t.app.notificationStats.read('GH')).sent).toBe(before.sent + 1);
  expect(acs.sent.filter((s) => s.plainText.includes('6c1d0777'))).toHaveLength(1);
});

it('a repeated send with the same message id is one ACS operation, even without our receipt', async () => {
  const channel = new EmailChannel(new EmailClient(acs.connectionString, trustFake()), {
    sender: 'DoNotReply@primero.example.org',
    pollIntervalMs: 10,
  });
  const delivery = {
    message_id: randomBytes(16).toString('hex'),
    to: { user_name: 'sup_gh', email: 'sup_gh@example.org' },
    subject: 'An approval is waiting: case 1234567',
    text: '- case 1234567: approval since 2026-11-20',
    data: {},
  };
  await channel.deliver(delivery);
  await channel.deliver(delivery);
  expect(acs.sent.filter((s) => s.subject.includes('1234567'))).toHaveLength(1);
});

it('a bounced address or a missing one fails the delivery, so that the queue retries and parks it', async () => {
  const admin = await t.login('admin_gh');
  const counts = async () =>
    (await t.call('GET', '/api/v2/reminders/status', { token: admin })).body.data as {
      messages_sent: number;
      messages_failed: number;
    };
  const before = await counts();
  acs.bounce.add('cw2_gh@example.org');
  await expect(t.host.invoke('notifications-sender', message({ user_name: 'cw2_gh' }))).rejects.toThrow(
    /EmailDroppedAllRecipientsSuppressed/,
  );
  const channel = new EmailChannel(new EmailClient(acs.connectionString, trustFake()), {
    sender: 'a@b.org',
    pollIntervalMs: 10,
  });
  await expect(
    channel.deliver({
      message_id: randomBytes(16).toString('hex'),
      to: { user_name: 'x' },
      subject: 's',
      text: 't',
      data: {},
    }),
  ).rejects.toThrow('user x has no e-mail address');
  // Nothing was counted as sent for the failed messages; the bounce through the sender counted as failed.
  const after = await counts();
  expect(after.messages_sent).toBe(before.messages_sent);
  expect(after.messages_failed).toBeGreaterThan(before.messages_failed);
});

it('a wrong access key is refused by the service', async () => {
  const wrong = acs.connectionString.replace(
    /accesskey=.*/,
    `accesskey=${randomBytes(32).toString('base64')}`,
  );
  const channel = new EmailChannel(new EmailClient(wrong, trustFake()), {
    sender: 'a@b.org',
    pollIntervalMs: 10,
  });
  const before = acs.unauthorized;
  await expect(
    channel.deliver({
      message_id: randomBytes(16).toString('hex'),
      to: { user_name: 'x', email: 'x@example.org' },
      subject: 's',
      text: 't',
      data: {},
    }),
  ).rejects.toThrow();
  expect(acs.unauthorized).toBeGreaterThan(before);
});

it('a managed identity whose token is for another resource is refused by the service', async () => {
  const misconfigured = EmailChannel.create(
    {
      endpoint: acs.endpoint,
      ca: readFileSync(acs.caPath, 'utf8'),
      credential: () => entra.credential({ scope: 'https://vault.azure.net/.default' }),
    },
    { sender: 'a@b.org', pollIntervalMs: 10 },
  );
  const before = acs.unauthorized;
  const sent = acs.sent.length;
  await expect(
    misconfigured.deliver({
      message_id: randomBytes(16).toString('hex'),
      to: { user_name: 'x', email: 'x@example.org' },
      subject: 's',
      text: 't',
      data: {},
    }),
  ).rejects.toMatchObject({ statusCode: 401 });
  expect(acs.unauthorized).toBeGreaterThan(before);
  expect(acs.sent.length).toBe(sent);
});
