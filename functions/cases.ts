import { app } from '@azure/functions';
import { findReadableCase } from '../src/cases/caseAccess';
import { createCase } from '../src/cases/caseCreator';
import { listCases } from '../src/cases/caseLister';
import { presentCase, shortFields } from '../src/cases/casePresenter';
import { disableCase, updateCase } from '../src/cases/caseUpdater';
import { parseListParams } from '../src/cases/listParams';
import { caseWriteBodySchema } from '../src/cases/schema';
import { readJson } from '../src/http/body';
import { toHttpEtag } from '../src/http/etag';
import { authedEndpoint } from '../src/http/pipeline';
import { list, ok } from '../src/http/responses';
import { http } from './_shared/http';

const withEtag = (doc: { _etag?: string }): Record<string, string> =>
  doc._etag ? { ETag: toHttpEtag(doc._etag) } : {};

app.http('cases-list', {
  route: 'v2/cases',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => {
        const params = parseListParams(request.url.searchParams);
        const page = await listCases(services.caseDeps, principal, params);
        const fields = params.fields === 'short' ? shortFields : params.fields;
        const data = page.docs.map((doc) => presentCase(doc, { listView: true, fields }));
        return list(data, { total: page.total, per: params.per, page: params.page });
      },
      { audit: { action: 'list', record_type: 'case' } },
    ),
  ),
});

app.http('cases-create', {
  route: 'v2/cases',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => {
        const body = await readJson(request, caseWriteBodySchema, services.config.MAX_BODY_BYTES);
        const { doc } = await createCase(services.caseDeps, principal, body.data);
        return ok(presentCase(doc), withEtag(doc));
      },
      { audit: { action: 'create', record_type: 'case' } },
    ),
  ),
});

app.http('cases-read', {
  route: 'v2/cases/{id}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => {
        const doc = await findReadableCase(services.caseDeps.cases, principal, request.params.id ?? '');
        return ok(presentCase(doc), withEtag(doc));
      },
      { audit: { action: 'read', record_type: 'case' } },
    ),
  ),
});

app.http('cases-update', {
  route: 'v2/cases/{id}',
  methods: ['PATCH'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => {
        const body = await readJson(request, caseWriteBodySchema, services.config.MAX_BODY_BYTES);
        const id = request.params.id ?? '';
        const doc = await updateCase(
          services.caseDeps,
          principal,
          id,
          body.data,
          request.headers.get('if-match'),
        );
        return ok(presentCase(doc), withEtag(doc));
      },
      { audit: { action: 'update', record_type: 'case' } },
    ),
  ),
});

app.http('cases-disable', {
  route: 'v2/cases/{id}',
  methods: ['DELETE'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => {
        const id = request.params.id ?? '';
        const doc = await disableCase(services.caseDeps, principal, id, request.headers.get('if-match'));
        return ok(presentCase(doc), withEtag(doc));
      },
      { audit: { action: 'disable', record_type: 'case' } },
    ),
  ),
});
