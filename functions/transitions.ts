import { app } from '@azure/functions';
import { presentRecord } from '../src/records/recordPresenter';
import { readJson } from '../src/http/body';
import { authedEndpoint } from '../src/http/pipeline';
import { ok } from '../src/http/responses';
import {
  assignCase,
  assignSchema,
  listTransitions,
  referCase,
  referralResponseSchema,
  referralSchema,
  respondToReferral,
  respondToTransfer,
  revokeReferral,
  transferCase,
  transferResponseSchema,
  transferSchema,
} from '../src/transitions/transitions';
import { http } from './_shared/http';

const audit = (action: string) => ({ audit: { action, record_type: 'case' } });

app.http('case-assigns', {
  route: 'v2/cases/{id}/assigns',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(async (request, principal, services) => {
      const { data } = await readJson(request, assignSchema, services.config.MAX_BODY_BYTES);
      return ok(
        presentRecord(
          await assignCase(
            { ...services.records, users: services.users },
            principal,
            request.params.id ?? '',
            data,
          ),
        ),
      );
    }, audit('assign')),
  ),
});

app.http('case-referrals-create', {
  route: 'v2/cases/{id}/referrals',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(async (request, principal, services) => {
      const { data } = await readJson(request, referralSchema, services.config.MAX_BODY_BYTES);
      return ok(
        presentRecord(
          await referCase(
            { ...services.records, users: services.users },
            principal,
            request.params.id ?? '',
            data,
          ),
        ),
      );
    }, audit('referral')),
  ),
});

app.http('case-referrals-respond', {
  route: 'v2/cases/{id}/referrals/{referral_id}',
  methods: ['PATCH'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(async (request, principal, services) => {
      const { data } = await readJson(request, referralResponseSchema, services.config.MAX_BODY_BYTES);
      const deps = { ...services.records, users: services.users };
      return ok(
        presentRecord(
          await respondToReferral(
            deps,
            principal,
            request.params.id ?? '',
            request.params.referral_id ?? '',
            data.status,
          ),
        ),
      );
    }, audit('referral_response')),
  ),
});

app.http('case-referrals-revoke', {
  route: 'v2/cases/{id}/referrals/{referral_id}',
  methods: ['DELETE'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(async (request, principal, services) => {
      const deps = { ...services.records, users: services.users };
      return ok(
        presentRecord(
          await revokeReferral(deps, principal, request.params.id ?? '', request.params.referral_id ?? ''),
        ),
      );
    }, audit('referral_revoke')),
  ),
});

app.http('case-transitions', {
  route: 'v2/cases/{id}/transitions',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) =>
        ok(
          await listTransitions(
            { ...services.records, users: services.users },
            principal,
            request.params.id ?? '',
          ),
        ),
      audit('read'),
    ),
  ),
});

app.http('case-transfers-create', {
  route: 'v2/cases/{id}/transfers',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(async (request, principal, services) => {
      const { data } = await readJson(request, transferSchema, services.config.MAX_BODY_BYTES);
      return ok(
        presentRecord(
          await transferCase(
            { ...services.records, users: services.users },
            principal,
            request.params.id ?? '',
            data,
          ),
        ),
      );
    }, audit('transfer')),
  ),
});

app.http('case-transfers-respond', {
  route: 'v2/cases/{id}/transfers/{transfer_id}',
  methods: ['PATCH'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(async (request, principal, services) => {
      const { data } = await readJson(request, transferResponseSchema, services.config.MAX_BODY_BYTES);
      const deps = { ...services.records, users: services.users };
      return ok(
        presentRecord(
          await respondToTransfer(
            deps,
            principal,
            request.params.id ?? '',
            request.params.transfer_id ?? '',
            data,
          ),
        ),
      );
    }, audit('transfer_response')),
  ),
});
