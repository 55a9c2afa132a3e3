import { app } from '@azure/functions';
import { publicEndpoint } from '../src/http/pipeline';
import { signInOrigins } from '../src/meta/identityProviders';
import { serveWebApp, webAppRoot } from '../src/webApp/staticFiles';
import { http } from './_shared/http';

const defaultRoot = webAppRoot();

// The caseworker web app on the API's origin. A catch-all: every literal /api/... route precedes it, as in the
// host's route ordering, and what reaches it under /api is the API's 404.
app.http('web-app', {
  route: '{*path}',
  methods: ['GET', 'HEAD'],
  authLevel: 'anonymous',
  handler: http(
    publicEndpoint(async (request, services) =>
      serveWebApp(services.config.WEB_APP_DIR ?? defaultRoot, {
        method: request.method,
        pathname: request.url.pathname,
        authorityOrigins: signInOrigins(services.config),
      }),
    ),
  ),
});
