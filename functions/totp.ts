import { app } from '@azure/functions';
import type { App } from '../src/app';
import { totpVerifySchema } from '../src/auth/schema';
import { startTotpEnrolment, verifyTotpEnrolment } from '../src/auth/totpEnrolment';
import { readJson } from '../src/http/body';
import { authedEndpoint } from '../src/http/pipeline';
import { ok } from '../src/http/responses';
import { http } from './_shared/http';

const enrolment = { allowEnrolmentScope: true, audit: { action: 'totp_enrolment' } };
const deps = (services: App) => ({
  users: services.users,
  guard: services.loginGuard,
  clock: services.clock,
});

app.http('totp-start', {
  route: 'api/v2/users/me/totp',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (_request, principal, services) => ok(await startTotpEnrolment(deps(services), principal)),
      enrolment,
    ),
  ),
});

app.http('totp-verify', {
  route: 'api/v2/users/me/totp/verify',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(async (request, principal, services) => {
      const body = await readJson(request, totpVerifySchema, services.config.MAX_BODY_BYTES);
      return ok(await verifyTotpEnrolment(deps(services), principal, body.data.code));
    }, enrolment),
  ),
});
