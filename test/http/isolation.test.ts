import { totpCode } from '../../src/auth/totp';
import { hashPassword } from '../../src/auth/passwords';
import { DEPLOYMENT_WIDE } from '../../src/platform/containers';
import { userDocId } from '../../src/users/userRepository';
import type { User } from '../../src/users/types';
import { PASSWORD, TOTP_SECRET, startTestApp, type ApiResult, type TestApp } from '../support/testApp';

// Every HTTP function the host registers, driven with a GH record by a caller of another country (a KE
// administrator: every permission, whole-country scope, so only the country stands between them) and by a
// caller of another caseload (a GH supervisor of another user group: every casework permission, group
// scope). Each must answer 404 and change nothing: not the record, not its alerts, not its blobs. The
// routes are read from the host, so a route added without an entry below fails the first test.

type Kind = 'case' | 'incident' | 'tracing_request';
const plural = { case: 'cases', incident: 'incidents', tracing_request: 'tracing_requests' } as const;
const kinds: Kind[] = ['case', 'incident', 'tracing_request'];
/** A field each record type accepts, for creating and for editing. */
const field = { case: 'name', incident: 'incident_location', tracing_request: 'relation_name' } as const;
// Referrals and transfers need the child's consent.
const consent = (kind: Kind) => (kind === 'case' ? { consent_for_services: true } : {});
const edit = (kind: Kind) => ({ [field[kind]]: 'Edited by a probe' });
const directoryKinds = ['roles', 'user_groups', 'agencies', 'lookups', 'locations'] as const;

interface RecordFixture {
  id: string;
  disabled_id: string;
  attachment_id: string;
  flag_id: string;
  alert_id: string;
}
interface Fixtures {
  records: Record<Kind, RecordFixture>;
  referral_id: string;
  approval_id: string;
  transfer: { id: string; transfer_id: string };
  transfer_request_id: string;
  bulk_assign_job_id: string;
  directory: Record<(typeof directoryKinds)[number] | 'users', string>;
}

type Outsider = 'country' | 'caseload';
interface Probe {
  /** The route's path parameters, from the GH fixtures. */
  params: (f: Fixtures) => Record<string, string>;
  query?: string;
  body?: (f: Fixtures) => unknown;
  raw?: { bytes: Buffer; type: string };
  /** Why the caller of another caseload is not tried (the route needs a role that sees the whole country). */
  noCaseload?: string;
  /** The route answers an unseen record as it answers a missing one, but not with a 404 (say why). */
  sameAsMissing?: string;
  /** Default: 404 in the error envelope. */
  expectAnswer?: (res: ApiResult, f: Fixtures) => void;
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const onRecord = (kind: Kind, extra: (r: RecordFixture) => Record<string, string> = () => ({})) => ({
  params: (f: Fixtures) => ({ id: f.records[kind].id, ...extra(f.records[kind]) }),
});
const adminOnly = 'needs `manage`, which only roles that see the whole country hold';
const mutation = (f: Fixtures, kind: Kind, op: 'update' | 'disable') => ({
  mutation_id: `m-isolation-${op}-${kind}`,
  op,
  id: f.records[kind].id,
  ...(op === 'update' ? { base_version: 1, changes: edit(kind) } : {}),
});
const pushAnswer =
  (kind: Kind) =>
  (res: ApiResult): void => {
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(2);
    for (const result of res.body.data) {
      expect(result).toMatchObject({ result: 'rejected' });
      expect(result.record).toBeUndefined();
      expect(JSON.stringify(result.errors)).toMatch(/not found/i);
    }
    void kind;
  };

/** Routes that take a record (or a directory entry) in the path or the body. Add a new route here. */
const withRecord: Record<string, Probe> = {};
for (const kind of kinds) {
  const p = plural[kind];
  Object.assign(withRecord, {
    [`${p}-read`]: onRecord(kind),
    [`${p}-update`]: { ...onRecord(kind), body: () => ({ data: edit(kind) }) },
    [`${p}-disable`]: onRecord(kind),
    [`${p}-hard-delete`]: {
      params: (f: Fixtures) => ({ id: f.records[kind].disabled_id }),
      noCaseload: adminOnly,
    },
    [`${kind}-alerts-list`]: onRecord(kind),
    [`${kind}-alerts-delete`]: onRecord(kind, (r) => ({ alert_id: r.alert_id })),
    [`${p}-attachments-upload`]: {
      ...onRecord(kind),
      query: 'field_name=photos&file_name=probe.png',
      raw: { bytes: PNG, type: 'image/png' },
    },
    [`${p}-attachments-delete`]: onRecord(kind, (r) => ({ attachment_id: r.attachment_id })),
    [`${kind}-flags-list`]: onRecord(kind),
    [`${kind}-flags-create`]: { ...onRecord(kind), body: () => ({ data: { message: 'probe' } }) },
    [`${kind}-flags-unflag`]: {
      ...onRecord(kind, (r) => ({ flag_id: r.flag_id })),
      body: () => ({ data: { unflag_message: 'probe' } }),
    },
    [`${p}-flags-bulk`]: {
      params: () => ({}),
      body: (f: Fixtures) => ({ data: { ids: [f.records[kind].id], record_type: p, message: 'probe' } }),
      // A bulk flag skips the records the caller may not flag, as a single request would answer 404.
      expectAnswer: (res: ApiResult) => {
        expect(res.status).toBe(200);
        expect(res.body.data).toEqual([]);
      },
    },
    [`${kind}-record-history`]: onRecord(kind),
    [`sync-${p}-push`]: {
      params: () => ({}),
      body: (f: Fixtures) => ({ data: [mutation(f, kind, 'update'), mutation(f, kind, 'disable')] }),
      expectAnswer: pushAnswer(kind),
    },
  });
}
Object.assign(withRecord, {
  'attachments-download': { params: (f: Fixtures) => ({ id: f.records.case.attachment_id }) },
  'case-approvals': {
    ...onRecord('case'),
    params: (f: Fixtures) => ({ id: f.records.case.id, approval_id: f.approval_id }),
    body: () => ({ data: { approval_status: 'approved' } }),
  },
  'case-incidents-list': onRecord('case'),
  'case-incidents-create': {
    ...onRecord('case'),
    body: () => ({ data: { incident_date: '2026-11-03' } }),
    sameAsMissing: 'the case is a field of the new incident, so it is refused as a field (422)',
  },
  'case-assigns-create': { ...onRecord('case'), body: () => ({ data: { transitioned_to: 'cw2_gh' } }) },
  'case-assigns-list': onRecord('case'),
  'case-referrals-list': onRecord('case'),
  'case-transfers-list': onRecord('case'),
  // A bulk transition answers 200 with each case it could not act on in `errors`, as a single one answers 404.
  ...Object.fromEntries(
    ['assigns', 'referrals', 'transfers'].map((resource) => [
      `cases-${resource}-bulk`,
      {
        params: () => ({}),
        body: (f: Fixtures) => ({ data: { ids: [f.records.case.id], transitioned_to: 'cw2_gh' } }),
        expectAnswer: (res: ApiResult, f: Fixtures) => {
          expect(res.status).toBe(200);
          expect(res.body.data).toEqual([]);
          expect(res.body.errors).toEqual([
            expect.objectContaining({
              status: 404,
              resource: `/api/v2/cases/${f.records.case.id}/${resource}`,
            }),
          ]);
        },
      },
    ]),
  ),
  'case-referrals-create': { ...onRecord('case'), body: () => ({ data: { transitioned_to: 'cw2_gh' } }) },
  'case-referrals-respond': {
    params: (f: Fixtures) => ({ id: f.records.case.id, referral_id: f.referral_id }),
    body: () => ({ data: { status: 'accepted' } }),
  },
  'case-referrals-revoke': {
    params: (f: Fixtures) => ({ id: f.records.case.id, referral_id: f.referral_id }),
  },
  'case-transitions': onRecord('case'),
  // A GH caseworker's background bulk assign: only they and a GH admin may follow it.
  'cases-assigns-job': { params: (f: Fixtures) => ({ job_id: f.bulk_assign_job_id }) },
  'case-transfer-requests-list': onRecord('case'),
  'case-transfer-requests-create': { ...onRecord('case'), body: () => ({ data: { notes: 'probe' } }) },
  'case-transfer-requests-respond': {
    params: (f: Fixtures) => ({ id: f.records.case.id, transfer_request_id: f.transfer_request_id }),
    body: () => ({ data: { status: 'accepted' } }),
  },
  'case-transfers-create': { ...onRecord('case'), body: () => ({ data: { transitioned_to: 'cw2_gh' } }) },
  'case-transfers-respond': {
    params: (f: Fixtures) => ({ id: f.transfer.id, transfer_id: f.transfer.transfer_id }),
    body: () => ({ data: { status: 'accepted' } }),
  },
});
for (const resource of [...directoryKinds, 'users'] as const) {
  const params = (f: Fixtures) => ({ id: f.directory[resource] });
  const rename = resource === 'users' ? { full_name: 'Probe' } : { name: 'Probe' };
  Object.assign(withRecord, {
    [`${resource}-read`]: { params, noCaseload: adminOnly },
    [`${resource}-update`]: { params, body: () => ({ data: rename }), noCaseload: adminOnly },
  });
}

// A lookup or location of GH, deleted by an outsider: as absent as a missing one, and nothing published.
for (const resource of ['lookups', 'locations'] as const)
  withRecord[`${resource}-delete`] = {
    params: (f: Fixtures) => ({ id: f.directory[resource] }),
    noCaseload: adminOnly,
  };

withRecord['users-unlock'] = { params: (f: Fixtures) => ({ id: f.directory.users }), noCaseload: adminOnly };

/** Routes that name no record: why each is safe to leave out. Their GET answers are still checked for leaks. */
const withoutRecord: Record<string, string> = {
  health: 'public liveness probe',
  primero: 'public deployment description',
  'identity-providers': 'public sign-in description',
  'contact-information': 'public support contact of the deployment',
  openapi: 'public API description',
  'web-app': 'the built web app: public files, the same for everyone, no record',
  'tokens-create': 'sign-in: names a user by credentials, not a record',
  'tokens-delete': 'sign-out of the caller’s own session',
  'totp-start': 'the caller’s own two-factor enrolment',
  'totp-verify': 'the caller’s own two-factor enrolment',
  'country-setup': 'deployment step with its own key, not a user route',
  'keys-rotate': 'rotates the caller’s own country key',
  'reminders-status': 'counts of the caller’s country',
  'permissions-list': 'the static permission catalogue',
  'forms-list': 'the caller’s country form settings',
  'forms-read': '{id} is a form of the caller’s country, not a record',
  'system-settings': 'the caller’s country settings',
  'forms-update': '{id} is a record type; the country comes from the caller',
  'forms-create': 'creates in the caller’s country',
  'forms-delete': '{id} is a form of the caller’s country, not a record',
  'locations-import': 'imports into the caller’s country',
  'configuration-export': 'the caller’s country configuration',
  'configuration-import': 'replaces the caller’s country configuration, nothing of another',
  'alerts-counts': 'counts within the caller’s scope',
  'tasks-list': 'list within the caller’s scope',
  'flags-list': 'list within the caller’s scope',
  'audit-logs-list': 'list of the caller’s country',
  'users-list': 'list of the caller’s country',
  'users-create': 'creates in the caller’s country',
  'users-me-read': 'the caller’s own account',
  'users-me-update': 'the caller’s own account',
  'users-assign-to': 'users of the caller’s country the caller may choose',
  'users-refer-to': 'users of the caller’s country the caller may choose',
  'users-transfer-to': 'users of the caller’s country the caller may choose',
};
for (const kind of kinds) {
  const p = plural[kind];
  withoutRecord[`${p}-list`] = 'list within the caller’s scope';
  withoutRecord[`${p}-create`] = 'creates in the caller’s country';
  withoutRecord[`sync-${p}-pull`] = 'pull within the caller’s scope';
}
for (const resource of directoryKinds) {
  withoutRecord[`${resource}-list`] = 'list of the caller’s country';
  withoutRecord[`${resource}-create`] = 'creates in the caller’s country';
}

let t: TestApp;
let f: Fixtures;
const tokens: Record<string, string> = {};
const outsiders: Record<Outsider, string> = { country: 'admin_ke', caseload: 'sup2_gh' };

const httpFunctions = () => t.host.functions.filter((fn) => fn.trigger.type === 'httpTrigger');
const routeOf = (name: string) => {
  const fn = httpFunctions().find((x) => x.name === name);
  if (!fn) throw new Error(`no function ${name}`);
  return { method: String((fn.trigger.methods as string[])[0]), route: String(fn.trigger.route) };
};

const addUser = async (user: Partial<User> & { user_name: string }) =>
  t.app.users.upsert({
    id: userDocId(user.user_name),
    type: 'user',
    country_code: DEPLOYMENT_WIDE,
    full_name: user.user_name,
    email: `${user.user_name}@example.org`,
    password_hash: await hashPassword(PASSWORD),
    disabled: false,
    locale: 'en',
    user_group_unique_ids: [],
    agency_unique_id: 'agency-unicef',
    country_codes: ['GH'],
    role_unique_id: 'role-cp-caseworker',
    ...user,
  } as User);

const must = async (res: Promise<ApiResult>, what: string) => {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data;
};

beforeAll(async () => {
  // Its own blob container: every blob in it belongs to the fixtures below.
  t = await startTestApp({ ATTACHMENTS_CONTAINER: 'isolation-under-test' });
  await addUser({
    user_name: 'admin_ke',
    country_codes: ['KE'],
    role_unique_id: 'role-admin',
    totp_secret: TOTP_SECRET,
  });
  await addUser({
    user_name: 'sup2_gh',
    role_unique_id: 'role-cp-supervisor',
    user_group_unique_ids: ['usergroup-gbv-accra'],
    agency_unique_id: 'agency-ngo-a',
  });
  for (const user of ['cw_gh', 'sup_gh', 'admin_gh', 'sup2_gh']) tokens[user] = await t.login(user);
  const ke = await t.call('POST', '/api/v2/tokens', {
    body: {
      user: { user_name: 'admin_ke', password: PASSWORD, totp_code: totpCode(TOTP_SECRET, t.clock.now()) },
    },
  });
  tokens.admin_ke = ke.body.token;

  const cw = tokens.cw_gh as string;
  const as = (token: string, method: string, path: string, options: Parameters<TestApp['call']>[2] = {}) =>
    must(t.call(method, `/api/v2${path}`, { token, ...options }), `${method} ${path}`);
  const records = {} as Record<Kind, RecordFixture>;
  for (const kind of kinds) {
    const p = plural[kind];
    const { id } = await as(cw, 'POST', `/${p}`, {
      body: { data: { [field[kind]]: `Isolated ${kind}`, ...consent(kind) } },
    });
    const disabled = await as(cw, 'POST', `/${p}`, { body: { data: { [field[kind]]: `Disabled ${kind}` } } });
    await as(cw, 'DELETE', `/${p}/${disabled.id}`);
    const attachment = await as(cw, 'POST', `/${p}/${id}/attachments?field_name=photos&file_name=p.png`, {
      rawBody: PNG,
      headers: { 'Content-Type': 'image/png' },
    });
    const flag = await as(cw, 'POST', `/${p}/${id}/flags`, { body: { data: { message: 'watch' } } });
    const alert_id = `${kind.replace('_', '')}alert`.padEnd(32, '0');
    await t.app.alerts.create({
      id: alert_id,
      unique_id: alert_id,
      type: 'alert',
      country_code: 'GH',
      record_id: id,
      record_type: kind,
      alert_for: 'followup_due',
      form_unique_id: 'followup',
      date: '2026-11-01',
      user_name: 'cw_gh',
      created_at: new Date().toISOString(),
    });
    records[kind] = {
      id,
      disabled_id: disabled.id,
      attachment_id: attachment.id,
      flag_id: flag.id,
      alert_id,
    };
  }
  const caseId = records.case.id;
  await as(cw, 'PATCH', `/cases/${caseId}/approvals/case_plan`, {
    body: { data: { approval_status: 'requested' } },
  });
  const referred = await as(cw, 'POST', `/cases/${caseId}/referrals`, {
    body: { data: { transitioned_to: 'cw2_gh' } },
  });
  // The owner's group supervisor asks for the case.
  const requested = await as(tokens.sup_gh as string, 'POST', `/cases/${caseId}/transfer_requests`, {
    body: { data: { notes: 'I will take it' } },
  });
  const transferCase = await as(cw, 'POST', '/cases', {
    body: { data: { name: 'Transfer pending', consent_for_services: true } },
  });
  const transferred = await as(tokens.sup_gh as string, 'POST', `/cases/${transferCase.id}/transfers`, {
    body: { data: { transitioned_to: 'cw2_gh' } },
  });

  // Stored as the bulk assign route stores it (a job needs over 100 matching cases to be queued).
  const cwPrincipal = await t.app.users.findByUserName('cw_gh');
  const cwRole = await t.app.users.findRole('GH', cwPrincipal!.role_unique_id);
  const bulkJob = t.app.bulkAssignJobs.newJob(
    { user: cwPrincipal!, role: cwRole!, countryCode: 'GH', tokenId: 'fixture', tokenExpiresAt: 0 },
    [caseId],
    { transitioned_to: 'cw2_gh' },
  );
  await t.app.bulkAssignJobs.save(bulkJob);

  const admin = tokens.admin_gh as string;
  const gh = (resource: string) => `gh-only-${resource.replace('_', '-')}`;
  const directoryBodies = {
    roles: {
      unique_id: gh('roles'),
      name: 'GH only',
      group_permission: 'self',
      permissions: [{ resource: 'cases', actions: ['read'] }],
      module_unique_ids: ['primeromodule-cp'],
      require_2fa: false,
    },
    user_groups: { unique_id: gh('user_groups'), name: 'GH only' },
    agencies: { unique_id: gh('agencies'), name: 'GH only', agency_code: 'GHONLY' },
    lookups: { unique_id: gh('lookups'), name: 'GH only', values: [{ id: 'a', display_text: 'A' }] },
    locations: { code: gh('locations'), name: 'GH only', type: 'district', admin_level: 2 },
  };
  for (const resource of directoryKinds)
    await as(admin, 'POST', `/${resource}`, { body: { data: directoryBodies[resource] } });

  f = {
    records,
    approval_id: 'case_plan',
    referral_id: referred.id,
    transfer: { id: transferCase.id, transfer_id: transferred.id },
    transfer_request_id: requested.id,
    bulk_assign_job_id: bulkJob.id,
    directory: {
      ...Object.fromEntries(directoryKinds.map((k) => [k, gh(k)])),
      users: userDocId('cw_gh'),
    } as Fixtures['directory'],
  };
});
afterAll(() => t.close());

/** What the probes must not change: every stored document of the fixtures (by ETag) and the blobs. */
const snapshot = async () => {
  const recordIds = [...kinds.flatMap((k) => [f.records[k].id, f.records[k].disabled_id]), f.transfer.id];
  const docIds = [...recordIds, ...Object.values(f.directory)];
  const etags = async (
    container: (typeof t.app.containers)[keyof typeof t.app.containers],
    where: string,
  ) => {
    const { resources } = await container.items
      .query<{ id: string; _etag: string; country_code: string }>({
        query: `SELECT c.id, c._etag, c.country_code FROM c WHERE ${where}`,
        parameters: [
          { name: '@ids', value: docIds },
          { name: '@records', value: recordIds },
        ],
      })
      .fetchAll();
    return resources.map((r) => `${r.country_code}/${r.id}@${r._etag}`).sort();
  };
  const blobs: string[] = [];
  const container = t.app.blob.getContainerClient(t.app.config.ATTACHMENTS_CONTAINER);
  for await (const blob of container.listBlobsFlat()) blobs.push(blob.name);
  return {
    records: await etags(t.app.containers.records, 'ARRAY_CONTAINS(@ids, c.id)'),
    directory: await etags(t.app.containers.users, 'ARRAY_CONTAINS(@ids, c.id)'),
    config: await etags(t.app.containers.config, 'ARRAY_CONTAINS(@ids, c.id)'),
    alerts: await etags(t.app.containers.alerts, 'ARRAY_CONTAINS(@records, c.record_id)'),
    blobs: blobs.sort(),
  };
};

const pathOf = (route: string, params: Record<string, string>) =>
  `/${route.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`the table gives no value for {${name}} of ${route}`);
    return encodeURIComponent(value);
  })}`;

const MISSING = '00000000-0000-4000-8000-000000000000';
const probe = (name: string, outsider: Outsider, missing = false) => {
  const entry = withRecord[name] as Probe;
  const { method, route } = routeOf(name);
  const params = { ...entry.params(f), ...(missing ? { id: MISSING } : {}) };
  const path = pathOf(route, params) + (entry.query ? `?${entry.query}` : '');
  const options = entry.raw
    ? { rawBody: entry.raw.bytes, headers: { 'Content-Type': entry.raw.type } }
    : entry.body
      ? { body: entry.body(f) }
      : {};
  return t.call(method, path, { token: tokens[outsiders[outsider]], ...options });
};

it('every HTTP function the host registers has an entry in this table', () => {
  const names = httpFunctions().map((fn) => fn.name);
  const missing = names.filter((n) => !(n in withRecord) && !(n in withoutRecord));
  expect(missing.map((n) => `${n}: add it to withRecord (or to withoutRecord with the reason)`)).toEqual([]);
  const stale = [...Object.keys(withRecord), ...Object.keys(withoutRecord)].filter((n) => !names.includes(n));
  expect(stale).toEqual([]);
  expect(Object.keys(withRecord).filter((n) => n in withoutRecord)).toEqual([]);
});

describe.each(['country', 'caseload'] as Outsider[])('a caller of another %s', (outsider) => {
  const cases = () => Object.keys(withRecord);
  it.each(cases())('%s answers 404 and changes nothing', async (name) => {
    const entry = withRecord[name] as Probe;
    if (outsider === 'caseload' && entry.noCaseload) return;
    const before = await snapshot();
    const res = await probe(name, outsider);
    if (entry.expectAnswer) entry.expectAnswer(res, f);
    else if (entry.sameAsMissing) {
      const missing = await probe(name, outsider, true);
      const strip = (r: ApiResult) => ({
        status: r.status,
        errors: r.body.errors?.map((e: object) => ({ ...e, resource: '' })),
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(strip(res)).toEqual(strip(missing));
    } else {
      expect(`${res.status} ${JSON.stringify(res.body)}`).toMatch(/^404 /);
      expect(res.body.errors?.[0]).toMatchObject({ status: 404 });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('no list or read without a record id mentions the GH fixtures', async () => {
    const secretIds = kinds.flatMap((k) => [
      f.records[k].id,
      f.records[k].attachment_id,
      f.records[k].flag_id,
    ]);
    for (const name of Object.keys(withoutRecord)) {
      const { method, route } = routeOf(name);
      if (method !== 'GET' || route.includes('{')) continue;
      const res = await t.call('GET', `/${route}`, { token: tokens[outsiders[outsider]] });
      // The caller's own refused probes are audited, with the ids they tried: that is the audit trail working.
      const others = Array.isArray(res.body?.data)
        ? res.body.data.filter((e: { user_name?: string }) => e.user_name !== outsiders[outsider])
        : res.body;
      const text = JSON.stringify(others);
      for (const id of secretIds) expect(`${name}: ${text.includes(id)}`).toBe(`${name}: false`);
    }
  });
});

it('the owner still sees each fixture as it was (the probes hit real records)', async () => {
  for (const kind of kinds) {
    const res = await t.call('GET', `/api/v2/${plural[kind]}/${f.records[kind].id}`, { token: tokens.cw_gh });
    expect(res.status).toBe(200);
    expect(res.body.data.photos).toHaveLength(1);
  }
});
