import Ajv2020 from 'ajv/dist/2020';
import { startTestApp, type ApiResult, type TestApp } from '../support/testApp';

/**
 * Drives every operation of /api/v2/openapi.json against the running API and checks each answer against
 * the document: the status must be one it lists, and the body must match the schema it gives for that
 * status. A new endpoint without a request here, or a response the document does not describe, fails.
 */
let t: TestApp;
let doc: { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
let ajv: Ajv2020;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  doc = (await t.call('GET', '/api/v2/openapi.json')).body;
  ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema(doc, 'openapi');
  for (const user of ['cw_gh', 'sup_gh', 'admin_gh', 'cw2_gh']) tokens[user] = await t.login(user);
  const create = async (resource: string, data: Record<string, unknown>) =>
    (await t.call('POST', `/api/v2/${resource}`, { token: tokens.cw_gh, body: { data } })).body.data
      .id as string;
  ids.cases = await create('cases', {
    name: 'Contract Case',
    followup_subform_section: [{ followup_needed_by_date: '2026-01-01' }],
  });
  ids.tracing_requests = await create('tracing_requests', { relation_name: 'Contract Parent' });
  ids.incidents = (
    await t.call('POST', `/api/v2/cases/${ids.cases}/incidents`, {
      token: tokens.cw_gh,
      body: { data: { incident_date: '2026-01-02' } },
    })
  ).body.data?.id;
  const flag = await t.call('POST', `/api/v2/cases/${ids.cases}/flags`, {
    token: tokens.cw_gh,
    body: { data: { message: 'check' } },
  });
  ids.flag_id = flag.body.data?.id;
});
afterAll(() => t.close());

const ADMIN =
  /^\/api\/v2\/(roles|user_groups|agencies|lookups|locations|users(?!\/me)|forms|permissions|admin|audit_logs|reminders|configuration)/;

/** The request each operation gets: who calls it, and with what body and query. */
function requestFor(method: string, path: string) {
  const resource = /^\/api\/v2\/(?:sync\/|admin\/)?(cases|incidents|tracing_requests)/.exec(path)?.[1];
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === 'id' && resource) return ids[resource] ?? 'none';
    if (name === 'id' && path.startsWith('/api/v2/users')) return 'user-cw_gh';
    if (name === 'id' && path.startsWith('/api/v2/roles')) return 'role-cp-caseworker';
    if (name === 'id' && path.startsWith('/api/v2/agencies')) return 'agency-unicef';
    if (name === 'id' && path.startsWith('/api/v2/user_groups')) return 'usergroup-cp-accra';
    if (name === 'id' && path.startsWith('/api/v2/forms'))
      return method === 'get' ? 'basic_identity' : 'case';
    if (name === 'flag_id') return ids.flag_id ?? 'none';
    if (name === 'approval_id') return 'case_plan';
    return 'does-not-exist';
  });
  const bodies: Record<string, unknown> = {
    'post /api/v2/tokens': { user: { user_name: 'cw_gh', password: 'wrong password' } },
    'post /api/v2/sync/cases': {
      data: [
        { mutation_id: 'm-contract-1', op: 'update', id: ids.cases, base_version: 1, changes: { age: 'x' } },
      ],
    },
    'patch /api/v2/cases/{id}/approvals/{approval_id}': { data: { approval_status: 'requested' } },
    'post /api/v2/cases/{id}/flags': { data: { message: 'contract flag' } },
    'patch /api/v2/cases/{id}/flags/{flag_id}': { data: { unflag_message: 'done' } },
    'post /api/v2/users/me/totp/verify': { data: { code: '000000' } },
    'patch /api/v2/users/me': { data: { locale: 'en' } },
  };
  const key = `${method} ${path.replace(/\/(incidents|tracing_requests)\//, '/cases/').replace(/\/sync\/(incidents|tracing_requests)$/, '/sync/cases')}`;
  const body = bodies[key] ?? (['post', 'patch'].includes(method) ? { data: {} } : undefined);
  const user = ADMIN.test(path) ? 'admin_gh' : 'cw_gh';
  return {
    url: filled,
    body,
    token: path === '/api/v2/tokens' && method === 'post' ? undefined : tokens[user],
  };
}

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function check(method: string, path: string, res: ApiResult): string[] {
  const responses = doc.paths[path]?.[method]?.responses ?? {};
  const documented = responses[String(res.status)] as
    { content?: Record<string, { schema?: unknown }> } | undefined;
  if (!documented)
    return [
      `${method.toUpperCase()} ${path}: ${res.status} is not documented (${JSON.stringify(res.body).slice(0, 200)})`,
    ];
  if (!documented.content?.['application/json']?.schema) return [];
  const ref = `openapi#/${pointer('paths', path, method, 'responses', String(res.status), 'content', 'application/json', 'schema')}`;
  const validate = ajv.getSchema(ref);
  if (!validate) return [`${path}: no schema at ${ref}`];
  return validate(res.body)
    ? []
    : [`${method.toUpperCase()} ${path} ${res.status}: ${ajv.errorsText(validate.errors)}`];
}

it('every documented operation answers as documented', async () => {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method, path })),
  );
  expect(ops.length).toBeGreaterThan(90);
  // Destructive operations last, sign-out at the very end.
  const rank = (o: { method: string; path: string }) =>
    o.path === '/api/v2/tokens' && o.method === 'delete'
      ? 2
      : o.method === 'delete' || o.path.includes('/keys/')
        ? 1
        : 0;
  const problems: string[] = [];
  const statuses: Record<string, number> = {};
  for (const o of [...ops].sort((a, b) => rank(a) - rank(b))) {
    const r = requestFor(o.method, o.path);
    const res = await t.call(o.method.toUpperCase(), r.url, {
      token: r.token,
      ...(r.body !== undefined ? { body: r.body } : {}),
    });
    statuses[`${o.method} ${r.url}`] = res.status;
    problems.push(...check(o.method, o.path, res));
  }
  expect(problems).toEqual([]);
  // Reads reach their success answer, so their schemas are checked, not only the error envelope.
  const reads = Object.entries(statuses).filter(
    ([k]) => k.startsWith('get ') && !k.includes('does-not-exist'),
  );
  expect(reads.filter(([, s]) => s !== 200)).toEqual([]);
  // Over a hundred requests in turn (a whole configuration export among them): under a full parallel
  // run on a shared machine they take longer than the default 30 s, alone about 10 s.
}, 120_000);

it('every HTTP function the host serves is in the document', () => {
  const served = [...t.host.describe('http://h').matchAll(/\[([A-Z,]+)\] http:\/\/h\/(\S+)/g)].flatMap(
    ([, methods, route]) =>
      (methods as string)
        .split(',')
        .map((m) => `${m.toLowerCase()} /${(route as string).replace(/\{(\w+)[^}]*\}/g, '{$1}')}`),
  );
  expect(served.length).toBeGreaterThan(90);
  // The web app's catch-all serves the page and its files, not the API (test/http/webApp.test.ts).
  const api = served.filter((op) => !op.endsWith(' /{*path}'));
  const documented = new Set(
    Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`)),
  );
  expect(api.filter((op) => !documented.has(op)).sort()).toEqual([]);
});
