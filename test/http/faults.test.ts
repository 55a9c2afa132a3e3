import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueServiceClient } from '@azure/storage-queue';
import {
  emulatorAppSettings,
  storageConnectionString,
  type RunningEmulators,
} from '../../src/local/emulators';
import { startEmulatorsOnFreePorts } from '../../src/local/freePorts';
import { deliverQueued as deliverQueuedTo } from '../support/deliverQueued';
import { startTestApp, type ApiResult, type TestApp } from '../support/testApp';

// Emulators of this file's own, so that pausing them stops no other test file.
let emulators: RunningEmulators;
let t: TestApp;
let token: string;
let queues: QueueServiceClient;
let outbox: string;
const TIMEOUT_MS = 800;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'primero-faults-'));
  const started = await startEmulatorsOnFreePorts(dir);
  emulators = started.emulators;
  queues = QueueServiceClient.fromConnectionString(storageConnectionString(started.ports));
  outbox = join(dir, 'outbox.jsonl');
  t = await startTestApp({
    NOTIFY_OUTBOX: outbox,
    ...emulatorAppSettings(started.ports, started.cert, join(dir, 'keys.json')),
    COSMOS_DATABASE: 'faults',
    LOG_LEVEL: 'silent',
    DEPENDENCY_TIMEOUT_MS: String(TIMEOUT_MS),
  });
  token = await t.login('cw_gh');
}, 60_000);
afterAll(async () => {
  await t?.close();
  await emulators?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Freezes an emulator once `afterMs` has passed, as a stalled or unreachable service would be, for far
 * longer than the dependency timeout; resolves with the moment it resumed.
 */
const PAUSE_MS = 8 * TIMEOUT_MS;
const pauseLater = async (pid: number, afterMs: number) => {
  await sleep(afterMs);
  process.kill(pid, 'SIGSTOP');
  try {
    await sleep(PAUSE_MS);
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  return Date.now();
};
/** A call, with the moment its answer came. */
const timed = async (call: Promise<ApiResult>) => Object.assign(await call, { at: Date.now() });
/** Every answer during the fault is a success or a bounded 503 with Retry-After — never a 500. */
const expectSucceededOrRefused = (res: ApiResult) => {
  expect([200, 503]).toContain(res.status);
  if (res.status === 503) {
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.body.errors[0].status).toBe(503);
  }
};
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size)]);

it('Cosmos frozen in the middle of a sync push: 503, and the retried batch applies every mutation once', async () => {
  const acknowledged = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Before' } } }))
    .body.data;
  const ids = Array.from({ length: 30 }, () => randomUUID());
  const batch = ids.map((id, i) => ({
    mutation_id: `m-${id}`,
    op: 'create',
    id,
    changes: { name: `Child ${i}` },
  }));
  const [first, resumed] = await Promise.all([
    timed(t.call('POST', '/api/v2/sync/cases', { token, body: { data: batch } })),
    pauseLater(emulators.pids.cosmos, 150),
  ]);
  // Refused while Cosmos was still frozen: bounded by the timeout, not the SDK's 60 s default.
  expectSucceededOrRefused(first);
  expect(first.status).toBe(503);
  expect(first.at).toBeLessThan(resumed);

  // Resend as a client does, after Retry-After, until it goes through.
  let again: ApiResult = first;
  for (let i = 0; again.status !== 200 && i < 20; i++) {
    await sleep(1000);
    again = await t.call('POST', '/api/v2/sync/cases', { token, body: { data: batch } });
  }
  expect(again.status).toBe(200);
  for (const r of again.body.data as { result: string }[])
    expect(['applied', 'duplicate']).toContain(r.result);
  for (const [i, id] of ids.entries()) {
    const stored = await t.call('GET', `/api/v2/cases/${id}`, { token });
    expect(stored.body.data).toMatchObject({ id, name: `Child ${i}`, version: 1 });
    const history = await t.call('GET', `/api/v2/cases/${id}/record_history`, { token });
    expect(history.body.data.map((h: { action: string }) => h.action)).toEqual(['create']);
  }
  expect((await t.call('GET', `/api/v2/cases/${acknowledged.id}`, { token })).body.data.name).toBe('Before');
}, 90_000);

it('Cosmos frozen under plain creates and PATCHes: 503s; acknowledged writes are there, refused ones retry once', async () => {
  const c = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Patched' } } })).body.data;
  const ids = Array.from({ length: 5 }, () => randomUUID());
  const send = () =>
    Promise.all(
      [
        ...ids.map((id) => t.call('POST', '/api/v2/cases', { token, body: { data: { id, name: 'Made' } } })),
        t.call('PATCH', `/api/v2/cases/${c.id}`, { token, body: { data: { age: 5 } } }),
      ].map(timed),
    );
  const [during, resumed] = await Promise.all([send(), pauseLater(emulators.pids.cosmos, 20)]);
  during.forEach(expectSucceededOrRefused);
  const refused = during.filter((r) => r.status === 503);
  expect(refused.length).toBeGreaterThan(0);
  refused.forEach((r) => expect(r.at).toBeLessThan(resumed));
  const after = await send();
  expect(after.map((r) => r.status)).toEqual(Array(6).fill(200));
  for (const id of ids) {
    const history = await t.call('GET', `/api/v2/cases/${id}/record_history`, { token });
    expect(history.body.data.map((h: { action: string }) => h.action)).toEqual(['create']);
  }
  expect((await t.call('GET', `/api/v2/cases/${c.id}`, { token })).body.data.age).toBe(5);
}, 60_000);

it('Azurite frozen during an upload: 503, nothing listed; the retried upload lands whole', async () => {
  const c = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Uploads' } } })).body.data;
  const upload = (id: string, bytes: Buffer) =>
    t.call(
      'POST',
      `/api/v2/cases/${c.id}/attachments?field_name=other_documents&file_name=a.pdf&attachment_id=${id}`,
      { token, rawBody: bytes, headers: { 'Content-Type': 'application/pdf' } },
    );
  const before = pdf(10_000);
  const kept = randomUUID();
  expect((await upload(kept, before)).status).toBe(200);

  const id = randomUUID();
  const file = pdf(2_000_000);
  const [during, resumed] = await Promise.all([
    timed(upload(id, file)),
    pauseLater(emulators.pids.azurite, 0),
  ]);
  expectSucceededOrRefused(during);
  expect(during.status).toBe(503);
  expect(during.at).toBeLessThan(resumed);
  const listed = async () =>
    ((await t.call('GET', `/api/v2/cases/${c.id}`, { token })).body.data.other_documents ?? []).map(
      (a: { id: string }) => a.id,
    );
  expect(await listed()).toEqual([kept]);
  expect((await upload(id, file)).status).toBe(200);
  expect((await listed()).sort()).toEqual([kept, id].sort());
  for (const [attachment, bytes] of [
    [kept, before],
    [id, file],
  ] as const) {
    const res = await fetch(`${t.url}/api/v2/attachments/${attachment}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  }
}, 60_000);

const deliverQueued = () => deliverQueuedTo(queues, t.host);

it('Cosmos frozen during the reminders job: the next run alerts every overdue case once, none missed', async () => {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const cases: { id: string }[] = [];
  for (let i = 0; i < 12; i++)
    cases.push(
      (
        await t.call('POST', '/api/v2/cases', {
          token,
          body: {
            data: {
              name: `Overdue ${i}`,
              followup_subform_section: [{ followup_type: 'home_visit', followup_needed_by_date: yesterday }],
            },
          },
        })
      ).body.data,
    );
  const runJob = () => t.host.invoke('reminders', { isPastDue: false });
  // The run during the stall may fail part-way; what matters is what the next runs leave behind.
  await Promise.all([runJob().catch(() => undefined), pauseLater(emulators.pids.cosmos, 30)]);
  await runJob();
  await deliverQueued();
  const sent = readFileSync(outbox, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { data: { record_id: string; alert_for: string } });
  for (const c of cases) {
    const alerts = (await t.call('GET', `/api/v2/cases/${c.id}/alerts`, { token })).body.data;
    expect(alerts.map((a: { alert_for: string }) => a.alert_for)).toEqual(['followup_due']);
    expect(sent.filter((l) => l.data.record_id === c.id).map((l) => l.data.alert_for)).toEqual([
      'followup_due',
    ]);
  }
}, 90_000);
