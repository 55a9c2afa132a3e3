import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin_gh');
});
afterAll(() => t.close());

const logs = async (query: string, token = admin) => {
  const res = await t.call('GET', `/api/v2/audit_logs?${query}`, { token });
  expect(res.status).toBe(200);
  return res.body as { data: Record<string, unknown>[]; metadata: { total: number } };
};

describe('audit log', () => {
  it('records sign-ins, failed sign-ins and sign-outs', async () => {
    await t.call('POST', '/api/v2/tokens', { body: { user: { user_name: 'cw_gh', password: 'wrong' } } });
    const token = await t.login('cw_gh');
    await t.call('DELETE', '/api/v2/tokens', { token });
    const entries = (
      await logs(
        'user_name=cw_gh&audit_log_actions[]=login&audit_log_actions[]=login_failed&audit_log_actions[]=logout',
      )
    ).data;
    expect(entries.map((e) => e.action)).toEqual(['logout', 'login', 'login_failed']);
    expect(JSON.stringify(entries)).not.toContain('wrong');
  });

  it('records every read, list, create, update and disable with the record id', async () => {
    const token = await t.login('cw_gh');
    const created = (
      await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Audited Child' } } })
    ).body.data.id as string;
    await t.call('GET', `/api/v2/cases/${created}`, { token });
    await t.call('GET', '/api/v2/cases', { token });
    await t.call('PATCH', `/api/v2/cases/${created}`, { token, body: { data: { age: 3 } } });
    await t.call('DELETE', `/api/v2/cases/${created}`, { token });
    const trail = (await logs(`record_id=${created}`)).data;
    expect(trail.map((e) => e.action)).toEqual(['disable', 'update', 'read', 'create']);
    expect(trail[0]).toMatchObject({
      user_name: 'cw_gh',
      country_code: 'GH',
      record_type: 'case',
      record_id: created,
      request_id: expect.any(String),
      timestamp: expect.any(String),
    });
    expect((await logs('user_name=cw_gh&audit_log_actions[]=list')).metadata.total).toBeGreaterThan(0);
    expect(JSON.stringify(trail)).not.toContain('Audited Child');
  });

  it('records denied access, in the country of the one who tried', async () => {
    const ke = await t.login('cw_ke');
    const ghCase = '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0001';
    expect((await t.call('GET', `/api/v2/cases/${ghCase}`, { token: ke })).status).toBe(404);
    const regional = await t.login('regional');
    expect(
      (
        await t.call('DELETE', `/api/v2/cases/${ghCase}`, {
          token: regional,
          headers: { 'X-Country-Code': 'GH' },
        })
      ).status,
    ).toBe(403);
    const denied = (await logs('audit_log_actions[]=denied')).data;
    expect(denied).toEqual([
      expect.objectContaining({
        user_name: 'regional',
        record_id: ghCase,
        details: { attempted: 'disable' },
      }),
    ]);
    // The KE attempt is in KE's trail, not visible to GH's administrator.
    const { resources } = await t.app.containers.audit.items
      .query({ query: "SELECT * FROM c WHERE c.action = 'denied' AND c.user_name = 'cw_ke'" })
      .fetchAll();
    expect(resources).toEqual([
      expect.objectContaining({ country_code: 'KE', record_id: ghCase, details: { attempted: 'read' } }),
    ]);
    // The read's entry is written while the read runs; refused, that same entry became the denial.
    const reads = await t.app.containers.audit.items
      .query({ query: "SELECT * FROM c WHERE c.action = 'read' AND c.user_name = 'cw_ke'" })
      .fetchAll();
    expect(reads.resources).toEqual([]);
  });

  it('keeps ids only: a path holding a name, a forged line or a right-to-left override is left out', async () => {
    const token = await t.login('cw2_gh');
    for (const path of ['Amina Mensah born 2015\naction=hard_delete', 'case\u202eeteled'])
      expect((await t.call('GET', `/api/v2/cases/${encodeURIComponent(path)}`, { token })).status).toBe(404);
    const user = await t.call('GET', `/api/v2/users/${encodeURIComponent('user-Amina Mensah')}`, {
      token: admin,
    });
    expect(user.status).toBe(404);
    const { resources } = await t.app.containers.audit.items
      .query({ query: "SELECT * FROM c WHERE c.action = 'denied' AND c.user_name IN ('cw2_gh', 'admin_gh')" })
      .fetchAll();
    expect(resources).toHaveLength(3);
    for (const entry of resources) {
      expect(entry).not.toHaveProperty('record_id', expect.stringMatching(/Amina|\u202e/));
      expect(entry.details).toMatchObject({ malformed_id: 'true' });
    }
    expect(JSON.stringify(resources)).not.toMatch(/Amina|\u202e|hard_delete/);
  });

  it('filters by dates and pages', async () => {
    const all = await logs('per=2');
    expect(all.data).toHaveLength(2);
    expect(all.metadata.total).toBeGreaterThan(5);
    const future = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    expect((await logs(`from=${future}`)).metadata.total).toBe(0);
    expect((await t.call('GET', '/api/v2/audit_logs?from=yesterday', { token: admin })).status).toBe(400);
  });

  it('is for administrators only, and cannot be changed', async () => {
    expect((await t.call('GET', '/api/v2/audit_logs', { token: await t.login('sup_gh') })).status).toBe(403);
    expect((await t.call('DELETE', '/api/v2/audit_logs', { token: admin })).status).toBe(405);
    expect((await t.call('POST', '/api/v2/audit_logs', { token: admin, body: { data: {} } })).status).toBe(
      405,
    );
  });

  it('makes the request fail if the trail cannot be written', async () => {
    const token = await t.login('cw_gh');
    const { id } = (
      await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Trail Down', age: 5 } } })
    ).body.data;
    const original = t.app.audit.write.bind(t.app.audit);
    t.app.audit.write = async () => {
      throw new Error('audit store down');
    };
    try {
      // A list page and a read: their entries are written while the handler runs, and the answer waits.
      for (const path of ['/api/v2/cases', `/api/v2/cases/${id}`]) {
        const res = await t.call('GET', path, { token });
        expect(res.status).toBe(500);
        expect(res.body.errors[0].message).toMatch(/reference/);
      }
    } finally {
      t.app.audit.write = original;
    }
  });

  it('makes a write fail if its history and audit batch is refused, and stores neither half', async () => {
    const token = await t.login('cw_gh');
    const { id } = (
      await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Batch Refused', age: 5 } } })
    ).body.data;
    const taken = (
      await t.app.containers.audit.items
        .query(`SELECT * FROM c WHERE c.record_id = '${id}' AND c.type = 'audit_entry'`)
        .fetchAll()
    ).resources[0];
    // The update's audit entry reuses an id already stored: the batch's create is refused (409).
    const original = t.app.audit.document.bind(t.app.audit);
    t.app.audit.document = (entry) => ({ ...original(entry), id: taken.id });
    try {
      const res = await t.call('PATCH', `/api/v2/cases/${id}`, { token, body: { data: { age: 6 } } });
      expect(res.status).toBe(500);
    } finally {
      t.app.audit.document = original;
    }
    const history = await t.call('GET', `/api/v2/cases/${id}/record_history`, { token });
    expect(history.body.data.map((h: { version: number }) => h.version)).toEqual([1]);
  });
});
