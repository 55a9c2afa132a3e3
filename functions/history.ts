import { app } from '@azure/functions';
import { findReadableCase } from '../src/cases/caseAccess';
import { authedEndpoint } from '../src/http/pipeline';
import { ok } from '../src/http/responses';
import { http } from './_shared/http';

// Who changed which field, from what to what, for whoever may read the case.
app.http('case-record-history', {
  route: 'v2/cases/{id}/record_history',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => {
        const doc = await findReadableCase(services.caseDeps.cases, principal, request.params.id ?? '');
        return ok(await services.caseDeps.history.list(doc.country_code, doc.id));
      },
      { audit: { action: 'read', record_type: 'case' } },
    ),
  ),
});
