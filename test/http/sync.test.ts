import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('cw_gh');
});
afterAll(() => t.close());

const push = async (mutations: unknown[], as = token) => {
  const res = await t.call('POST', '/api/v2/sync/cases', { token: as, body: { data: mutations } });
  expect(res.status).toBe(200);
  return res.body.data as {
    mutation_id: string;
    result: string;
    record?: Record<string, unknown>;
    conflicts?: unknown[];
    errors?: unknown[];
    first_result?: string;
  }[];
};
const newCase = async (data: Record<string, unknown>) =>
  (await t.call('POST', '/api/v2/cases', { token, body: { data } })).body.data as Record<string, unknown> & {
    id: string;
    version: number;
  };
const read = async (id: string) => (await t.call('GET', `/api/v2/cases/${id}`, { token })).body.data;
const mid = () => `m-${randomUUID()}`;
// Pulls leave out the last 2 seconds of writes; this waits them out on the real clock, which is the one the
// database stamps _ts with (moving the test clock instead would skew the two and defeat the window).
const settle = () => new Promise((resolve) => setTimeout(resolve, 3500));

describe('POST /api/v2/sync/cases: offline mutations', () => {
  it('two devices editing different fields offline: both edits land', async () => {
    const c = await newCase({ name: 'Two Devices', age: 7, risk_level: 'low' });
    const [a] = await push([
      { mutation_id: mid(), op: 'update', id: c.id, base_version: c.version, changes: { age: 8 } },
    ]);
    const [b] = await push([
      {
        mutation_id: mid(),
        op: 'update',
        id: c.id,
        base_version: c.version,
        changes: { risk_level: 'high' },
      },
    ]);
    expect(a?.result).toBe('applied');
    expect(b?.result).toBe('applied');
    expect(await read(c.id)).toMatchObject({ age: 8, risk_level: 'high', version: 3 });
  });

  it('the same field edited on both sides: a conflict, server value kept, client value kept aside', async () => {
    const c = await newCase({ name: 'Same Field', location_current: 'GH0101' });
    await push([
      {
        mutation_id: mid(),
        op: 'update',
        id: c.id,
        base_version: c.version,
        changes: { location_current: 'GH0102' },
      },
    ]);
    const [late] = await push([
      {
        mutation_id: mid(),
        op: 'update',
        id: c.id,
        base_version: c.version,
        changes: { location_current: 'GH0201', sex: 'male' },
      },
    ]);
    expect(late?.result).toBe('conflict');
    expect(late?.conflicts).toEqual([
      { field: 'location_current', server_value: 'GH0102', client_value: 'GH0201' },
    ]);
    const now = await read(c.id);
    expect(now).toMatchObject({ location_current: 'GH0102', sex: 'male' }); // the other field still applied
    expect(now.sync_conflicts).toEqual([
      expect.objectContaining({
        field: 'location_current',
        client_value: 'GH0201',
        server_value: 'GH0102',
        user_name: 'cw_gh',
      }),
    ]);
    // The same value on both sides is no conflict.
    const [agree] = await push([
      {
        mutation_id: mid(),
        op: 'update',
        id: c.id,
        base_version: c.version,
        changes: { location_current: 'GH0102' },
      },
    ]);
    expect(agree?.result).toBe('applied');
  });

  it('a person resolves the conflict with PATCH resolve_conflicts', async () => {
    const c = await newCase({ name: 'Resolve Me', location_current: 'GH0101' });
    await push([
      {
        mutation_id: mid(),
        op: 'update',
        id: c.id,
        base_version: c.version,
        changes: { location_current: 'GH0102' },
      },
    ]);
    await push([
      {
        mutation_id: mid(),
        op: 'update',
        id: c.id,
        base_version: c.version,
        changes: { location_current: 'GH0201' },
      },
    ]);
    const bad = await t.call('PATCH', `/api/v2/cases/${c.id}`, {
      token,
      body: { data: { resolve_conflicts: [{ field: 'age', use: 'client' }] } },
    });
    expect(bad.status).toBe(422);
    // Two decisions on one conflict: neither is taken.
    const contradictory = await t.call('PATCH', `/api/v2/cases/${c.id}`, {
      token,
      body: {
        data: {
          resolve_conflicts: [
            { field: 'location_current', use: 'client' },
            { field: 'location_current', use: 'server' },
          ],
        },
      },
    });
    expect(contradictory.status).toBe(422);
    expect(contradictory.body.errors).toEqual([
      expect.objectContaining({ detail: 'resolve_conflicts[1].field', message: 'is decided twice' }),
    ]);
    const res = await t.call('PATCH', `/api/v2/cases/${c.id}`, {
      token,
      body: { data: { resolve_conflicts: [{ field: 'location_current', use: 'client' }] } },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ location_current: 'GH0201', sync_conflicts: [] });
  });

  it('subform entries merge one by one: different notes both land, the same note conflicts', async () => {
    const c = await newCase({
      name: 'Notes Merge',
      notes_section: [{ note_text: 'one' }, { note_text: 'two' }],
    });
    const [n1, n2] = c.notes_section as { unique_id: string }[];
    const results = await push([
      {
        mutation_id: mid(),
        op: 'update',
        id: c.id,
        base_version: c.version,
        changes: { notes_section: [{ unique_id: n1?.unique_id, note_text: 'one (device A)' }] },
      },
      {
        mutation_id: mid(),
        op: 'update',
        id: c.id,
        base_version: c.version,
        changes: { notes_section: [{ unique_id: n2?.unique_id, note_text: 'two (device B)' }] },
      },
      {
        mutation_id: mid(),
        op: 'update',
        id: c.id,
        base_version: c.version,
        changes: { notes_section: [{ unique_id: n1?.unique_id, note_text: 'one (device C)' }] },
      },
    ]);
    expect(results.map((r) => r.result)).toEqual(['applied', 'applied', 'conflict']);
    const now = await read(c.id);
    expect(now.notes_section.map((n: { note_text: string }) => n.note_text)).toEqual([
      'one (device A)',
      'two (device B)',
    ]);
    expect(now.sync_conflicts[0]).toMatchObject({
      field: `notes_section[${n1?.unique_id}]`,
      client_value: { note_text: 'one (device C)' },
    });
  });

  it('a note written offline keeps the date the device gave it; one dated in the future gets the server time', async () => {
    const c = await newCase({ name: 'Offline Note' });
    const now = t.clock.now();
    const written = new Date(now.getTime() - 3 * 3600_000).toISOString();
    const future = new Date(now.getTime() + 24 * 3600_000).toISOString();
    const [result] = await push([
      {
        mutation_id: mid(),
        op: 'update',
        id: c.id,
        base_version: c.version,
        changes: {
          notes_section: [
            { unique_id: randomUUID(), note_text: 'written at the visit', note_date: written },
            { unique_id: randomUUID(), note_text: 'clock ahead', note_date: future },
          ],
        },
      },
    ]);
    expect(result?.result).toBe('applied');
    const [kept, stamped] = (await read(c.id)).notes_section as {
      note_date: string;
      note_created_by: string;
    }[];
    expect(kept).toMatchObject({ note_date: written, note_created_by: 'cw_gh' });
    expect(Date.parse(stamped!.note_date)).toBeGreaterThanOrEqual(now.getTime());
    expect(Date.parse(stamped!.note_date)).toBeLessThan(Date.parse(future));
  });

  it('a batch retried after a dropped response: every mutation is a duplicate, nothing applied twice', async () => {
    const created = randomUUID();
    const existing = await newCase({ name: 'Retry', age: 3 });
    const batch = [
      { mutation_id: mid(), op: 'create', id: created, changes: { name: 'Made Offline', sex: 'female' } },
      { mutation_id: mid(), op: 'update', id: created, base_version: 1, changes: { age: 4 } },
      {
        mutation_id: mid(),
        op: 'update',
        id: existing.id,
        base_version: existing.version,
        changes: { age: 5 },
      },
    ];
    const first = await push(batch);
    expect(first.map((r) => r.result)).toEqual(['applied', 'applied', 'applied']);
    const versions = [(await read(created)).version, (await read(existing.id)).version];
    const again = await push(batch);
    expect(again.map((r) => r.result)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(again.map((r) => r.first_result)).toEqual(['applied', 'applied', 'applied']);
    expect([(await read(created)).version, (await read(existing.id)).version]).toEqual(versions);
    expect(again[0]?.record).toMatchObject({ id: created, name: 'Made Offline', age: 4 });
  });

  it('rejects a bad mutation alone, and keeps its receipt free of field values', async () => {
    const c = await newCase({ name: 'Rejections' });
    const outOfScope = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0003'; // cw2_gh's
    const ids = [mid(), mid(), mid(), mid()];
    const results = await push([
      { mutation_id: ids[0], op: 'update', id: c.id, base_version: c.version, changes: { age: 'ten' } },
      { mutation_id: ids[1], op: 'update', id: outOfScope, base_version: 1, changes: { age: 1 } },
      { mutation_id: ids[2], op: 'update', id: c.id, changes: { age: 1 } },
      {
        mutation_id: ids[3],
        op: 'update',
        id: c.id,
        base_version: c.version,
        changes: { address_current: 'Secret Street 9' },
      },
      { op: 'update', id: c.id },
    ]);
    expect(results.map((r) => r.result)).toEqual(['rejected', 'rejected', 'rejected', 'applied', 'rejected']);
    // The error envelope of every other error (docs/api.md), one per refused mutation.
    const resource = '/api/v2/sync/cases';
    expect(results[0]?.errors).toEqual([
      { status: 422, resource, detail: 'age', message: 'must be a whole number' },
    ]);
    expect(results[1]?.errors).toEqual([{ status: 404, resource, detail: 'id', message: 'Case not found' }]);
    expect(results[2]?.errors).toEqual([
      { status: 422, resource, detail: 'base_version', message: 'is required for an update' },
    ]);
    expect(results[4]?.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: 422, resource, detail: 'mutation_id' })]),
    );
    const { resources } = await t.app.containers.sync.items.query({ query: 'SELECT * FROM c' }).fetchAll();
    expect(JSON.stringify(resources)).not.toContain('Secret Street');
  });

  it('refuses a batch over 100 mutations', async () => {
    const res = await t.call('POST', '/api/v2/sync/cases', {
      token,
      body: { data: Array.from({ length: 101 }, () => ({})) },
    });
    expect(res.status).toBe(422);
  });
});

describe('GET /api/v2/sync/cases: pulling changes', () => {
  const pullAll = async (as: string, per: number, cursor?: string) => {
    const seen: { id: string; deleted?: boolean }[] = [];
    let next = cursor;
    for (let pages = 0; pages < 50; pages++) {
      const res = await t.call('GET', `/api/v2/sync/cases?per=${per}${next ? `&cursor=${next}` : ''}`, {
        token: as,
      });
      expect(res.status).toBe(200);
      seen.push(...res.body.data);
      next = res.body.metadata.next_cursor;
      if (!res.body.metadata.has_more) return { seen, cursor: next as string };
    }
    throw new Error('too many pages');
  };

  it('2,500 changes in pages of 1,000, many sharing a timestamp: each exactly once', async () => {
    const userToken = await t.login('cw2_gh');
    const ids: string[] = [];
    const base = {
      record_type: 'case',
      country_code: 'GH',
      module_id: 'primeromodule-cp',
      enabled: true,
      owned_by: 'cw2_gh',
      owned_by_agency_id: 'agency-ngo-a',
      owned_by_groups: ['usergroup-cp-accra'],
      associated_user_names: ['cw2_gh'],
      version: 1,
      created_at: new Date().toISOString(),
    };
    for (let i = 0; i < 2500; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, async (_, j) => {
          const id = randomUUID();
          ids.push(id);
          await t.app.containers.records.items.create({
            ...base,
            id,
            short_id: id.slice(-7),
            age: (i + j) % 18,
          });
        }),
      );
    }
    await settle(); // let the last writes settle (real time: _ts comes from the database's clock)
    const { seen } = await pullAll(userToken, 1000);
    const pulled = seen.map((r) => r.id);
    expect(new Set(pulled).size).toBe(pulled.length); // nothing twice
    expect(ids.every((id) => pulled.includes(id))).toBe(true); // nothing missed
  }, 60_000);

  it('continues from the cursor: only what changed, disabled records as tombstones', async () => {
    const { cursor } = await pullAll(token, 500);
    const changed = await newCase({ name: 'Changed Later' });
    const disabled = await newCase({ name: 'Disabled Later' });
    await t.call('DELETE', `/api/v2/cases/${disabled.id}`, { token });
    await settle();
    const { seen } = await pullAll(token, 500, cursor);
    // Both changed within the same second or two: their order is by commit time, then id.
    expect(seen).toHaveLength(2);
    expect(seen).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: changed.id, name: 'Changed Later' }),
        { id: disabled.id, deleted: true },
      ]),
    );
  });

  it('returns only the fields asked for, gzip-compressed for clients that accept it', async () => {
    const many = await t.login('cw2_gh'); // 2,500 records: a page well above the compression threshold
    const res = await fetch(`${t.url}/api/v2/sync/cases?per=200&fields=name,age`, {
      headers: { Authorization: `Bearer ${many}`, 'Accept-Encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = (await res.json()) as { data: Record<string, unknown>[] };
    // Only those fields (a record without a name has none to send), and records that hold them send them.
    for (const r of body.data) expect(['age', 'id', 'name']).toEqual(expect.arrayContaining(Object.keys(r)));
    expect(body.data.some((r) => Object.keys(r).sort().join() === 'age,id,name')).toBe(true);
  });

  it('refuses a cursor that was tampered with or belongs to someone else', async () => {
    const first = await t.call('GET', '/api/v2/sync/cases?per=1', { token });
    const cursor = first.body.metadata.next_cursor as string;
    const [body, mac] = cursor.split('.');
    const state = JSON.parse(Buffer.from(body as string, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...state, ts: 0 })).toString('base64url')}.${mac}`;
    expect((await t.call('GET', `/api/v2/sync/cases?cursor=${forged}`, { token })).status).toBe(400);
    expect(
      (await t.call('GET', `/api/v2/sync/cases?cursor=${cursor}`, { token: await t.login('sup_gh') })).status,
    ).toBe(400);
    expect((await t.call('GET', '/api/v2/sync/cases?per=0', { token })).status).toBe(400);
  });
});

describe('tombstones for records that leave the caller', () => {
  it('a case reassigned away, or whose referral is revoked, comes as a tombstone on the next pull', async () => {
    const cw2 = await t.login('cw2_gh');
    const assigned = await newCase({ name: 'Will Be Reassigned', consent_for_services: true });
    const referred = await newCase({ name: 'Will Be Revoked', consent_for_services: true });
    const referral = await t.call('POST', `/api/v2/cases/${referred.id}/referrals`, {
      token,
      body: { data: { transitioned_to: 'cw2_gh' } },
    });
    const referralId = referral.body.data.id as string;
    await settle();
    token = await t.login('cw_gh');
    const before = await t.call('GET', '/api/v2/sync/cases?per=1000', { token: cw2 });
    let cursor = before.body.metadata.next_cursor as string;
    for (let more = before.body.metadata.has_more; more;) {
      const page = await t.call('GET', `/api/v2/sync/cases?per=1000&cursor=${cursor}`, { token: cw2 });
      cursor = page.body.metadata.next_cursor;
      more = page.body.metadata.has_more;
    }
    const cwCursor = (await t.call('GET', '/api/v2/sync/cases?per=1000', { token })).body.metadata
      .next_cursor as string;

    await t.call('POST', `/api/v2/cases/${assigned.id}/assigns`, {
      token,
      body: { data: { transitioned_to: 'sup_gh' } },
    });
    await t.call('DELETE', `/api/v2/cases/${referred.id}/referrals/${referralId}`, { token });
    await settle();

    const ownerSide = (
      await t.call('GET', `/api/v2/sync/cases?per=1000&cursor=${cwCursor}`, { token: await t.login('cw_gh') })
    ).body.data;
    expect(ownerSide).toContainEqual({ id: assigned.id, deleted: true });
    const receiverSide = (
      await t.call('GET', `/api/v2/sync/cases?per=1000&cursor=${cursor}`, { token: await t.login('cw2_gh') })
    ).body.data;
    expect(receiverSide).toContainEqual({ id: referred.id, deleted: true });
    // Tombstones go only to those who had the case: cw2_gh (same country, same role, syncing all along)
    // never had the reassigned case, so their pull says nothing about it.
    expect(receiverSide.filter((r: { id: string }) => r.id === assigned.id)).toEqual([]);
  });
});
