import { readJson } from '../src/http/body';
import { answerLocale } from '../src/http/messageLocale';
import { localized } from '../src/messages/catalogue';
import { ok } from '../src/http/responses';
import type { Principal } from '../src/auth/principal';
import {
  bulkAssignSchema,
  bulkReferralSchema,
  bulkTransferSchema,
  bulkTransition,
} from '../src/transitions/bulkTransitions';
import { BULK_MAX, bulkIds } from '../src/records/bulkSelection';
import {
  BULK_ASSIGN_INLINE_MAX,
  BULK_ASSIGN_QUEUE,
  presentBulkAssignJob,
  startBulkAssignJob,
} from '../src/transitions/bulkAssignJobs';
import { presentTransition } from '../src/transitions/transitionPresenter';
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
  type TransitionResult,
} from '../src/transitions/transitions';
import {
  requestTransfer,
  respondToTransferRequest,
  transferRequestResponseSchema,
  transferRequestSchema,
} from '../src/transitions/transferRequests';
import type { ApiResponse } from '../src/http/types';
import { authedRoute } from './_shared/http';

// Transitions answer the transition in Primero's keys, with the case as it now is in `record` (API.md).
const audit = (action: string) => ({ audit: { action, record_type: 'case' } });
const deps = (services: Parameters<Parameters<typeof authedRoute>[3]>[2]) => ({
  ...services.records,
  users: services.users,
});
const presented = async (
  services: Parameters<typeof deps>[0],
  principal: Principal,
  { doc, transition }: TransitionResult,
) => {
  const grants = await services.records.fieldAccess.grantsFor(principal);
  return ok(presentTransition(transition, doc, principal, { withRecord: grants }));
};

const kinds = [
  { type: 'assign', resource: 'assigns', schema: assignSchema, bulk: bulkAssignSchema, run: assignCase },
  {
    type: 'referral',
    resource: 'referrals',
    schema: referralSchema,
    bulk: bulkReferralSchema,
    run: referCase,
  },
  {
    type: 'transfer',
    resource: 'transfers',
    schema: transferSchema,
    bulk: bulkTransferSchema,
    run: transferCase,
  },
] as const;

for (const kind of kinds) {
  authedRoute(
    `case-${kind.resource}-create`,
    'POST',
    `api/v2/cases/{id}/${kind.resource}`,
    async (request, principal, services) => {
      const { data } = await readJson(request, kind.schema, services.config.MAX_BODY_BYTES);
      return presented(
        services,
        principal,
        await kind.run(deps(services), principal, request.params.id ?? '', data),
      );
    },
    audit(kind.type),
  );

  authedRoute(
    `case-${kind.resource}-list`,
    'GET',
    `api/v2/cases/{id}/${kind.resource}`,
    async (request, principal, services) =>
      listed(principal, await listTransitions(deps(services), principal, request.params.id ?? '', kind.type)),
    audit('read'),
  );

  // Bulk, by ids (assigns also by filters): one result per case; one refused is in `errors`, the others go on.
  authedRoute(
    `cases-${kind.resource}-bulk`,
    'POST',
    `api/v2/cases/${kind.resource}`,
    async (request, principal, services) => {
      const { data } = await readJson(request, kind.bulk, services.config.MAX_BODY_BYTES);
      const { ids: _ids, ...input } = data;
      // Assigns by filters may select up to the job maximum; above the inline maximum they run as a job.
      const limit = kind.type === 'assign' ? services.config.BULK_ASSIGN_JOB_MAX : BULK_MAX;
      const grants = await services.records.fieldAccess.grantsFor(principal);
      const ids = await bulkIds(services.records.cases, principal, grants, data, limit);
      if (ids.length > BULK_ASSIGN_INLINE_MAX)
        return queued(services, principal, ids, input, answerLocale(request));
      const { done, failed } = await bulkTransition(ids, (id) =>
        kind.run(deps(services), principal, id, input),
      );
      return {
        status: 200,
        json: {
          data: done.map((r) => presentTransition(r.transition, r.doc, principal)),
          errors: failed.map((f) => ({
            status: f.status,
            resource: `/api/v2/cases/${f.id}/${kind.resource}`,
            detail: 'ids',
            message: localized(f, answerLocale(request)),
          })),
        },
        // The trail names every case the request touched, and those it was refused.
        auditDetails: {
          record_ids: done.map((r) => r.doc.id).join(','),
          refused_ids: failed.map((f) => f.id).join(','),
        },
      };
    },
    audit(`bulk_${kind.type}`),
  );
}

/** 202 with the job (GET /cases/assigns/jobs/{id} follows it); the trail names the job, the worker its cases. */
async function queued(
  services: Parameters<typeof deps>[0],
  principal: Principal,
  ids: string[],
  input: { transitioned_to: string; notes?: string },
  locale: string,
): Promise<ApiResponse> {
  const job = await startBulkAssignJob(
    {
      jobs: services.bulkAssignJobs,
      queue: () => services.queues().getQueueClient(BULK_ASSIGN_QUEUE),
    },
    principal,
    ids,
    { transitioned_to: input.transitioned_to, ...(input.notes ? { notes: input.notes } : {}) },
  );
  return {
    status: 202,
    json: { data: presentBulkAssignJob(job, locale) },
    headers: { Location: `/api/v2/cases/assigns/jobs/${job.id}` },
    auditDetails: { job_id: job.id, total: String(ids.length) },
  };
}

const listed = (principal: Principal, results: TransitionResult[]): ApiResponse =>
  ok(results.map(({ doc, transition }) => presentTransition(transition, doc, principal)));

authedRoute(
  'case-transitions',
  'GET',
  'api/v2/cases/{id}/transitions',
  async (request, principal, services) =>
    listed(principal, await listTransitions(deps(services), principal, request.params.id ?? '')),
  audit('read'),
);

authedRoute(
  'case-referrals-respond',
  'PATCH',
  'api/v2/cases/{id}/referrals/{referral_id}',
  async (request, principal, services) => {
    const { data } = await readJson(request, referralResponseSchema, services.config.MAX_BODY_BYTES);
    const { id = '', referral_id = '' } = request.params;
    return presented(
      services,
      principal,
      await respondToReferral(deps(services), principal, id, referral_id, data.status),
    );
  },
  audit('referral_response'),
);

authedRoute(
  'case-referrals-revoke',
  'DELETE',
  'api/v2/cases/{id}/referrals/{referral_id}',
  async (request, principal, services) => {
    const { id = '', referral_id = '' } = request.params;
    return presented(services, principal, await revokeReferral(deps(services), principal, id, referral_id));
  },
  audit('referral_revoke'),
);

authedRoute(
  'case-transfers-respond',
  'PATCH',
  'api/v2/cases/{id}/transfers/{transfer_id}',
  async (request, principal, services) => {
    const { data } = await readJson(request, transferResponseSchema, services.config.MAX_BODY_BYTES);
    const { id = '', transfer_id = '' } = request.params;
    return presented(
      services,
      principal,
      await respondToTransfer(deps(services), principal, id, transfer_id, data),
    );
  },
  audit('transfer_response'),
);

// Transfer requests: a user who works on the case asks its owner for it; the owner answers.
authedRoute(
  'case-transfer-requests-list',
  'GET',
  'api/v2/cases/{id}/transfer_requests',
  async (request, principal, services) =>
    listed(
      principal,
      await listTransitions(deps(services), principal, request.params.id ?? '', 'transfer_request'),
    ),
  audit('read'),
);

authedRoute(
  'case-transfer-requests-create',
  'POST',
  'api/v2/cases/{id}/transfer_requests',
  async (request, principal, services) => {
    const { data } = await readJson(request, transferRequestSchema, services.config.MAX_BODY_BYTES);
    return presented(
      services,
      principal,
      await requestTransfer(deps(services), principal, request.params.id ?? '', data),
    );
  },
  audit('transfer_request'),
);

authedRoute(
  'case-transfer-requests-respond',
  'PATCH',
  'api/v2/cases/{id}/transfer_requests/{transfer_request_id}',
  async (request, principal, services) => {
    const { data } = await readJson(request, transferRequestResponseSchema, services.config.MAX_BODY_BYTES);
    const { id = '', transfer_request_id = '' } = request.params;
    return presented(
      services,
      principal,
      await respondToTransferRequest(deps(services), principal, id, transfer_request_id, data),
    );
  },
  audit('transfer_request_response'),
);
