import { raiseFollowUpAlert } from '../support/followUpAlert';
import { startTestApp, type TestApp } from '../support/testApp';

// An admin's hard deletion: the record, its attachments, alerts and history go; the audit trail stays; a
// tombstone tells offline devices to drop it, then expires.
let t: TestApp;
let cw: string;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  [cw, admin] = await Promise.all([t.login('cw_gh'), t.login('admin_gh')]);
});
afterAll(() => t.close());

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
// Pulls send only writes older than their settle window: wait it out in real time.
const settle = () => new Promise((resolve) => setTimeout(resolve, 3500));
const hardDelete = (id: string, as = admin, resource = 'cases') =>
  t.call('DELETE', `/api/v2/admin/${resource}/${id}`, { token: as });

it('removes a disabled case with everything it holds, and leaves a tombstone for sync', async () => {
  const created = await t.call('POST', '/api/v2/cases', {
    token: cw,
    body: { data: { name: 'To Be Erased', notes_section: [{ note_text: 'private note' }] } },
  });
  const id = created.body.data.id as string;
  const photo = await t.call('POST', `/api/v2/cases/${id}/attachments?field_name=photos&file_name=p.png`, {
    token: cw,
    rawBody: PNG,
    headers: { 'Content-Type': 'image/png' },
  });
  expect(photo.status).toBe(200);
  await raiseFollowUpAlert(t, id, 'a'.repeat(32));
  await settle();
  const before = await t.call('GET', '/api/v2/sync/cases?per=1000', { token: cw });
  expect(before.body.data.map((r: { id: string }) => r.id)).toContain(id);

  // Only a disabled record, and only with `manage` on cases.
  expect((await hardDelete(id)).status).toBe(422);
  await t.call('DELETE', `/api/v2/cases/${id}`, { token: cw });
  expect((await hardDelete(id, cw)).status).toBe(403);
  const deleted = await hardDelete(id);
  expect(deleted.status).toBe(200);
  expect(deleted.body.data).toEqual({ id, deleted: true });

  // Gone for everyone, with its blob, alerts and history.
  expect((await t.call('GET', `/api/v2/cases/${id}`, { token: admin })).status).toBe(404);
  expect(
    (await t.call('GET', `/api/v2/cases?enabled=true,false&per=1000`, { token: cw })).body.data.map(
      (r: { id: string }) => r.id,
    ),
  ).not.toContain(id);
  const blobs = t.app.blob.getContainerClient(t.app.config.ATTACHMENTS_CONTAINER);
  expect(await blobs.getBlobClient(`GH/case/${id}/${photo.body.data.id}`).exists()).toBe(false);
  expect(await t.app.alerts.forRecord('GH', id)).toEqual([]);
  const { resources: history } = await t.app.containers.audit.items
    .query({
      query: "SELECT * FROM c WHERE c.type = 'record_history' AND c.record_id = @id",
      parameters: [{ name: '@id', value: id }],
    })
    .fetchAll();
  expect(history).toEqual([]);
  expect((await t.call('GET', `/api/v2/cases/${id}/record_history`, { token: admin })).status).toBe(404);

  // What stays in Cosmos says who could see it, and nothing of the child.
  const { resource: tombstone } = await t.app.containers.records.item(id, ['GH', id]).read();
  expect(tombstone).toMatchObject({
    record_type: 'tombstone',
    deleted_record_type: 'case',
    owned_by: 'cw_gh',
  });
  for (const field of ['name', 'notes_section', 'photos', 'attachment_ids', 'search_index', 'field_versions'])
    expect(tombstone).not.toHaveProperty(field);
  expect(JSON.stringify(tombstone)).not.toContain('Erased');

  // The audit trail keeps the deletion.
  const audit = await t.call('GET', `/api/v2/audit_logs?record_id=${id}&per=100`, { token: admin });
  expect(audit.body.data.map((e: { action: string }) => e.action)).toContain('hard_delete');

  // Repeating is harmless; the id cannot be reused.
  expect((await hardDelete(id)).status).toBe(200);
  expect(
    (await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { id, name: 'Again' } } })).status,
  ).toBe(409);

  // A device that had the case drops it on its next pull.
  await settle();
  const after = await t.call(
    'GET',
    `/api/v2/sync/cases?per=1000&cursor=${before.body.metadata.next_cursor}`,
    {
      token: cw,
    },
  );
  expect(after.body.data).toContainEqual({ id, deleted: true });
  // A first download does not carry tombstones.
  const fresh = await t.call('GET', '/api/v2/sync/cases?per=1000', { token: cw });
  expect(fresh.body.data.map((r: { id: string }) => r.id)).not.toContain(id);

  // The tombstone expires with the sync receipts (40 days).
  t.clock.advance(41 * 24 * 60 * 60 * 1000);
  await t.host.invoke('sync-receipts-sweep', { isPastDue: false });
  expect((await t.app.containers.records.item(id, ['GH', id]).read()).resource).toBeUndefined();
});

it('works for the other record types, and 404s for what does not exist', async () => {
  // Fresh sign-ins: the test above may have moved the clock past the tokens' life. A minute on first, so
  // the admin's verification code is a new one (a code is refused a second time), alone or after it.
  t.clock.advance(60_000);
  [cw, admin] = await Promise.all([t.login('cw_gh'), t.login('admin_gh')]);
  const tr = (
    await t.call('POST', '/api/v2/tracing_requests', { token: cw, body: { data: { relation_name: 'x' } } })
  ).body.data.id as string;
  await t.call('DELETE', `/api/v2/tracing_requests/${tr}`, { token: cw });
  // The type in the path must be the record's.
  expect((await hardDelete(tr, admin, 'cases')).status).toBe(404);
  expect((await hardDelete(tr, admin, 'tracing_requests')).status).toBe(200);
  expect((await t.call('GET', `/api/v2/tracing_requests/${tr}`, { token: cw })).status).toBe(404);
  expect((await hardDelete('00000000-0000-4000-8000-000000000000')).status).toBe(404);
});

it('answers deletions of one record sent at once all as done, not with an If-Match refusal none of them sent', async () => {
  const id = (await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { name: 'Twice Erased' } } }))
    .body.data.id as string;
  await t.call('DELETE', `/api/v2/cases/${id}`, { token: cw });
  const all = await Promise.all([hardDelete(id), hardDelete(id), hardDelete(id)]);
  expect(all.map((r) => [r.status, r.body.data])).toEqual(
    Array.from({ length: 3 }, () => [200, { id, deleted: true }]),
  );
  expect((await t.call('GET', `/api/v2/cases/${id}`, { token: admin })).status).toBe(404);
});
