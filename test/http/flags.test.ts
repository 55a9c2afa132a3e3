import type { CaseDocument } from '../../src/records/recordDocument';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let cw: string;
let caseId: string;
const cw2Case = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0003';
beforeAll(async () => {
  t = await startTestApp();
  cw = await t.login('cw_gh');
  caseId = (await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { name: 'Flagged Child' } } }))
    .body.data.id;
});
afterAll(() => t.close());

const flag = (id: string, message: string, token = cw) =>
  t.call('POST', `/api/v2/cases/${id}/flags`, { token, body: { data: { message } } });

describe('flags', () => {
  it('flags a case, counts active flags, and unflags with a message', async () => {
    const first = await flag(caseId, 'Possible trafficking: check with police');
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({
      record_id: caseId,
      record_type: 'cases',
      message: 'Possible trafficking: check with police',
      flagged_by: 'cw_gh',
      removed: false,
    });
    expect(first.body.data.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await flag(caseId, 'Second concern');
    expect((await t.call('GET', `/api/v2/cases/${caseId}`, { token: cw })).body.data.flag_count).toBe(2);
    const unflagged = await t.call('PATCH', `/api/v2/cases/${caseId}/flags/${first.body.data.id}`, {
      token: cw,
      body: { data: { unflag_message: 'Police confirmed no risk' } },
    });
    expect(unflagged.body.data).toMatchObject({
      removed: true,
      unflag_message: 'Police confirmed no risk',
      unflagged_by: 'cw_gh',
    });
    expect((await t.call('GET', `/api/v2/cases/${caseId}`, { token: cw })).body.data.flag_count).toBe(1);
    const flags = await t.call('GET', `/api/v2/cases/${caseId}/flags`, { token: cw });
    expect(flags.body.data).toHaveLength(2);
    expect(
      (
        await t.call('PATCH', `/api/v2/cases/${caseId}/flags/${first.body.data.id}`, {
          token: cw,
          body: { data: { unflag_message: 'again' } },
        })
      ).status,
    ).toBe(422);
    expect(
      (await t.call('GET', `/api/v2/cases?flagged=true&id=${caseId}`, { token: cw })).body.metadata.total,
    ).toBe(1);
  });

  it('keeps flag messages sealed in Cosmos', async () => {
    const doc = (await t.app.containers.records.item(caseId, ['GH', caseId]).read<CaseDocument>()).resource;
    expect(JSON.stringify(doc)).not.toContain('trafficking');
  });

  it('needs the flag permission (403) and the case in scope (404); validates the message', async () => {
    const regional = await t.login('regional');
    const ownCase = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0002';
    expect((await flag(ownCase, 'x', regional)).status).toBe(400); // regional must say which country
    expect(
      (
        await t.call('POST', `/api/v2/cases/${ownCase}/flags`, {
          token: regional,
          headers: { 'X-Country-Code': 'GH' },
          body: { data: { message: 'ok' } },
        })
      ).status,
    ).toBe(200);
    const gbv = await t.login('gbv_gh');
    expect((await flag(ownCase, 'not mine', gbv)).status).toBe(404);
    expect((await flag(cw2Case, 'not mine', cw)).status).toBe(404);
    expect((await flag(caseId, '   ')).status).toBe(422);
  });

  it('bulk-flags up to 100 cases, silently leaving out those outside the scope', async () => {
    const other = (await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { name: 'Bulk Two' } } }))
      .body.data.id;
    const res = await t.call('POST', '/api/v2/cases/flags', {
      token: cw,
      body: { data: { ids: [caseId, other, cw2Case], record_type: 'cases', message: 'Review this week' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.map((f: { record_id: string }) => f.record_id).sort()).toEqual(
      [caseId, other].sort(),
    );
    const tooMany = await t.call('POST', '/api/v2/cases/flags', {
      token: cw,
      body: { data: { ids: Array.from({ length: 101 }, () => caseId), record_type: 'cases', message: 'x' } },
    });
    expect(tooMany.status).toBe(422);
  });

  it('bulk-flags the cases Primero’s filters select, within the scope', async () => {
    const created = await t.call('POST', '/api/v2/cases', {
      token: cw,
      body: { data: { name: 'By Filter' } },
    });
    const { id, short_id } = created.body.data;
    const res = await t.call('POST', '/api/v2/cases/flags', {
      token: cw,
      // Primero's code: `filters` (its documentation's singular record_type too).
      body: { data: { filters: { short_id: [short_id] }, record_type: 'case', message: 'Filtered flag' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([expect.objectContaining({ record_id: id, message: 'Filtered flag' })]);
    // Another's case matches no filter of cw_gh's list.
    const cw2Short = (await t.call('GET', `/api/v2/cases/${cw2Case}`, { token: await t.login('cw2_gh') }))
      .body.data.short_id;
    const none = await t.call('POST', '/api/v2/cases/flags', {
      token: cw,
      body: { data: { filters: { short_id: [cw2Short] }, record_type: 'cases', message: 'x' } },
    });
    expect(none.body.data).toEqual([]);
    const both = await t.call('POST', '/api/v2/cases/flags', {
      token: cw,
      body: { data: { ids: [id], filters: { short_id: [short_id] }, record_type: 'cases', message: 'x' } },
    });
    expect(both.status).toBe(422);
  });

  it('GET /flags lists the active flags across the caller’s scope only', async () => {
    const mine = await t.call('GET', '/api/v2/flags', { token: cw });
    expect(mine.status).toBe(200);
    expect(mine.body.data.every((f: { removed: boolean }) => !f.removed)).toBe(true);
    expect(new Set(mine.body.data.map((f: { record_id: string }) => f.record_id)).has(caseId)).toBe(true);
    expect(mine.body.data.find((f: { record_id: string }) => f.record_id === caseId)).toMatchObject({
      name: 'Flagged Child',
      case_id_display: expect.any(String),
    });
    const ke = await t.call('GET', '/api/v2/flags', { token: await t.login('cw_ke') });
    expect(ke.body.data).toEqual([]);
  });
});

describe("flags in Primero's shape", () => {
  const primeroKeys = [
    'id',
    'record_id',
    'record_type',
    'date',
    'message',
    'flagged_by',
    'removed',
    'unflag_message',
    'created_at',
    'system_generated_followup',
    'unflagged_by',
    'unflagged_date',
    'record_access_denied',
  ];

  it("answers Primero's keys, with the record's new flag_count after a write", async () => {
    const id = (await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { name: 'Shape' } } })).body
      .data.id;
    const created = await flag(id, 'This is a flag message');
    for (const key of [...primeroKeys, 'record']) expect(created.body.data).toHaveProperty(key);
    expect(created.body.data).toMatchObject({
      unflag_message: null,
      unflagged_by: null,
      system_generated_followup: false,
      record: { id, flag_count: 1 },
    });
    const listed = await t.call('GET', `/api/v2/cases/${id}/flags`, { token: cw });
    for (const key of primeroKeys) expect(listed.body.data[0]).toHaveProperty(key);
    const across = await t.call('GET', '/api/v2/flags', { token: cw });
    for (const key of primeroKeys)
      expect(across.body.data.find((f: { record_id: string }) => f.record_id === id)).toHaveProperty(key);
  });

  it("PATCH edits an active flag's message and date; unflag_message removes it; not both at once", async () => {
    const id = (await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { name: 'Edited' } } })).body
      .data.id;
    const flagId = (await flag(id, 'First wording')).body.data.id;
    const patch = (data: Record<string, unknown>) =>
      t.call('PATCH', `/api/v2/cases/${id}/flags/${flagId}`, { token: cw, body: { data } });
    const edited = await patch({ message: 'Second wording', date: '2026-03-01' });
    expect(edited.status).toBe(200);
    expect(edited.body.data).toMatchObject({ message: 'Second wording', date: '2026-03-01', removed: false });
    expect((await t.call('GET', `/api/v2/cases/${id}/flags`, { token: cw })).body.data[0].message).toBe(
      'Second wording',
    );
    const both = await patch({ unflag_message: 'done', message: 'x' });
    expect(both.status).toBe(422);
    expect(both.body.errors[0].detail).toBe('data.unflag_message');
    expect((await patch({})).status).toBe(422);
    const removed = await patch({ unflag_message: 'Resolved' });
    expect(removed.body.data).toMatchObject({ removed: true, record: { id, flag_count: 0 } });
    expect((await patch({ message: 'too late' })).status).toBe(422);
  });
});
