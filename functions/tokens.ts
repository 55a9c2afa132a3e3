import { app } from '@azure/functions';
import { login } from '../src/auth/login';
import { loginSchema } from '../src/auth/schema';
import { readJson } from '../src/http/body';
import { clientAddress } from '../src/http/clientAddress';
import { authedEndpoint, publicEndpoint } from '../src/http/pipeline';
import { ok } from '../src/http/responses';
import { http } from './_shared/http';

app.http('tokens-create', {
  route: 'v2/tokens',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: http(
    publicEndpoint(async (request, services) => {
      const body = await readJson(request, loginSchema, services.config.MAX_BODY_BYTES);
      const session = await login(
        {
          users: services.users,
          guard: services.loginGuard,
          tokens: services.tokens,
          clock: services.clock,
          authMode: services.config.AUTH_MODE,
          audit: services.audit,
          notifyLocked: (n) => services.notifications.queue.send(n),
        },
        body.user,
        { clientAddress: clientAddress(request), requestId: request.requestId },
      );
      request.actor = { user: session.user_name, country: session.country_codes[0] ?? '' };
      // Primero clients read the token from the Authorization header; ours from the body.
      return { status: 200, headers: { Authorization: `Bearer ${session.token}` }, json: session };
    }),
  ),
});

app.http('tokens-delete', {
  route: 'v2/tokens',
  methods: ['DELETE'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (_request, principal, services) => {
        await services.revocations.revoke(principal.tokenId, principal.tokenExpiresAt);
        return ok({ signed_out: true });
      },
      { audit: { action: 'logout' } },
    ),
  ),
});
