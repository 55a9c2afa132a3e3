import { randomUUID } from 'node:crypto';
import { PASSWORD, startTestApp, type TestApp } from '../support/testApp';
import { changeFormGrants } from '../support/formGrants';

// Per-role form permissions on records: a role reads only the fields of forms it may read and writes only
// those of forms it may edit. Here the CP caseworker role loses the protection concern form (risk_level)
// and the closure form, and may only read the consent form (consent_for_services); the supervisor keeps all.
let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const user of ['cw_gh', 'sup_gh', 'admin_gh']) tokens[user] = await t.login(user);
  await changeFormGrants(t, tokens.admin_gh as string, 'role-cp-caseworker', (grants) => {
    delete grants.protection_concern_details;
    delete grants.closure;
    return { ...grants, consent: 'r' };
  });
});
afterAll(() => t.close());

type Rec = Record<string, unknown> & { id: string; version: number };
const call = (user: string, method: string, path: string, body?: unknown) =>
  t.call(method, path, { token: tokens[user], ...(body === undefined ? {} : { body }) });
const show = async (user: string, id: string) => {
  const res = await call(user, 'GET', `/api/v2/cases/${id}`);
  expect(res.status).toBe(200);
  return res.body.data as Rec;
};
/** A case of cw_gh's, to which the supervisor added the fields the caseworker may not edit. */
async function caseWithSupervisorFields(): Promise<Rec> {
  const created = await call('cw_gh', 'POST', '/api/v2/cases', {
    data: { name: 'Amara Field', sex: 'female', age: 12 },
  });
  expect(created.status).toBe(200);
  const id = (created.body.data as Rec).id;
  const patched = await call('sup_gh', 'PATCH', `/api/v2/cases/${id}`, {
    data: { risk_level: 'high', consent_for_services: true },
  });
  expect(patched.status).toBe(200);
  return patched.body.data as Rec;
}
const mid = () => `m-${randomUUID()}`;
const push = async (user: string, mutations: unknown[]) => {
  const res = await call(user, 'POST', '/api/v2/sync/cases', { data: mutations });
  expect(res.status).toBe(200);
  return res.body.data as (Record<string, unknown> & { record: Rec })[];
};
// Pulls leave out the last 2 seconds of writes (see sync.test.ts): wait them out on the real clock.
const settle = () => new Promise((resolve) => setTimeout(resolve, 3500));

describe('reading a record: only the fields of forms the role may read', () => {
  it('hides a field of an ungranted form from show, list and sync pull; the supervisor sees it', async () => {
    const c = await caseWithSupervisorFields();
    const mine = await show('cw_gh', c.id);
    expect(mine).toMatchObject({
      name: 'Amara Field',
      consent_for_services: true,
      module_id: 'primeromodule-cp',
    });
    expect(mine).not.toHaveProperty('risk_level');
    // Bookkeeping every client needs stays.
    expect(mine).toMatchObject({ id: c.id, owned_by: 'cw_gh', version: 2, forms_version: 1 });
    expect(await show('sup_gh', c.id)).toMatchObject({ risk_level: 'high' });

    const list = await call('cw_gh', 'GET', '/api/v2/cases?per=100');
    const listed = (list.body.data as Rec[]).find((r) => r.id === c.id);
    expect(listed).toMatchObject({ name: 'Amara Field' });
    expect(listed).not.toHaveProperty('risk_level');

    await settle();
    const pull = await call('cw_gh', 'GET', '/api/v2/sync/cases?per=500');
    expect(pull.status).toBe(200);
    expect(pull.body.metadata.forms_version).toBe(1);
    const pulled = (pull.body.data as Rec[]).find((r) => r.id === c.id);
    expect(pulled).toMatchObject({ name: 'Amara Field' });
    expect(pulled).not.toHaveProperty('risk_level');
  });

  it('leaves the changes of unreadable fields out of the record history', async () => {
    const c = await caseWithSupervisorFields();
    const fieldsChanged = async (user: string) => {
      const res = await call(user, 'GET', `/api/v2/cases/${c.id}/record_history`);
      expect(res.status).toBe(200);
      return (res.body.data as { record_changes: Record<string, unknown>[] }[]).flatMap((h) =>
        h.record_changes.flatMap((change) => Object.keys(change)),
      );
    };
    const cw = await fieldsChanged('cw_gh');
    expect(cw).toEqual(expect.arrayContaining(['name', 'consent_for_services']));
    expect(cw).not.toContain('risk_level');
    expect(await fieldsChanged('sup_gh')).toContain('risk_level');
  });

  it('does not reveal an unreadable value through the sync conflicts a held push leaves in the history', async () => {
    // The attack: push a guess for a field one may not read; it is held, and the held entry records the
    // server's value beside the guess. The history of that change must not show it to the pusher.
    const c = await caseWithSupervisorFields();
    const [held] = await push('cw_gh', [
      { mutation_id: mid(), op: 'update', id: c.id, base_version: c.version, changes: { risk_level: 'low' } },
    ]);
    expect(held).toMatchObject({
      result: 'applied',
      held: [expect.objectContaining({ field: 'risk_level' })],
    });
    const history = async (user: string) => {
      const res = await call(user, 'GET', `/api/v2/cases/${c.id}/record_history`);
      expect(res.status).toBe(200);
      return JSON.stringify(res.body.data);
    };
    const mine = await history('cw_gh');
    expect(mine).not.toContain('risk_level');
    expect(mine).not.toContain('"high"');
    // Whoever may read the field sees the held value in the history.
    expect(await history('sup_gh')).toContain('"field":"risk_level"');
  });

  it("leaves a record's alerts about a form the role may not read out", async () => {
    const c = await caseWithSupervisorFields();
    const requested = await call('sup_gh', 'PATCH', `/api/v2/cases/${c.id}/approvals/closure`, {
      data: { approval_status: 'requested' },
    });
    expect(requested.status).toBe(200);
    const alerts = async (user: string) =>
      (await call(user, 'GET', `/api/v2/cases/${c.id}/alerts`)).body.data as { form_unique_id: string }[];
    expect((await alerts('sup_gh')).map((a) => a.form_unique_id)).toEqual(['closure']);
    expect(await alerts('cw_gh')).toEqual([]);
  });

  it('refuses to filter a list by a field the role may not read', async () => {
    const res = await call('cw_gh', 'GET', '/api/v2/cases?risk_level=high');
    expect(res.status).toBe(403);
    expect(res.body.errors).toEqual([expect.objectContaining({ status: 403, detail: 'risk_level' })]);
    expect((await call('sup_gh', 'GET', '/api/v2/cases?risk_level=high')).status).toBe(200);
  });

  it('refuses a bulk action selecting by a field the role may not read, and changes nothing', async () => {
    // How many cases a bulk flag or assign selects would tell what the hidden field holds.
    const c = await caseWithSupervisorFields();
    const flagged = await call('cw_gh', 'POST', '/api/v2/cases/flags', {
      data: { filters: { risk_level: ['high'] }, record_type: 'cases', message: 'Which are high?' },
    });
    expect(flagged.status).toBe(403);
    expect(flagged.body.errors).toEqual([expect.objectContaining({ status: 403, detail: 'risk_level' })]);
    const assigned = await call('cw_gh', 'POST', '/api/v2/cases/assigns', {
      data: { filters: { risk_level: 'high' }, transitioned_to: 'cw2_gh', notes: 'Move the high ones' },
    });
    expect(assigned.status).toBe(403);
    expect(await show('sup_gh', c.id)).toMatchObject({ owned_by: 'cw_gh', flag_count: 0 });
    // The supervisor, who reads the field, selects by it.
    const byReader = await call('sup_gh', 'POST', '/api/v2/cases/flags', {
      data: { filters: { risk_level: ['high'], id: [c.id] }, record_type: 'cases', message: 'High risk' },
    });
    expect(byReader.status).toBe(200);
    expect(byReader.body.data).toEqual([expect.objectContaining({ record_id: c.id })]);
  });
});

describe('writing a record: only the fields of forms the role may edit', () => {
  it('answers 403 naming each field of a read-only or hidden form, and writes nothing', async () => {
    const c = await caseWithSupervisorFields();
    const res = await call('cw_gh', 'PATCH', `/api/v2/cases/${c.id}`, {
      data: { name: 'Renamed', consent_for_services: false, risk_level: 'low' },
    });
    expect(res.status).toBe(403);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        status: 403,
        resource: `/api/v2/cases/${c.id}`,
        detail: 'consent_for_services',
      }),
      expect.objectContaining({ status: 403, detail: 'risk_level' }),
    ]);
    const after = await show('sup_gh', c.id);
    expect(after).toMatchObject({
      name: 'Amara Field',
      consent_for_services: true,
      risk_level: 'high',
      version: 2,
    });
  });

  it('accepts a read-only field sent back unchanged, and the supervisor edits it', async () => {
    const c = await caseWithSupervisorFields();
    const res = await call('cw_gh', 'PATCH', `/api/v2/cases/${c.id}`, {
      data: { name: 'Amara F.', consent_for_services: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ name: 'Amara F.', consent_for_services: true });
    const sup = await call('sup_gh', 'PATCH', `/api/v2/cases/${c.id}`, {
      data: { consent_for_services: false },
    });
    expect(sup.status).toBe(200);
  });

  it('refuses a create carrying a field of a read-only form', async () => {
    const res = await call('cw_gh', 'POST', '/api/v2/cases', {
      data: { name: 'New Child', consent_for_services: true },
    });
    expect(res.status).toBe(403);
    expect(res.body.errors).toEqual([expect.objectContaining({ detail: 'consent_for_services' })]);
  });
});

describe('offline sync push: refused fields are held for review, the rest applies', () => {
  it('applies an update without the held fields, keeps them for the supervisor, who accepts one', async () => {
    const c = await caseWithSupervisorFields();
    const m = mid();
    const [result] = await push('cw_gh', [
      {
        mutation_id: m,
        op: 'update',
        id: c.id,
        base_version: c.version,
        changes: { name: 'Offline Name', consent_for_services: false, risk_level: 'low' },
      },
    ]);
    expect(result).toMatchObject({ result: 'applied', record: { name: 'Offline Name' } });
    expect(result?.held).toEqual([
      expect.objectContaining({ field: 'consent_for_services' }),
      expect.objectContaining({ field: 'risk_level' }),
    ]);
    // The pusher sees the value it may read kept for review, not the one on a form hidden from it.
    const conflictsOf = (r: Rec) =>
      (r.sync_conflicts as { field: string; reason?: string }[]).map((x) => x.field);
    expect(conflictsOf(result?.record as Rec)).toEqual(['consent_for_services']);

    const sup = await show('sup_gh', c.id);
    expect(sup).toMatchObject({ name: 'Offline Name', consent_for_services: true, risk_level: 'high' });
    expect(sup.sync_conflicts).toEqual([
      expect.objectContaining({
        field: 'consent_for_services',
        reason: 'not_permitted',
        client_value: false,
      }),
      expect.objectContaining({ field: 'risk_level', reason: 'not_permitted', client_value: 'low' }),
    ]);

    // The caseworker cannot accept its own held value; the supervisor can.
    const resolve = { data: { resolve_conflicts: [{ field: 'risk_level', use: 'client' }] } };
    expect((await call('cw_gh', 'PATCH', `/api/v2/cases/${c.id}`, resolve)).status).toBe(403);
    // Nor dismiss it.
    const dismiss = { data: { resolve_conflicts: [{ field: 'risk_level', use: 'server' }] } };
    expect((await call('cw_gh', 'PATCH', `/api/v2/cases/${c.id}`, dismiss)).status).toBe(403);
    const accepted = await call('sup_gh', 'PATCH', `/api/v2/cases/${c.id}`, resolve);
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toMatchObject({ risk_level: 'low' });
    expect((accepted.body.data.sync_conflicts as { field: string }[]).map((x) => x.field)).toEqual([
      'consent_for_services',
    ]);

    // A replay reports the same held fields.
    const [again] = await push('cw_gh', [
      { mutation_id: m, op: 'update', id: c.id, base_version: c.version, changes: { name: 'Offline Name' } },
    ]);
    expect(again).toMatchObject({ result: 'duplicate' });
    expect((again?.held as { field: string }[]).map((h) => h.field)).toEqual([
      'consent_for_services',
      'risk_level',
    ]);
  });

  it('creates an offline case without the held field and keeps its value for the admin', async () => {
    const id = randomUUID();
    const [result] = await push('cw_gh', [
      { mutation_id: mid(), op: 'create', id, changes: { name: 'Made Offline', risk_level: 'medium' } },
    ]);
    expect(result).toMatchObject({ result: 'applied', record: { id, name: 'Made Offline' } });
    expect(result?.held).toEqual([expect.objectContaining({ field: 'risk_level' })]);
    // A held value is checked when someone accepts it: an invalid one does not sink the rest.
    const [update] = await push('cw_gh', [
      {
        mutation_id: mid(),
        op: 'update',
        id,
        base_version: (result?.record as Rec).version,
        changes: { name: 'Made Offline Too', risk_level: 12 },
      },
    ]);
    expect(update).toMatchObject({ result: 'applied', record: { name: 'Made Offline Too' } });
    expect(update?.held).toEqual([expect.objectContaining({ field: 'risk_level' })]);
    const admin = await show('admin_gh', id);
    expect(admin).not.toHaveProperty('risk_level');
    expect(admin.sync_conflicts).toEqual([
      expect.objectContaining({ field: 'risk_level', reason: 'not_permitted', client_value: 'medium' }),
      expect.objectContaining({ field: 'risk_level', reason: 'not_permitted', client_value: 12 }),
    ]);
  });
});

describe("attachments follow their field's form", () => {
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  const photo = (user: string, id: string) =>
    call(user, 'POST', `/api/v2/cases/${id}/attachments`, {
      data: {
        field_name: 'photos',
        attachment_type: 'image',
        file_name: 'face.png',
        content_type: 'image/png',
        attachment: PNG.toString('base64'),
      },
    });

  it('a role without the basic identity form neither downloads nor uploads its photos', async () => {
    // A role like the caseworker's, seeing the group's cases, without basic identity (name, photos).
    const base = (await call('admin_gh', 'GET', '/api/v2/roles/role-cp-caseworker')).body.data;
    const grants: Record<string, string> = { ...base.form_section_read_write };
    delete grants.basic_identity;
    const role = await call('admin_gh', 'POST', '/api/v2/roles', {
      data: {
        unique_id: 'role-no-identity',
        name: 'Case reviewer without identity',
        group_permission: 'group',
        permissions: base.permissions,
        module_unique_ids: base.module_unique_ids,
        require_2fa: false,
        form_section_read_write: grants,
      },
    });
    expect(role.status).toBe(200);
    const cw = (await call('admin_gh', 'GET', '/api/v2/users/user-cw_gh')).body.data;
    const user = await call('admin_gh', 'POST', '/api/v2/users', {
      data: {
        user_name: 'noid_gh',
        password: PASSWORD,
        full_name: 'No Identity',
        role_unique_id: 'role-no-identity',
        user_group_unique_ids: cw.user_group_unique_ids,
        agency_unique_id: cw.agency_unique_id,
      },
    });
    expect(user.status).toBe(200);
    tokens.noid_gh = await t.login('noid_gh');

    const c = (await call('cw_gh', 'POST', '/api/v2/cases', { data: { name: 'Pictured Child' } })).body
      .data as Rec;
    const uploaded = await photo('cw_gh', c.id);
    expect(uploaded.status).toBe(200);
    const attachmentId = uploaded.body.data.id as string;

    const seen = await show('noid_gh', c.id);
    expect(seen).not.toHaveProperty('name');
    expect(seen).not.toHaveProperty('photos');
    expect((await call('noid_gh', 'GET', `/api/v2/attachments/${attachmentId}`)).status).toBe(404);
    expect((await call('cw_gh', 'GET', `/api/v2/attachments/${attachmentId}`)).status).toBe(200);
    const refused = await photo('noid_gh', c.id);
    expect(refused.status).toBe(403);
    expect(refused.body.errors).toEqual([expect.objectContaining({ detail: 'photos' })]);
    const removal = await call('noid_gh', 'DELETE', `/api/v2/cases/${c.id}/attachments/${attachmentId}`);
    expect(removal.status).toBe(404);

    // The forms tell each app which built-in boxes take its files, so it does not offer one that refuses.
    const boxes = async (user: string) => {
      const forms = await call(user, 'GET', '/api/v2/forms?record_type=case');
      expect(forms.status).toBe(200);
      return forms.body.metadata.upload_boxes;
    };
    expect(await boxes('noid_gh')).toEqual({
      case: {
        'primeromodule-cp': ['recorded_audio', 'other_documents'],
        'primeromodule-gbv': expect.any(Array),
      },
    });
    expect((await boxes('cw_gh')).case['primeromodule-cp']).toEqual([
      'photos',
      'recorded_audio',
      'other_documents',
    ]);
  });
});

// Last: it publishes a new forms version.
describe('forms versions', () => {
  it('keeps a removed field readable to admins only; pulls and new writes carry the new version', async () => {
    const created = await call('cw_gh', 'POST', '/api/v2/cases', {
      data: { name: 'Nick Named', name_nickname: 'Nicky' },
    });
    expect(created.status).toBe(200);
    const id = (created.body.data as Rec).id;
    expect(created.body.data).toMatchObject({ name_nickname: 'Nicky', forms_version: 1 });

    const form = await call('admin_gh', 'GET', '/api/v2/forms/basic_identity');
    const fields = (form.body.data.fields as { name: string }[]).filter((f) => f.name !== 'name_nickname');
    const published = await call('admin_gh', 'PATCH', '/api/v2/forms/basic_identity', { data: { fields } });
    expect(published.status).toBe(200);
    expect(published.body.metadata.version).toBe(2);
    expect((await call('cw_gh', 'GET', '/api/v2/forms')).body.metadata.version).toBe(2);

    expect(await show('cw_gh', id)).not.toHaveProperty('name_nickname');
    expect(await show('admin_gh', id)).toMatchObject({ name_nickname: 'Nicky', forms_version: 1 });

    const renamed = await call('cw_gh', 'PATCH', `/api/v2/cases/${id}`, { data: { name: 'Nick Renamed' } });
    expect(renamed.body.data).toMatchObject({ name: 'Nick Renamed', forms_version: 2 });
    await settle();
    const pull = await call('cw_gh', 'GET', '/api/v2/sync/cases?per=500');
    expect(pull.body.metadata.forms_version).toBe(2);
  });
});
