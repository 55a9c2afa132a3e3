import { expandLocationFilters } from '../src/forms/locationFilter';
import { findReadableRecord } from '../src/records/recordAccess';
import { createRecord } from '../src/records/recordCreator';
import { listRecords } from '../src/records/recordLister';
import { presentRecord } from '../src/records/recordPresenter';
import { disableRecord, updateRecord } from '../src/records/recordUpdater';
import { parseListParams } from '../src/records/listParams';
import { presentListed } from '../src/records/listPresenter';
import { assertListable } from '../src/records/listPermissions';
import { createIncident } from '../src/incidents/incidentFromCase';
import { allKinds } from '../src/records/recordKinds';
import { hardDelete } from '../src/records/hardDelete';
import { dataBodySchema, readJson } from '../src/http/body';
import { withEtag } from '../src/http/etag';
import { list, ok } from '../src/http/responses';
import { trailed } from '../src/records/trailedDeps';
import { authedRoute } from './_shared/http';

// The same five endpoints for cases, incidents and tracing requests (API.md, "Records").
for (const kind of allKinds) {
  const audit = (action: string, concurrent = false) => ({
    audit: { action, record_type: kind.type, concurrent },
  });

  authedRoute(
    `${kind.resource}-list`,
    'GET',
    `api/v2/${kind.resource}`,
    async (request, principal, services) => {
      const repo = services.records.repos[kind.type];
      const categorical = await repo.cipher.categoricalFields(principal.countryCode, kind.type);
      const grants = await services.records.fieldAccess.grantsFor(principal);
      // A location filter holds the places under the code too (a region's filter finds its districts').
      const params = await expandLocationFilters(
        services,
        principal.countryCode,
        kind.type,
        parseListParams(kind, request.url.searchParams, categorical),
      );
      assertListable(grants, kind, principal, params);
      const page = await listRecords(repo, principal, params, grants.hiddenForms());
      const data = page.docs.map((doc) => presentListed(kind, doc, grants, params.fields));
      return list(data, {
        total: page.total,
        per: params.per,
        page: params.page,
        unreadable: page.unreadable,
      });
    },
    audit('list', true),
  );

  authedRoute(
    `${kind.resource}-create`,
    'POST',
    `api/v2/${kind.resource}`,
    async (request, principal, services) => {
      const body = await readJson(request, dataBodySchema, services.config.MAX_BODY_BYTES);
      const deps = trailed(services.records, request);
      const { doc } =
        kind.type === 'incident'
          ? await createIncident(deps, principal, body.data)
          : await createRecord(deps, services.records.repos[kind.type], principal, body.data);
      return ok(presentRecord(doc, await services.records.fieldAccess.grantsFor(principal)), withEtag(doc));
    },
    audit('create'),
  );

  authedRoute(
    `${kind.resource}-read`,
    'GET',
    `api/v2/${kind.resource}/{id}`,
    async (request, principal, services) => {
      const doc = await findReadableRecord(
        services.records.repos[kind.type],
        principal,
        request.params.id ?? '',
      );
      return ok(presentRecord(doc, await services.records.fieldAccess.grantsFor(principal)), withEtag(doc));
    },
    audit('read', true),
  );

  authedRoute(
    `${kind.resource}-update`,
    'PATCH',
    `api/v2/${kind.resource}/{id}`,
    async (request, principal, services) => {
      const body = await readJson(request, dataBodySchema, services.config.MAX_BODY_BYTES);
      const doc = await updateRecord(
        trailed(services.records, request),
        services.records.repos[kind.type],
        principal,
        request.params.id ?? '',
        body.data,
        request.headers.get('if-match'),
      );
      return ok(presentRecord(doc, await services.records.fieldAccess.grantsFor(principal)), withEtag(doc));
    },
    audit('update'),
  );

  authedRoute(
    `${kind.resource}-disable`,
    'DELETE',
    `api/v2/${kind.resource}/{id}`,
    async (request, principal, services) => {
      const doc = await disableRecord(
        trailed(services.records, request),
        services.records.repos[kind.type],
        principal,
        request.params.id ?? '',
        request.headers.get('if-match'),
      );
      return ok(presentRecord(doc, await services.records.fieldAccess.grantsFor(principal)), withEtag(doc));
    },
    audit('disable'),
  );

  // Hard deletion of a disabled record (admins: `manage`); see src/records/hardDelete.ts.
  authedRoute(
    `${kind.resource}-hard-delete`,
    'DELETE',
    `api/v2/admin/${kind.resource}/{id}`,
    async (request, principal, services) =>
      ok(
        await hardDelete(
          {
            records: services.records,
            tombstones: services.tombstones,
            store: services.attachments.store,
            alerts: services.alerts,
          },
          services.records.repos[kind.type],
          principal,
          request.params.id ?? '',
        ),
      ),
    audit('hard_delete'),
  );
}
