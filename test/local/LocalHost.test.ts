import { app, HttpResponse } from '@azure/functions';
import { QueueServiceClient } from '@azure/storage-queue';
import { registeredFunctions } from '../../src/local/functionsCore';
import { LocalHost } from '../../src/local/LocalHost';
import { storageConnectionString } from '../../src/local/emulators';
import { emulatorInfo } from '../support/emulatorEnv';

// Real @azure/functions registrations, captured through our functions-core stand-in.
const calls: { name: string; input: unknown; meta?: unknown }[] = [];
app.http('things-read', {
  route: 'things/{id}',
  methods: ['GET', 'PATCH'],
  handler: async (request) => ({
    jsonBody: {
      id: request.params.id,
      method: request.method,
      q: request.query.getAll('q'),
      body: await request.text(),
    },
  }),
});
app.http('things-flags', {
  route: 'things/flags',
  methods: ['GET'],
  handler: async () => ({ jsonBody: { literal: true } }),
});
app.get('bare', async () => new HttpResponse({ status: 201, headers: { 'X-Custom': 'yes' }, body: 'plain' }));
app.get('broken', async () => {
  throw new Error('boom');
});
// Held until the test lets it answer: a request still being handled when the host closes.
let letSlowAnswer: () => void = () => undefined;
let slowStarted = false;
app.get('slow', async () => {
  slowStarted = true;
  await new Promise<void>((go) => (letSlowAnswer = go));
  return { jsonBody: { finished: true } };
});
app.timer('tick', {
  schedule: '%TICK_SCHEDULE%',
  handler: async (timer) => {
    calls.push({ name: 'tick', input: timer });
  },
});
app.storageQueue('work', {
  queueName: 'work-items',
  connection: 'AzureWebJobsStorage',
  handler: async (input, context) => {
    calls.push({ name: 'work', input, meta: context.triggerMetadata });
  },
});
app.storageQueue('doomed', {
  queueName: 'doomed-items',
  connection: 'AzureWebJobsStorage',
  handler: async (input, context) => {
    calls.push({ name: 'doomed', input, meta: context.triggerMetadata?.dequeueCount });
    throw new Error('always fails');
  },
});

const connection = storageConnectionString(emulatorInfo().ports);
const waitFor = async (check: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('HTTP triggers', () => {
  let host: LocalHost;
  let url: string;
  beforeAll(async () => {
    host = new LocalHost({
      functions: registeredFunctions,
      triggers: false,
      settings: { maxRequestBytes: 1000 },
    });
    url = await host.listen(0);
  });
  afterAll(() => host.close());

  it('captured every registration with its binding metadata', () => {
    const byName = Object.fromEntries(registeredFunctions.map((f) => [f.name, f.trigger]));
    expect(byName['things-read']).toMatchObject({
      type: 'httpTrigger',
      route: 'things/{id}',
      methods: ['GET', 'PATCH'],
    });
    expect(byName.tick).toMatchObject({ type: 'timerTrigger', schedule: '%TICK_SCHEDULE%' });
    expect(byName.work).toMatchObject({
      type: 'queueTrigger',
      queueName: 'work-items',
      connection: 'AzureWebJobsStorage',
    });
  });

  it('routes with the api prefix, passes params, every query value and the body', async () => {
    const res = await fetch(`${url}/api/things/42?q=a&q=b`, { method: 'PATCH', body: 'hello' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ id: '42', method: 'PATCH', q: ['a', 'b'], body: 'hello' });
  });

  it('prefers a literal route over a parameter', async () => {
    expect(await (await fetch(`${url}/api/things/flags`)).json()).toEqual({ literal: true });
  });

  it('uses the function name as the route when none is given, and returns HttpResponse objects as built', async () => {
    const res = await fetch(`${url}/api/bare`);
    expect(res.status).toBe(201);
    expect(res.headers.get('x-custom')).toBe('yes');
    expect(await res.text()).toBe('plain');
  });

  it('404 for no route, 405 with Allow for a wrong method, 413 over the body limit, 500 on a crash', async () => {
    expect((await fetch(`${url}/api/nothing`)).status).toBe(404);
    expect((await fetch(`${url}/things/42`)).status).toBe(404); // no prefix
    const wrong = await fetch(`${url}/api/things/42`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, PATCH');
    expect((await fetch(`${url}/api/things/42`, { method: 'PATCH', body: 'x'.repeat(2000) })).status).toBe(
      413,
    );
    const crash = await fetch(`${url}/api/broken`);
    expect(crash.status).toBe(500);
    expect(await crash.text()).toBe('');
  });

  it('prints the function list like func start', () => {
    const text = host.describe('http://localhost:7071');
    expect(text).toContain('things-read: [GET,PATCH] http://localhost:7071/api/things/{id}');
    expect(text).toContain('tick: timerTrigger');
    expect(text).toContain('work: queueTrigger');
  });

  it('POST /admin/functions/<name> runs a non-HTTP function now (202)', async () => {
    calls.length = 0;
    const res = await fetch(`${url}/admin/functions/tick`, { method: 'POST', body: '{"input": ""}' });
    expect(res.status).toBe(202);
    await waitFor(() => calls.some((c) => c.name === 'tick'));
    expect(calls[0]?.input).toMatchObject({ isPastDue: false, schedule: { adjustForDST: true } });
    const queued = await fetch(`${url}/admin/functions/work`, {
      method: 'POST',
      body: '{"input": "{\\"n\\": 1}"}',
    });
    expect(queued.status).toBe(202);
    await waitFor(() => calls.some((c) => c.name === 'work'));
    expect(calls.find((c) => c.name === 'work')?.input).toEqual({ n: 1 });
    expect((await fetch(`${url}/admin/functions/nope`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${url}/admin/functions/bare`, { method: 'POST' })).status).toBe(400);
  });
});

describe('closing', () => {
  it('lets the requests being handled finish and answer before it stops', async () => {
    const host = new LocalHost({ functions: registeredFunctions, triggers: false });
    const url = await host.listen(0);
    const answer = fetch(`${url}/api/slow`).then(async (r) => [r.status, await r.json()]);
    await waitFor(() => slowStarted);
    let closed = false;
    const closing = host.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(closed).toBe(false);
    letSlowAnswer();
    await expect(answer).resolves.toEqual([200, { finished: true }]);
    await closing;
    // Closed: no new request is taken.
    await expect(fetch(`${url}/api/bare`)).rejects.toThrow();
  });
});

describe('timer and queue triggers', () => {
  let host: LocalHost;
  const queues = QueueServiceClient.fromConnectionString(connection);
  beforeAll(async () => {
    calls.length = 0;
    host = new LocalHost({
      functions: registeredFunctions,
      env: { AzureWebJobsStorage: connection, TICK_SCHEDULE: '*/1 * * * * *' },
      settings: { maxPollingIntervalMs: 200, visibilityTimeoutSeconds: 0 },
    });
    await host.listen(0);
  });
  afterAll(() => host.close());

  it('fires a timer on its six-field NCRONTAB schedule from an app setting', async () => {
    await waitFor(() => calls.filter((c) => c.name === 'tick').length >= 2, 5000);
  });

  it('delivers a base64 JSON queue message once, with its metadata, and deletes it', async () => {
    const queue = queues.getQueueClient('work-items');
    await queue.sendMessage(Buffer.from(JSON.stringify({ job: 7 })).toString('base64'));
    await waitFor(() => calls.some((c) => c.name === 'work'));
    const call = calls.find((c) => c.name === 'work');
    expect(call?.input).toEqual({ job: 7 });
    expect(call?.meta).toMatchObject({ dequeueCount: 1, id: expect.any(String) });
    await new Promise((r) => setTimeout(r, 500));
    expect(calls.filter((c) => c.name === 'work')).toHaveLength(1);
    expect((await queue.peekMessages()).peekedMessageItems).toHaveLength(0);
  });

  it('retries a failing message and moves it to <queue>-poison after 5 dequeues', async () => {
    const text = Buffer.from('{"job":"doomed"}').toString('base64');
    await queues.getQueueClient('doomed-items').sendMessage(text);
    const poison = queues.getQueueClient('doomed-items-poison');
    await waitFor(() => calls.filter((c) => c.name === 'doomed').length >= 5, 20_000);
    let poisoned: { messageText: string }[] = [];
    await waitFor(() => {
      void poison
        .peekMessages()
        .then((r) => (poisoned = r.peekedMessageItems))
        .catch(() => undefined);
      return poisoned.length > 0;
    });
    expect(calls.filter((c) => c.name === 'doomed').map((c) => c.meta)).toEqual([1, 2, 3, 4, 5]);
    expect(poisoned[0]?.messageText).toBe(text);
    expect((await queues.getQueueClient('doomed-items').peekMessages()).peekedMessageItems).toHaveLength(0);
  });
});
