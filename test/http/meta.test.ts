import { BlobServiceClient } from '@azure/storage-blob';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('public endpoints', () => {
  it('health reaches Cosmos, Blob and the key store', async () => {
    const res = await t.call('GET', '/api/v2/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { status: 'ok', checks: { cosmos: 'ok', blob: 'ok', keys: 'ok' } } });
  });

  it('primero describes the deployment without a token', async () => {
    const res = await t.call('GET', '/api/v2/primero');
    expect(res.status).toBe(200);
    expect(res.body.data.countries).toEqual(['GH', 'KE']);
    expect(res.body.data.modules.map((m: { unique_id: string }) => m.unique_id)).toEqual([
      'primeromodule-cp',
      'primeromodule-gbv',
    ]);
    expect(res.body.data.identity_providers[0].provider_type).toBe('primero');
  });

  it('serves an OpenAPI 3.1 document built from the validation schemas', async () => {
    const res = await t.call('GET', '/api/v2/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v2/cases',
        '/api/v2/cases/{id}',
        '/api/v2/incidents/{id}',
        '/api/v2/tracing_requests',
        '/api/v2/users/{id}',
        '/api/v2/users/{id}/unlock',
        '/api/v2/roles',
        '/api/v2/sync/incidents',
        '/api/v2/cases/{id}/referrals/{referral_id}',
        '/api/v2/tracing_requests/{id}/attachments',
        '/api/v2/attachments/{id}',
        '/api/v2/tokens',
        '/api/v2/health',
      ]),
    );
    const caseSchema = res.body.components.schemas.Case;
    expect(caseSchema.properties.sex.enum).toEqual(['female', 'male', 'other', 'unknown', null]);
    expect(caseSchema.properties.followup_subform_section).toBeDefined();
    expect(res.body.components.schemas.Incident.properties.perpetrator_subform_section).toBeDefined();
    // A user's password rules come from the same schema that validates them.
    const createUser = res.body.paths['/api/v2/users'].post.requestBody.content['application/json'].schema;
    expect(createUser.properties.data.properties.password.minLength).toBe(12);
  });

  it('puts X-Request-Id and the security headers on every response, errors included', async () => {
    for (const [method, path] of [
      ['GET', '/api/v2/health'],
      ['GET', '/api/v2/cases'],
      ['POST', '/api/v2/tokens'],
    ] as const) {
      const res = await t.call(method, path);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('requires a token everywhere else', async () => {
    const res = await t.call('GET', '/api/v2/cases');
    expect(res.status).toBe(401);
    expect(res.body.errors[0]).toMatchObject({ status: 401, resource: '/api/v2/cases' });
  });

  it('answers unknown paths with 404 and wrong methods with 405', async () => {
    expect((await t.call('GET', '/api/v2/nothing-here')).status).toBe(404);
    const res = await t.call('PUT', '/api/v2/cases');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST');
  });
});

describe('health when a dependency is down', () => {
  let broken: TestApp;
  beforeAll(async () => {
    broken = await startTestApp();
    // Point the blob client at a port where nothing listens.
    broken.app.blob = new BlobServiceClient('http://127.0.0.1:9/devstoreaccount1', undefined, {
      retryOptions: { maxTries: 1 },
    });
  });
  afterAll(() => broken.close());

  it('says degraded with 503 and names the failing check only', async () => {
    const res = await broken.call('GET', '/api/v2/health');
    expect(res.status).toBe(503);
    expect(res.body.data).toEqual({
      status: 'degraded',
      checks: { cosmos: 'ok', blob: 'failed', keys: 'ok' },
    });
  });
});
