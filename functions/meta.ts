import { app } from '@azure/functions';
import { publicEndpoint } from '../src/http/pipeline';
import { ok } from '../src/http/responses';
import { checkHealth } from '../src/meta/health';
import { readContactInformation } from '../src/meta/contactInformation';
import { identityProviders, usesIdentityProvider } from '../src/meta/identityProviders';
import { primeroInfo } from '../src/meta/primeroInfo';
import { http } from './_shared/http';

app.http('health', {
  route: 'api/v2/health',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    publicEndpoint(async (_request, services) => {
      const health = await checkHealth(services);
      return { ...ok(health), status: health.status === 'ok' ? 200 : 503 };
    }),
  ),
});

app.http('primero', {
  route: 'api/v2/primero',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(publicEndpoint(async (_request, services) => ok(await primeroInfo(services)))),
});

app.http('identity-providers', {
  route: 'api/v2/identity_providers',
  methods: ['GET'],
  authLevel: 'anonymous',
  // Public, as in Primero: a client needs it to offer the sign-in.
  handler: http(
    publicEndpoint(async (_request, services) => ({
      status: 200,
      json: {
        data: identityProviders(services.config),
        metadata: { use_identity_provider: usesIdentityProvider(services.config) },
      },
    })),
  ),
});

app.http('contact-information', {
  route: 'api/v2/contact_information',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    publicEndpoint(async (_request, services) =>
      ok(await readContactInformation(services.containers.config)),
    ),
  ),
});

let openApi: unknown;
// A literal require, not loadWhenUsed: the deployment bundle (scripts/packaging/bundleApp.ts) then holds the
// module and runs it on the first call only.
const buildOpenApiDocument = () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('../src/openapi/document') as typeof import('../src/openapi/document')).buildOpenApiDocument();
app.http('openapi', {
  route: 'api/v2/openapi.json',
  methods: ['GET'],
  authLevel: 'anonymous',
  // The generator and every schema's description load on the first request, not at every cold start.
  handler: http(
    publicEndpoint(async () => ({
      status: 200,
      json: (openApi ??= buildOpenApiDocument()),
    })),
  ),
});
