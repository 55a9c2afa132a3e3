import { app } from '@azure/functions';
import { approvalSchema, changeApproval } from '../src/approvals/approvals';
import { presentRecord } from '../src/records/recordPresenter';
import { readJson } from '../src/http/body';
import { authedEndpoint } from '../src/http/pipeline';
import { ok } from '../src/http/responses';
import { http } from './_shared/http';

app.http('case-approvals', {
  route: 'api/v2/cases/{id}/approvals/{approval_id}',
  methods: ['PATCH'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => {
        const { data } = await readJson(request, approvalSchema, services.config.MAX_BODY_BYTES);
        const doc = await changeApproval(
          { ...services.records, alerts: services.alerts },
          principal,
          request.params.id ?? '',
          request.params.approval_id ?? '',
          data,
        );
        // Primero's shape: the case under `record`.
        return ok({ record: presentRecord(doc, await services.records.fieldAccess.grantsFor(principal)) });
      },
      { audit: { action: 'approval', record_type: 'case' } },
    ),
  ),
});
