import { app } from '@azure/functions';
import { publicEndpoint } from '../src/http/pipeline';
import { ok } from '../src/http/responses';
import { checkHealth } from '../src/meta/health';
import { primeroInfo } from '../src/meta/primeroInfo';
import { loadWhenUsed } from '../src/platform/loadWhenUsed';
import { http } from './_shared/http';

app.http('health', {
  route: 'v2/health',
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
  route: 'v2/primero',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(publicEndpoint(async (_request, services) => ok(await primeroInfo(services)))),
});

let openApi: unknown;
app.http('openapi', {
  route: 'v2/openapi.json',
  methods: ['GET'],
  authLevel: 'anonymous',
  // The generator and every schema's description load on the first request, not at every cold start.
  handler: http(
    publicEndpoint(async () => ({
      status: 200,
      json: (openApi ??= loadWhenUsed<typeof import('../src/openapi/document')>(
        require.resolve('../src/openapi/document'),
      ).buildOpenApiDocument()),
    })),
  ),
});
