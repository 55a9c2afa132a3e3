import { app } from '@azure/functions';
import { dataBodySchema, readJson } from '../src/http/body';
import { withEtag } from '../src/http/etag';
import { authedEndpoint } from '../src/http/pipeline';
import { list, ok } from '../src/http/responses';
import { createIncident, incidentsOfCase } from '../src/incidents/incidentFromCase';
import { presentRecord } from '../src/records/recordPresenter';
import { http } from './_shared/http';

app.http('case-incidents-list', {
  route: 'api/v2/cases/{id}/incidents',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => {
        const page = await incidentsOfCase(services.records, principal, request.params.id ?? '');
        const grants = await services.records.fieldAccess.grantsFor(principal);
        const data = page.docs.map((doc) => presentRecord(doc, grants, { listView: true }));
        return list(data, { total: page.total, per: data.length, page: 1, unreadable: page.unreadable });
      },
      { audit: { action: 'list', record_type: 'incident' } },
    ),
  ),
});

// The same as POST /incidents with incident_case_id = the case in the path.
app.http('case-incidents-create', {
  route: 'api/v2/cases/{id}/incidents',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => {
        const body = await readJson(request, dataBodySchema, services.config.MAX_BODY_BYTES);
        const { doc } = await createIncident(services.records, principal, {
          ...body.data,
          incident_case_id: request.params.id ?? '',
        });
        return ok(presentRecord(doc, await services.records.fieldAccess.grantsFor(principal)), withEtag(doc));
      },
      { audit: { action: 'create', record_type: 'incident' } },
    ),
  ),
});
