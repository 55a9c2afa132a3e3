import { randomUUID } from 'node:crypto';
import type { RecordDocument } from '../../src/records/recordDocument';
import { startTestApp, type TestApp } from '../support/testApp';

// Tracing requests (CP): CRUD, scope and validation as for cases; and offline sync for every record type.
let t: TestApp;
let cw: string;
let cw2: string;
let gbv: string;
beforeAll(async () => {
  t = await startTestApp();
  [cw, cw2, gbv] = await Promise.all([t.login('cw_gh'), t.login('cw2_gh'), t.login('gbv_gh')]);
});
afterAll(() => t.close());

const create = (data: Record<string, unknown>, as = cw) =>
  t.call('POST', '/api/v2/tracing_requests', { token: as, body: { data } });
// The pull sends only writes older than its settle window; sync tests wait it out in real time.
const settle = () => new Promise((resolve) => setTimeout(resolve, 3500));

describe('tracing requests', () => {
  it('registers an inquiry for a sought child, sealing who and where', async () => {
    const res = await create({
      relation_name: 'Inquiring Mother',
      relation: 'mother',
      relation_telephone: '+233 20 000 0000',
      tracing_request_subform_section: [{ name: 'Sought Child', sex: 'female', age: 6 }],
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      module_id: 'primeromodule-cp',
      status: 'open',
      tracing_request_id: res.body.data.id,
      inquiry_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      relation_name: 'Inquiring Mother',
    });
    const stored = (
      await t.app.containers.records.item(res.body.data.id, ['GH', res.body.data.id]).read<RecordDocument>()
    ).resource as RecordDocument;
    const text = JSON.stringify(stored);
    for (const secret of ['Inquiring Mother', '+233 20 000 0000', 'Sought Child'])
      expect(text).not.toContain(secret);
    expect(stored.relation).toMatchObject({ $enc: 'aes-256-gcm', tok: [expect.any(String)] });
    expect(text).not.toContain('"mother"');
  });

  it('finds inquirers by name through the blind index', async () => {
    const id = (await create({ relation_name: 'Abena Searchable' })).body.data.id;
    const found = await t.call('GET', '/api/v2/tracing_requests?query=searchable', { token: cw });
    expect(found.body.data.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('scope: another caseworker with scope self does not see it; a GBV role has no tracing requests', async () => {
    const id = (await create({ relation_name: 'Private Inquirer' })).body.data.id;
    expect((await t.call('GET', `/api/v2/tracing_requests/${id}`, { token: cw2 })).status).toBe(404);
    expect((await t.call('GET', '/api/v2/tracing_requests', { token: gbv })).status).toBe(403);
    expect((await create({ relation_name: 'x' }, gbv)).status).toBe(403);
  });

  it('refuses the GBV module and fields of other record types', async () => {
    const res = await create({ module_id: 'primeromodule-gbv', name: 'Not a TR field' });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { detail: string }) => e.detail).sort()).toEqual(['module_id', 'name']);
  });

  it('merges sought-person entries by unique_id', async () => {
    const tr = (await create({ tracing_request_subform_section: [{ name: 'First' }, { name: 'Second' }] }))
      .body.data;
    const [first, second] = tr.tracing_request_subform_section;
    const res = await t.call('PATCH', `/api/v2/tracing_requests/${tr.id}`, {
      token: cw,
      body: {
        data: {
          tracing_request_subform_section: [
            { unique_id: first.unique_id, tracing_request_status: 'found' },
            { unique_id: second.unique_id, _destroy: true },
          ],
        },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.tracing_request_subform_section).toEqual([
      { unique_id: first.unique_id, name: 'First', tracing_request_status: 'found' },
    ]);
  });
  it('takes a photo of the sought child in Primero JSON form, stored under tracing_request/', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const id = (await create({ relation_name: 'Photo Inquirer' })).body.data.id as string;
    const upload = (as: string) =>
      t.call('POST', `/api/v2/tracing_requests/${id}/attachments`, {
        token: as,
        body: {
          data: {
            field_name: 'photos',
            attachment_type: 'image',
            file_name: 'child.png',
            content_type: 'image/png',
            attachment: png.toString('base64'),
          },
        },
      });
    expect((await upload(cw2)).status).toBe(404); // out of scope
    const res = await upload(cw);
    expect(res.status).toBe(200);
    const blob = t.app.blob
      .getContainerClient(t.app.config.ATTACHMENTS_CONTAINER)
      .getBlobClient(`GH/tracing_request/${id}/${res.body.data.id}`);
    expect(await blob.exists()).toBe(true);
    const tr = (await t.call('GET', `/api/v2/tracing_requests/${id}`, { token: cw })).body.data;
    expect(tr.photos).toEqual([expect.objectContaining({ id: res.body.data.id, file_name: 'child.png' })]);
  });
});

describe('offline sync of incidents and tracing requests', () => {
  it('pushes a create and a conflicting update, and pulls with tombstones', async () => {
    const id = randomUUID();
    const push = (as: string, data: unknown[]) =>
      t.call('POST', '/api/v2/sync/tracing_requests', { token: as, body: { data } });
    const created = await push(cw, [
      { mutation_id: 'tr-create-1', op: 'create', id, changes: { relation_name: 'Offline Inquirer' } },
    ]);
    expect(created.body.data[0]).toMatchObject({ result: 'applied', record: { id, version: 1 } });
    // Online, someone changes the relation; offline, the phone changes it too (from version 1).
    await t.call('PATCH', `/api/v2/tracing_requests/${id}`, {
      token: cw,
      body: { data: { relation: 'aunt' } },
    });
    const update = [
      {
        mutation_id: 'tr-update-1',
        op: 'update',
        id,
        base_version: 1,
        changes: { relation: 'grandmother', location_separation: 'Market' },
      },
    ];
    const merged = await push(cw, update);
    expect(merged.body.data[0]).toMatchObject({
      result: 'conflict',
      conflicts: [{ field: 'relation', server_value: 'aunt', client_value: 'grandmother' }],
      record: { relation: 'aunt', location_separation: 'Market' },
    });
    const replay = await push(cw, update);
    expect(replay.body.data[0].result).toBe('duplicate');

    await settle();
    const pull = async (path: string, cursor?: string) =>
      t.call('GET', `${path}?per=1000${cursor ? `&cursor=${cursor}` : ''}`, { token: cw });
    const first = await pull('/api/v2/sync/tracing_requests');
    expect(first.status).toBe(200);
    expect(first.body.data.map((r: { id: string }) => r.id)).toContain(id);
    expect(first.body.data.every((r: { tracing_request_id?: string }) => r.tracing_request_id)).toBe(true);

    // A cursor belongs to one record type's stream.
    expect((await pull('/api/v2/sync/cases', first.body.metadata.next_cursor)).status).toBe(400);

    await t.call('DELETE', `/api/v2/tracing_requests/${id}`, { token: cw });
    await settle();
    const next = await pull('/api/v2/sync/tracing_requests', first.body.metadata.next_cursor);
    expect(next.body.data).toEqual([{ id, deleted: true }]);
  });

  it('pulls incidents, and pushes a create of an incident linked to a case', async () => {
    const caseId = (
      await t.call('POST', '/api/v2/cases', {
        token: gbv,
        body: { data: { module_id: 'primeromodule-gbv', name: 'Sync Survivor' } },
      })
    ).body.data.id;
    const id = randomUUID();
    const pushed = await t.call('POST', '/api/v2/sync/incidents', {
      token: gbv,
      body: {
        data: [
          {
            mutation_id: 'inc-1',
            op: 'create',
            id,
            changes: { incident_case_id: caseId, incident_date: '2026-11-20' },
          },
        ],
      },
    });
    expect(pushed.body.data[0]).toMatchObject({
      result: 'applied',
      record: { id, incident_case_id: caseId },
    });
    await settle();
    const pulled = await t.call('GET', '/api/v2/sync/incidents?fields=short', { token: gbv });
    const row = pulled.body.data.find((r: { id: string }) => r.id === id);
    expect(row).toMatchObject({
      id,
      incident_code: id.replaceAll('-', '').slice(-7),
      incident_case_id: caseId,
    });
    expect(row).not.toHaveProperty('perpetrator_subform_section');
    // A CP caseworker pulls no GBV incidents.
    const cpPull = await t.call('GET', '/api/v2/sync/incidents', { token: cw });
    expect(cpPull.body.data.map((r: { id: string }) => r.id)).not.toContain(id);
  });
});
