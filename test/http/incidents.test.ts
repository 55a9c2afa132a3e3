import { randomUUID } from 'node:crypto';
import type { RecordDocument } from '../../src/records/recordDocument';
import { tamperWithSealed } from '../support/tamper';
import { startTestApp, type TestApp } from '../support/testApp';

// Incidents: the same CRUD, list, scope, flags, alerts, attachments, history and sync as cases, plus the
// link to the case they were recorded from.
let t: TestApp;
let gbv: string;
let cw: string;
let cwKe: string;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  [gbv, cw, cwKe, admin] = await Promise.all([
    t.login('gbv_gh'),
    t.login('cw_gh'),
    t.login('cw_ke'),
    t.login('admin_gh'),
  ]);
});
afterAll(() => t.close());

const create = (data: Record<string, unknown>, as = gbv) =>
  t.call('POST', '/api/v2/incidents', { token: as, body: { data } });
const raw = async (id: string) =>
  (await t.app.containers.records.item(id, ['GH', id]).read<RecordDocument>()).resource as RecordDocument;

describe('incident CRUD', () => {
  it('registers an incident with its own id fields, in the caller module', async () => {
    const res = await create({
      name: 'Survivor Name',
      sex: 'female',
      incident_date: '2026-11-01',
      gbv_sexual_violence_type: 'rape',
      incident_description: 'What happened, in her words',
      perpetrator_subform_section: [{ perpetrator_sex: 'male', perpetrator_name: 'Named Man' }],
    });
    expect(res.status).toBe(200);
    const incident = res.body.data;
    expect(incident).toMatchObject({
      module_id: 'primeromodule-gbv',
      status: 'open',
      owned_by: 'gbv_gh',
      version: 1,
      incident_id: incident.id,
      incident_code: incident.short_id,
      date_of_first_report: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(incident.perpetrator_subform_section[0].unique_id).toBeDefined();
    expect(incident).not.toHaveProperty('case_id');
    expect(res.headers.get('etag')).toMatch(/^".+"$/);

    // The narrative, the names and the place are sealed in Cosmos.
    const stored = await raw(incident.id);
    expect(stored.record_type).toBe('incident');
    expect(JSON.stringify(stored)).not.toContain('in her words');
    expect(JSON.stringify(stored)).not.toContain('Named Man');
    expect(JSON.stringify(stored)).not.toContain('Survivor Name');
    // Reporting fields are categorical: sealed, with a keyed token that filters and counts use.
    expect(stored.gbv_sexual_violence_type).toMatchObject({ $enc: 'aes-256-gcm', tok: [expect.any(String)] });
    expect(JSON.stringify(stored)).not.toContain('"rape"');
  });

  it('reads, merges a PATCH, and disables', async () => {
    const id = (await create({ incident_date: '2026-10-01' })).body.data.id as string;
    const read = await t.call('GET', `/api/v2/incidents/${id}`, { token: gbv });
    expect(read.status).toBe(200);
    const patched = await t.call('PATCH', `/api/v2/incidents/${id}`, {
      token: gbv,
      body: { data: { perpetrator_subform_section: [{ perpetrator_sex: 'unknown' }], status: 'closed' } },
      headers: { 'If-Match': read.headers.get('etag') as string },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ version: 2, status: 'closed', incident_date: '2026-10-01' });
    expect(patched.body.data.date_closure).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(patched.body.data.perpetrator_subform_section).toHaveLength(1);

    const stale = await t.call('PATCH', `/api/v2/incidents/${id}`, {
      token: gbv,
      body: { data: { status: 'open' } },
      headers: { 'If-Match': read.headers.get('etag') as string },
    });
    expect(stale.status).toBe(412);

    const disabled = await t.call('DELETE', `/api/v2/incidents/${id}`, { token: gbv });
    expect(disabled.body.data.enabled).toBe(false);
    const refused = await t.call('PATCH', `/api/v2/incidents/${id}`, {
      token: gbv,
      body: { data: { status: 'open' } },
    });
    expect(refused.status).toBe(422);
  });

  it('validates like cases: unknown fields, case fields, server fields and future dates are 422', async () => {
    const res = await create({
      risk_level: 'high',
      incident_code: 'X',
      colour: 'red',
      incident_date: '2999-01-01',
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { detail: string }) => e.detail).sort()).toEqual([
      'colour',
      'incident_code',
      'incident_date',
      'risk_level',
    ]);
    const future = await create({ incident_date: '2999-01-01' });
    expect(future.status).toBe(422);
    expect(future.body.errors[0]).toMatchObject({
      detail: 'incident_date',
      message: 'cannot be in the future',
    });
  });

  it('lists only what is in scope, hides GBV names, and filters', async () => {
    const mine = (await create({ name: 'Hidden Survivor', gbv_sexual_violence_type: 'forced_marriage' })).body
      .data;
    const list = await t.call('GET', '/api/v2/incidents?gbv_sexual_violence_type=forced_marriage', {
      token: gbv,
    });
    expect(list.status).toBe(200);
    const row = list.body.data.find((r: { id: string }) => r.id === mine.id);
    expect(row).toMatchObject({ name: '*******', hidden_name: true });
    expect(
      list.body.data.every(
        (r: { gbv_sexual_violence_type: string }) => r.gbv_sexual_violence_type === 'forced_marriage',
      ),
    ).toBe(true);
    // The full read shows the name to whoever may read the record.
    expect((await t.call('GET', `/api/v2/incidents/${mine.id}`, { token: gbv })).body.data.name).toBe(
      'Hidden Survivor',
    );
    // A CP caseworker (other module, own scope) does not see it; another country's user neither.
    const cpList = await t.call('GET', '/api/v2/incidents', { token: cw });
    expect(cpList.body.data.map((r: { id: string }) => r.id)).not.toContain(mine.id);
    expect((await t.call('GET', `/api/v2/incidents/${mine.id}`, { token: cw })).status).toBe(404);
    expect((await t.call('GET', `/api/v2/incidents/${mine.id}`, { token: cwKe })).status).toBe(404);
    expect(
      (await t.call('GET', '/api/v2/incidents?order_by=incident_code&per=5', { token: gbv })).status,
    ).toBe(200);
    expect((await t.call('GET', '/api/v2/incidents?order_by=workflow', { token: gbv })).status).toBe(400);
  });

  it('a role without incident permissions gets 403', async () => {
    // The default regional supervisor may read incidents but not create them.
    const regional = await t.login('regional');
    const res = await t.call('POST', '/api/v2/incidents', {
      token: regional,
      headers: { 'X-Country-Code': 'GH' },
      body: { data: { incident_date: '2026-01-01' } },
    });
    expect(res.status).toBe(403);
    expect(res.body.errors[0].message).toBe('Your role does not allow creating incidents');
  });

  it('repeating an offline create returns the same incident; another under the same id is a 409', async () => {
    const id = randomUUID();
    const first = await create({ id, incident_date: '2026-09-09' });
    const again = await create({ id, incident_date: '2026-09-09' });
    expect(again.status).toBe(200);
    expect(again.body.data.id).toBe(first.body.data.id);
    expect((await create({ id, incident_date: '2026-09-10' })).status).toBe(409);
  });
});

describe('incidents recorded from a case', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = (
      await t.call('POST', '/api/v2/cases', {
        token: gbv,
        body: { data: { name: 'Linked Survivor', module_id: 'primeromodule-gbv' } },
      })
    ).body.data.id;
  });

  it('a case incident failing its integrity check is left out of the case list and named', async () => {
    const ofCase = (
      await t.call('POST', '/api/v2/cases', {
        token: gbv,
        body: { data: { name: 'Survivor With Incidents', module_id: 'primeromodule-gbv' } },
      })
    ).body.data.id;
    const made = await Promise.all(
      ['2026-11-04', '2026-11-05'].map((incident_date) =>
        t.call('POST', `/api/v2/cases/${ofCase}/incidents`, {
          token: gbv,
          body: { data: { incident_date, incident_description: 'An account of what happened' } },
        }),
      ),
    );
    const [intact, tampered] = made.map((res) => res.body.data.id as string);
    await tamperWithSealed(t.app.containers.records, tampered as string, 'incident_description');
    const listed = await t.call('GET', `/api/v2/cases/${ofCase}/incidents`, { token: gbv });
    expect(listed.status).toBe(200);
    const ids = listed.body.data.map((i: { id: string }) => i.id);
    expect(ids).toContain(intact);
    expect(ids).not.toContain(tampered);
    expect(listed.body.metadata.unreadable).toEqual([tampered]);
  });

  it('links both ways and lists the case incidents', async () => {
    const res = await create({ incident_case_id: caseId, incident_date: '2026-11-02' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      incident_case_id: caseId,
      module_id: 'primeromodule-gbv',
      incident_case_id_display: caseId.replaceAll('-', '').slice(-7),
    });
    const viaCase = await t.call('POST', `/api/v2/cases/${caseId}/incidents`, {
      token: gbv,
      body: { data: { incident_date: '2026-11-03' } },
    });
    expect(viaCase.status).toBe(200);
    expect(viaCase.body.data.incident_case_id).toBe(caseId);

    const listed = await t.call('GET', `/api/v2/cases/${caseId}/incidents`, { token: gbv });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((i: { id: string }) => i.id).sort()).toEqual(
      [res.body.data.id, viaCase.body.data.id].sort(),
    );
    const theCase = (await t.call('GET', `/api/v2/cases/${caseId}`, { token: gbv })).body.data;
    expect(theCase.incident_links.map((l: { incident_id: string }) => l.incident_id).sort()).toEqual(
      [res.body.data.id, viaCase.body.data.id].sort(),
    );
    // The link is set once, by the server.
    const moved = await t.call('PATCH', `/api/v2/incidents/${res.body.data.id}`, {
      token: gbv,
      body: { data: { incident_case_id: randomUUID() } },
    });
    expect(moved.status).toBe(422);
  });

  it('an incident added to a closed case reopens it', async () => {
    await t.call('PATCH', `/api/v2/cases/${caseId}`, { token: gbv, body: { data: { status: 'closed' } } });
    expect((await t.call('GET', `/api/v2/cases/${caseId}`, { token: gbv })).body.data.status).toBe('closed');
    await create({ incident_case_id: caseId });
    const reopened = (await t.call('GET', `/api/v2/cases/${caseId}`, { token: gbv })).body.data;
    expect(reopened.status).toBe('open');
    expect(reopened.reopened_logs).toHaveLength(1);
    expect(reopened.reopened_logs[0].reopened_user).toBe('gbv_gh');
  });

  it('refuses a case the caller cannot see, and a malformed id, without creating anything', async () => {
    const cpCase = (await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { name: 'CP only' } } }))
      .body.data.id;
    const before = (await t.call('GET', '/api/v2/incidents?per=1000', { token: gbv })).body.metadata.total;
    const hidden = await create({ incident_case_id: cpCase });
    expect(hidden.status).toBe(422);
    expect(hidden.body.errors[0]).toMatchObject({
      detail: 'incident_case_id',
      message: 'is not a case you can see',
    });
    expect((await create({ incident_case_id: 'nope' })).status).toBe(422);
    expect((await t.call('GET', `/api/v2/cases/${cpCase}/incidents`, { token: gbv })).status).toBe(404);
    expect((await t.call('GET', '/api/v2/incidents?per=1000', { token: gbv })).body.metadata.total).toBe(
      before,
    );
  });
});

describe('around an incident', () => {
  let id: string;
  beforeAll(async () => {
    id = (await create({ incident_date: '2026-08-08', name: 'Flagged Survivor' })).body.data.id;
  });

  it('flags and unflags; GET /flags includes incidents, bulk flags need record_type incidents', async () => {
    const flag = await t.call('POST', `/api/v2/incidents/${id}/flags`, {
      token: gbv,
      body: { data: { message: 'Check the referral pathway' } },
    });
    expect(flag.status).toBe(200);
    expect(flag.body.data.record_type).toBe('incidents');
    expect((await t.call('GET', `/api/v2/incidents/${id}`, { token: gbv })).body.data.flag_count).toBe(1);
    const all = await t.call('GET', '/api/v2/flags', { token: gbv });
    const listed = all.body.data.find((f: { record_id: string }) => f.record_id === id);
    expect(listed).toMatchObject({
      record_type: 'incidents',
      incident_code: id.replaceAll('-', '').slice(-7),
    });
    expect(listed).not.toHaveProperty('name'); // GBV: never the name

    const wrongType = await t.call('POST', '/api/v2/incidents/flags', {
      token: gbv,
      body: { data: { ids: [id], record_type: 'cases', message: 'x' } },
    });
    expect(wrongType.status).toBe(422);
    const bulk = await t.call('POST', '/api/v2/incidents/flags', {
      token: gbv,
      body: { data: { ids: [id], record_type: 'incidents', message: 'Bulk' } },
    });
    expect(bulk.body.data).toHaveLength(1);
    const unflag = await t.call('PATCH', `/api/v2/incidents/${id}/flags/${flag.body.data.id}`, {
      token: gbv,
      body: { data: { unflag_message: 'Done' } },
    });
    expect(unflag.body.data.removed).toBe(true);
    expect((await t.call('GET', `/api/v2/incidents/${id}`, { token: gbv })).body.data.flag_count).toBe(1);
  });

  it('alerts: counts per record type, and per record', async () => {
    const counts = await t.call('GET', '/api/v2/alerts', { token: gbv });
    expect(counts.status).toBe(200);
    expect(counts.body.data).toEqual({ case: expect.any(Number), incident: 0, tracing_request: 0 });
    const alerts = await t.call('GET', `/api/v2/incidents/${id}/alerts`, { token: gbv });
    expect(alerts.status).toBe(200);
    expect(alerts.body.data).toEqual([]);
    expect((await t.call('GET', `/api/v2/incidents/${id}/alerts`, { token: cw })).status).toBe(404);
  });

  it('keeps a record history, sealed, readable to those who may read the incident', async () => {
    await t.call('PATCH', `/api/v2/incidents/${id}`, {
      token: gbv,
      body: { data: { incident_timeofday: 'night' } },
    });
    const history = await t.call('GET', `/api/v2/incidents/${id}/record_history`, { token: gbv });
    expect(history.status).toBe(200);
    expect(history.body.data[0]).toMatchObject({
      record_type: 'incident',
      action: 'update',
      user_name: 'gbv_gh',
    });
    expect(history.body.data[0].record_changes).toContainEqual({
      incident_timeofday: { from: null, to: 'night' },
    });
    expect((await t.call('GET', `/api/v2/incidents/${id}/record_history`, { token: cw })).status).toBe(404);
  });

  it('attachments: upload, download, blob under incident/, delete', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\nincident-form-plaintext\n'), Buffer.alloc(200)]);
    const up = await t.call(
      'POST',
      `/api/v2/incidents/${id}/attachments?field_name=other_documents&file_name=form.pdf`,
      {
        token: gbv,
        rawBody: pdf,
        headers: { 'Content-Type': 'application/pdf' },
      },
    );
    expect(up.status).toBe(200);
    const attachmentId = up.body.data.id as string;
    const blob = t.app.blob
      .getContainerClient(t.app.config.ATTACHMENTS_CONTAINER)
      .getBlobClient(`GH/incident/${id}/${attachmentId}`);
    expect((await blob.downloadToBuffer()).includes(Buffer.from('incident-form-plaintext'))).toBe(false);
    const down = await fetch(`${t.url}/api/v2/attachments/${attachmentId}`, {
      headers: { Authorization: `Bearer ${gbv}` },
    });
    expect(down.status).toBe(200);
    expect(Buffer.from(await down.arrayBuffer()).equals(pdf)).toBe(true);
    const denied = await fetch(`${t.url}/api/v2/attachments/${attachmentId}`, {
      headers: { Authorization: `Bearer ${cw}` },
    });
    expect(denied.status).toBe(404);
    const removed = await t.call('DELETE', `/api/v2/incidents/${id}/attachments/${attachmentId}`, {
      token: gbv,
    });
    expect(removed.status).toBe(204);
    expect(await blob.exists()).toBe(false);
    expect(
      (await t.call('GET', `/api/v2/incidents/${id}`, { token: gbv })).body.data.other_documents,
    ).toEqual([]);
  });

  it('audits reads with the record type', async () => {
    await t.call('GET', `/api/v2/incidents/${id}`, { token: gbv });
    const logs = await t.call('GET', `/api/v2/audit_logs?record_type[]=incident&user_name=gbv_gh&per=100`, {
      token: admin,
    });
    expect(logs.status).toBe(200);
    expect(logs.body.data.some((e: { action: string; record_id?: string }) => e.action === 'read')).toBe(
      true,
    );
  });
});
