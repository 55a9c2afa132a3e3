import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('cw_gh');
});
afterAll(() => t.close());

const create = (data: Record<string, unknown>, as = token) =>
  t.call('POST', '/api/v2/cases', { token: as, body: { data } });
const patch = (id: string, data: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.call('PATCH', `/api/v2/cases/${id}`, { token, body: { data }, headers });

describe('POST /api/v2/cases', () => {
  it('stores the case with the server-owned fields filled in', async () => {
    const res = await create({ name: 'Edwine Edgemont', sex: 'female', age: 16, risk_level: 'high' });
    expect(res.status).toBe(200);
    const c = res.body.data;
    expect(c).toMatchObject({
      name: 'Edwine Edgemont',
      sex: 'female',
      age: 16,
      country_code: 'GH',
      module_id: 'primeromodule-cp',
      status: 'open',
      enabled: true,
      owned_by: 'cw_gh',
      owned_by_agency_id: 'agency-unicef',
      owned_by_groups: ['usergroup-cp-accra'],
      associated_user_names: ['cw_gh'],
      created_by: 'cw_gh',
      last_updated_by: 'cw_gh',
      version: 1,
      workflow: 'new',
      flag_count: 0,
      alert_count: 0,
    });
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.short_id).toBe(c.id.replaceAll('-', '').slice(-7));
    expect(c.case_id_display).toBe(c.short_id);
    expect(c.registration_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Storage bookkeeping never leaves the server.
    for (const key of [
      '_etag',
      '_rid',
      '_ts',
      'create_fingerprint',
      'record_type',
      'search_index',
      'key_version',
    ])
      expect(c).not.toHaveProperty(key);
    expect(res.headers.get('etag')).toMatch(/^".+"$/);
  });

  it('computes age from the date of birth', async () => {
    const res = await create({ name: 'Dob Child', date_of_birth: '2015-01-01' });
    // Born on 1 January: the birthday of the current year has always passed (Accra is on UTC).
    expect(res.body.data.age).toBe(t.clock.now().getUTCFullYear() - 2015);
  });

  it('a repeated offline create with the client id returns the stored case, once', async () => {
    const id = randomUUID();
    const first = await create({ id, name: 'Offline Child', sex: 'male' });
    const again = await create({ sex: 'male', name: 'Offline Child', id });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual(first.body.data);
    const list = await t.call('GET', `/api/v2/cases?id=${id}`, { token });
    expect(list.body.metadata.total).toBe(1);
  });

  it('the same id in other capitals is the same id: a 409, never a second record of the child', async () => {
    const id = randomUUID().toUpperCase();
    expect((await create({ id, name: 'Capital Child' })).status).toBe(200);
    expect((await create({ id, name: 'Capital Child' })).body.data.id).toBe(id);
    const lower = await create({ id: id.toLowerCase(), name: 'Capital Child' });
    expect(lower.status).toBe(409);
    expect((await t.call('GET', '/api/v2/cases?query=Capital%20Child', { token })).body.metadata.total).toBe(
      1,
    );
  });

  it('a different case under a taken id is a 409 (also for another user)', async () => {
    const id = randomUUID();
    await create({ id, name: 'First' });
    const different = await create({ id, name: 'Second' });
    expect(different.status).toBe(409);
    expect(different.body.errors[0]).toMatchObject({ status: 409, detail: 'id' });
    const other = await create({ id, name: 'First' }, await t.login('cw2_gh'));
    expect(other.status).toBe(409);
    expect((await t.call('GET', `/api/v2/cases/${id}`, { token })).body.data.name).toBe('First');
  });
});

describe('GET /api/v2/cases/:id', () => {
  it('returns the case with its ETag', async () => {
    const created = await create({ name: 'Read Me' });
    const res = await t.call('GET', `/api/v2/cases/${created.body.data.id}`, { token });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(created.body.data);
    expect(res.headers.get('etag')).toBe(created.headers.get('etag'));
  });

  it('is a 404 for an unknown or malformed id', async () => {
    expect((await t.call('GET', `/api/v2/cases/${randomUUID()}`, { token })).status).toBe(404);
    expect((await t.call('GET', `/api/v2/cases/${encodeURIComponent("x' OR 1=1")}`, { token })).status).toBe(
      404,
    );
  });
});

describe('PATCH /api/v2/cases/:id', () => {
  it('changes only the fields sent and bumps version and last_updated_*', async () => {
    const createdRes = await create({
      name: 'Patch Me',
      sex: 'female',
      age: 10,
      protection_concerns: ['separated', 'neglect'],
    });
    const created = createdRes.body.data;
    const createdEtag = createdRes.headers.get('etag');
    expect(createdEtag).toMatch(/^"?.+"?$/);
    t.clock.advance(1000);
    const res = await patch(created.id, { age: 11, protection_concerns: ['child_labour'] });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      name: 'Patch Me',
      sex: 'female',
      age: 11,
      protection_concerns: ['child_labour'],
      version: 2,
    });
    expect(res.body.data.last_updated_at > created.last_updated_at).toBe(true);
    expect(res.headers.get('etag')).toMatch(/^"?.+"?$/);
    expect(res.headers.get('etag')).not.toBe(createdEtag);
    // The new ETag is the one a GET now hands out, so a client can PATCH with it.
    expect((await t.call('GET', `/api/v2/cases/${created.id}`, { token })).headers.get('etag')).toBe(
      res.headers.get('etag'),
    );
  });

  it('clears a field sent as null', async () => {
    const created = (await create({ name: 'Null Me', risk_level: 'high' })).body.data;
    const res = await patch(created.id, { risk_level: null });
    expect(res.body.data.risk_level).toBeNull();
  });

  it('merges subforms by unique_id: update, append, _destroy', async () => {
    const created = (
      await create({
        name: 'Subforms',
        followup_subform_section: [
          { followup_type: 'home_visit', followup_needed_by_date: '2026-12-01' },
          { followup_type: 'school_visit', followup_needed_by_date: '2026-12-05' },
        ],
      })
    ).body.data;
    const [home, school] = created.followup_subform_section;
    expect(home.unique_id).toMatch(/^[0-9a-f-]{36}$/);
    const res = await patch(created.id, {
      followup_subform_section: [
        { unique_id: home.unique_id, followup_date: '2026-11-30' },
        { unique_id: school.unique_id, _destroy: true },
        { followup_type: 'phone_call', followup_needed_by_date: '2026-12-10' },
      ],
    });
    expect(res.status).toBe(200);
    const entries = res.body.data.followup_subform_section;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({ ...home, followup_date: '2026-11-30' });
    expect(entries[1]).toMatchObject({ followup_type: 'phone_call', unique_id: expect.any(String) });
    expect(entries[1].unique_id).not.toBe(school.unique_id);
  });

  it('stamps new notes with author and date, and keeps the stamps on edits', async () => {
    const created = (await create({ name: 'Notes' })).body.data;
    const added = await patch(created.id, {
      notes_section: [{ note_subject: 'Visit', note_text: 'Child is safe' }],
    });
    const note = added.body.data.notes_section[0];
    expect(note).toMatchObject({
      note_subject: 'Visit',
      note_text: 'Child is safe',
      note_created_by: 'cw_gh',
    });
    expect(Date.parse(note.note_date)).not.toBeNaN();
    const edited = await patch(created.id, {
      notes_section: [
        { unique_id: note.unique_id, note_text: 'Child is safe at school', note_created_by: 'someone_else' },
      ],
    });
    expect(edited.body.data.notes_section[0]).toEqual({ ...note, note_text: 'Child is safe at school' });
    const empty = await patch(created.id, { notes_section: [{ note_subject: 'No text' }] });
    expect(empty.status).toBe(422);
  });

  it('honours If-Match: the current ETag passes, a stale one is a 412 and changes nothing', async () => {
    const created = await create({ name: 'Concurrent', age: 5 });
    const etag = created.headers.get('etag') as string;
    const first = await patch(created.body.data.id, { age: 6 }, { 'If-Match': etag });
    expect(first.status).toBe(200);
    const stale = await patch(created.body.data.id, { age: 7 }, { 'If-Match': etag });
    expect(stale.status).toBe(412);
    expect(stale.body.errors[0]).toMatchObject({ status: 412, detail: 'If-Match' });
    const now = await t.call('GET', `/api/v2/cases/${created.body.data.id}`, { token });
    expect(now.body.data.age).toBe(6);
    expect(
      (await patch(created.body.data.id, { age: 8 }, { 'If-Match': now.headers.get('etag') as string }))
        .status,
    ).toBe(200);
  });

  it('without If-Match, concurrent edits of different fields both land', async () => {
    const id = (await create({ name: 'Race', age: 1 })).body.data.id;
    const edits = [{ age: 2 }, { sex: 'male' }, { risk_level: 'low' }, { location_current: 'GH0102' }];
    const results = await Promise.all(edits.map((e) => patch(id, e)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const final = (await t.call('GET', `/api/v2/cases/${id}`, { token })).body.data;
    expect(final).toMatchObject({
      age: 2,
      sex: 'male',
      risk_level: 'low',
      location_current: 'GH0102',
      version: 5,
    });
  });

  it('accepts server-owned fields sent back unchanged, refuses changing them', async () => {
    const created = (await create({ name: 'Round trip' })).body.data;
    const roundTrip = await patch(created.id, { ...created, age: 3 });
    expect(roundTrip.status).toBe(200);
    const changed = await patch(created.id, { owned_by: 'cw2_gh' });
    expect(changed.status).toBe(422);
    expect(changed.body.errors[0]).toMatchObject({ detail: 'owned_by' });
  });
});

describe('DELETE /api/v2/cases/:id', () => {
  it('disables the case: still readable, no longer listed by default, no longer editable', async () => {
    const created = (await create({ name: 'Disable Me' })).body.data;
    const res = await t.call('DELETE', `/api/v2/cases/${created.id}`, { token });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: created.id, enabled: false, version: 2 });
    expect((await t.call('GET', `/api/v2/cases/${created.id}`, { token })).body.data.enabled).toBe(false);
    const listed = await t.call('GET', `/api/v2/cases?id=${created.id}`, { token });
    expect(listed.body.data).toHaveLength(0);
    const withDisabled = await t.call('GET', `/api/v2/cases?id=${created.id}&enabled=true,false`, { token });
    expect(withDisabled.body.data).toHaveLength(1);
    expect((await patch(created.id, { age: 4 })).status).toBe(422);
    expect((await t.call('DELETE', `/api/v2/cases/${created.id}`, { token })).status).toBe(200);
  });

  it('honours If-Match', async () => {
    const created = await create({ name: 'Disable stale' });
    await patch(created.body.data.id, { age: 2 });
    const stale = await t.call('DELETE', `/api/v2/cases/${created.body.data.id}`, {
      token,
      headers: { 'If-Match': created.headers.get('etag') as string },
    });
    expect(stale.status).toBe(412);
  });
});
