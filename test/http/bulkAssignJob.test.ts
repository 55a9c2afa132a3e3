import { QueueServiceClient } from '@azure/storage-queue';
import { storageConnectionString } from '../../src/local/emulators';
import { emulatorInfo } from '../support/emulatorEnv';
import { startTestApp, type ApiResult, type TestApp } from '../support/testApp';

// A bulk assign by filters that selects more than 100 cases runs as a background job: a message on the
// Azurite queue `bulk-assigns`, delivered here to the worker `bulk-assigns-worker` as the host does. The
// job maximum is lowered here (BULK_ASSIGN_JOB_MAX, 5000 by default) so that going over it stays cheap.
const JOB_MAX = 130;
// Each scenario creates over a hundred cases through the API.
jest.setTimeout(120_000);
let t: TestApp;
const tok: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp({ BULK_ASSIGN_JOB_MAX: String(JOB_MAX) });
  for (const u of ['cw_gh', 'cw2_gh', 'sup_gh', 'admin_gh', 'cw_ke']) tok[u] = await t.login(u);
});
afterAll(() => t.close());

/** `count` cases named "<word> <n>", created by `user` (so owned by them), ten at a time. */
async function newCases(user: string, word: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, (_, j) =>
      t.call('POST', '/api/v2/cases', { token: tok[user], body: { data: { name: `${word} ${i + j}` } } }),
    );
    for (const res of await Promise.all(batch)) ids.push(res.body.data.id as string);
  }
  return ids;
}
const bulkAssign = (user: string, word: string) =>
  t.call('POST', '/api/v2/cases/assigns', {
    token: tok[user],
    body: {
      data: { filters: { status: 'open' }, query: word, transitioned_to: 'cw2_gh', notes: 'Team move' },
    },
  });
const job = (id: string, user: string) =>
  t.call('GET', `/api/v2/cases/assigns/jobs/${id}`, { token: tok[user] });
const queue = QueueServiceClient.fromConnectionString(
  storageConnectionString(emulatorInfo().ports),
).getQueueClient('bulk-assigns');
/** Delivers the job's queued message to the worker, then answers the job as its requester sees it. */
async function settled(id: string): Promise<ApiResult> {
  const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32 });
  for (const m of receivedMessageItems) {
    const message = JSON.parse(Buffer.from(m.messageText, 'base64').toString());
    if (message.job_id !== id) continue;
    await t.host.invoke('bulk-assigns-worker', message);
    await queue.deleteMessage(m.messageId, m.popReceipt);
  }
  return job(id, 'sup_gh');
}
const assignsOf = async (id: string) =>
  (await t.call('GET', `/api/v2/cases/${id}/assigns`, { token: tok.cw2_gh })).body.data as unknown[];
const historyOf = async (id: string) =>
  (await t.call('GET', `/api/v2/cases/${id}/record_history?per=100`, { token: tok.cw2_gh })).body.data as {
    action: string;
  }[];
const jobAudit = async (jobId: string) =>
  (
    await t.app.containers.audit.items
      .query({
        query: "SELECT * FROM c WHERE c.action = 'bulk_assign_job' AND c.details.job_id = @id",
        parameters: [{ name: '@id', value: jobId }],
      })
      .fetchAll()
  ).resources;

let jobId = '';
let assigned: string[] = [];
let refused = '';

it('answers 202 with a job that assigns every case it may, and lists the one it may not in errors', async () => {
  assigned = await newCases('cw_gh', 'Jobrun', 110);
  // Already the recipient's: a supervisor of the group selects it too, and may not assign it to its owner.
  [refused = ''] = await newCases('cw2_gh', 'Jobrun', 1);
  const res = await bulkAssign('sup_gh', 'jobrun');
  expect(res.status).toBe(202);
  expect(res.body.data).toMatchObject({ status: 'queued', total: 111, done: 0, failed: 0 });
  jobId = res.body.data.id;
  expect(res.headers.get('location')).toBe(`/api/v2/cases/assigns/jobs/${jobId}`);

  const done = await settled(jobId);
  expect(done.body.data).toMatchObject({ status: 'done', total: 111, done: 110, failed: 1 });
  expect(done.body.data.errors).toEqual([{ record_id: refused, status: 422, message: expect.any(String) }]);
  expect(JSON.stringify(done.body.data)).not.toMatch(/Jobrun/); // ids only, never a child's name
  // Why, in the language of whoever reads the job.
  const inFrench = await t.call('GET', `/api/v2/cases/assigns/jobs/${jobId}`, {
    token: tok.sup_gh,
    headers: { 'Accept-Language': 'fr' },
  });
  const [english] = done.body.data.errors as { message: string }[];
  const [french] = inFrench.body.data.errors as { message: string }[];
  expect(french?.message).toBeTruthy();
  expect(french?.message).not.toBe(english?.message);
  for (const id of [assigned[0] ?? '', assigned[109] ?? '']) {
    expect((await t.call('GET', `/api/v2/cases/${id}`, { token: tok.cw2_gh })).body.data.owned_by).toBe(
      'cw2_gh',
    );
    expect(await assignsOf(id)).toEqual([
      expect.objectContaining({ transitioned_by: 'sup_gh', notes: 'Team move' }),
    ]);
  }
  expect(await jobAudit(jobId)).toHaveLength(1);
});

it('does not assign twice when the message is delivered again, even after a crash lost its progress', async () => {
  const historyBefore = (await historyOf(assigned[5] ?? '')).length;
  const message = { job_id: jobId, country_code: 'GH' };
  await t.host.invoke('bulk-assigns-worker', message); // redelivered once done: nothing to do
  // A run that crashed mid-way: the cases are assigned, the job's saved progress is from before.
  const stored = await t.app.bulkAssignJobs.find('GH', jobId);
  await t.app.bulkAssignJobs.save({
    ...stored!,
    status: 'running',
    done_ids: assigned.slice(0, 20),
    errors: [],
  });
  await t.host.invoke('bulk-assigns-worker', message);

  const resumed = await job(jobId, 'sup_gh');
  expect(resumed.body.data).toMatchObject({ status: 'done', done: 110, failed: 1 });
  expect(await assignsOf(assigned[5] ?? '')).toHaveLength(1);
  expect(await assignsOf(assigned[50] ?? '')).toHaveLength(1);
  expect(await historyOf(assigned[5] ?? '')).toHaveLength(historyBefore);
  expect(await historyOf(assigned[50] ?? '')).toHaveLength(historyBefore);
  expect(await jobAudit(jobId)).toHaveLength(1);
});

it('shows the job to its requester and the country admin only; another country hears 404', async () => {
  expect((await job(jobId, 'admin_gh')).status).toBe(200);
  for (const user of ['cw_ke', 'cw_gh']) {
    const res = await job(jobId, user);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('sup_gh');
  }
  expect((await job('not-a-job', 'sup_gh')).status).toBe(404);
});

it('refuses a selection above the job maximum with a 422 naming it, and assigns nothing', async () => {
  const ids = await newCases('cw_gh', 'Toolarge', JOB_MAX + 1);
  const res = await bulkAssign('cw_gh', 'toolarge');
  expect(res.status).toBe(422);
  expect(res.body.errors[0].message).toMatch(new RegExp(`at most ${JOB_MAX}`));
  expect((await t.call('GET', `/api/v2/cases/${ids[0]}`, { token: tok.cw_gh })).body.data.owned_by).toBe(
    'cw_gh',
  );
});

it('still assigns up to 100 matches at once, answering the transitions', async () => {
  await newCases('cw_gh', 'Inline', 3);
  const res = await bulkAssign('cw_gh', 'inline');
  expect(res.status).toBe(200);
  expect(res.body.data).toHaveLength(3);
});
