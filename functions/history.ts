import { app } from '@azure/functions';
import { findReadableRecord } from '../src/records/recordAccess';
import { allKinds } from '../src/records/recordKinds';
import { redactChanges } from '../src/records/fieldPermissions';
import { authedEndpoint } from '../src/http/pipeline';
import { pageParams } from '../src/http/pageParams';
import { list } from '../src/http/responses';
import { http } from './_shared/http';

// Who changed which field, from what to what, for whoever may read the record.
for (const kind of allKinds) {
  app.http(`${kind.type}-record-history`, {
    route: `api/v2/${kind.resource}/{id}/record_history`,
    methods: ['GET'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(
        async (request, principal, services) => {
          const page = pageParams(request.url.searchParams);
          const repo = services.records.repos[kind.type];
          const doc = await findReadableRecord(repo, principal, request.params.id ?? '');
          const grants = await services.records.fieldAccess.grantsFor(principal);
          const { data, metadata } = await services.records.history.list(
            doc.country_code,
            doc.id,
            page,
            (changes) => redactChanges(grants, kind, doc.module_id, changes),
          );
          return list(data, metadata);
        },
        { audit: { action: 'read', record_type: kind.type } },
      ),
    ),
  });
}
