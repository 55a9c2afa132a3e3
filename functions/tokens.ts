import { app } from '@azure/functions';
import { authenticate } from '../src/auth/authenticate';
import { login } from '../src/auth/login';
import { renewSession } from '../src/auth/renewal';
import { loginSchema } from '../src/auth/schema';
import { readJson } from '../src/http/body';
import { clientAddress } from '../src/http/clientAddress';
import { authedEndpoint, publicEndpoint } from '../src/http/pipeline';
import { ok } from '../src/http/responses';
import { http } from './_shared/http';

app.http('tokens-create', {
  route: 'api/v2/tokens',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: http(
    publicEndpoint(async (request, services) => {
      // A bearer and no body renews the session (Primero's clients); anything else is a sign-in.
      // A body declared too large is left for readJson to refuse (413) unread.
      const max = services.config.MAX_BODY_BYTES;
      const declared = Number(request.headers.get('content-length') ?? '0');
      const raw = declared > max ? undefined : await request.body();
      const authorization = request.headers.get('authorization');
      if (authorization && raw?.toString('utf8').trim() === '') {
        const principal = await authenticate(services, authorization, request.headers.get('x-country-code'));
        request.actor = { user: principal.user.user_name, country: principal.countryCode };
        const renewed = await renewSession(
          { tokens: services.tokens, audit: services.audit, authMode: services.config.AUTH_MODE },
          principal,
          request.requestId,
        );
        return { status: 200, headers: { Authorization: `Bearer ${renewed.token}` }, json: renewed };
      }
      const body = await readJson(
        raw ? { ...request, body: () => Promise.resolve(raw) } : request,
        loginSchema,
        max,
      );
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
  route: 'api/v2/tokens',
  methods: ['DELETE'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (_request, principal, services) => {
        await services.revocations.revoke(principal.tokenId, principal.tokenExpiresAt);
        return ok({ signed_out: true });
      },
      // A session waiting for its two-factor enrolment can be ended too (a shared phone handed back).
      { allowEnrolmentScope: true, audit: { action: 'logout' } },
    ),
  ),
});
