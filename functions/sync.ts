import { app } from '@azure/functions';
import { readJson } from '../src/http/body';
import { answerLocale } from '../src/http/messageLocale';
import { authedEndpoint } from '../src/http/pipeline';
import { pullChanges } from '../src/sync/pullChanges';
import { parsePullParams } from '../src/sync/pullParams';
import { pushMutations } from '../src/sync/pushMutations';
import { inLanguage } from '../src/sync/rejection';
import { pushBodySchema } from '../src/sync/schema';
import { allKinds } from '../src/records/recordKinds';
import { getApp } from '../src/runtime';
import { http } from './_shared/http';

// GET and POST /sync/cases, /sync/incidents, /sync/tracing_requests.
for (const kind of allKinds) {
  app.http(`sync-${kind.resource}-pull`, {
    route: `api/v2/sync/${kind.resource}`,
    methods: ['GET'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(
        async (request, principal, services) => {
          const options = parsePullParams(kind, request.url.searchParams);
          const page = await pullChanges(
            {
              cosmosClock: services.cosmosClock,
              dataKeys: services.dataKeys,
              fieldAccess: services.records.fieldAccess,
            },
            services.records.repos[kind.type],
            principal,
            options,
          );
          return { status: 200, json: page };
        },
        { audit: { action: 'sync_pull', record_type: kind.type } },
      ),
    ),
  });

  app.http(`sync-${kind.resource}-push`, {
    route: `api/v2/sync/${kind.resource}`,
    methods: ['POST'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(
        async (request, principal, services) => {
          const body = await readJson(request, pushBodySchema, services.config.MAX_BODY_BYTES * 4);
          const results = await pushMutations(
            { ...services.records, receipts: services.receipts },
            services.records.repos[kind.type],
            principal,
            body.data,
          );
          // One audit entry for the batch, with how many mutations it carried.
          return {
            status: 200,
            json: { data: inLanguage(results, answerLocale(request)) },
            auditDetails: { mutations: String(results.length) },
          };
        },
        { audit: { action: 'sync_push', record_type: kind.type } },
      ),
    ),
  });
}

// Cosmos TTL expires receipts in Azure; where it is not honoured (the emulator), this removes them.
app.timer('sync-receipts-sweep', {
  schedule: '0 15 3 * * *',
  handler: async (_timer, context) => {
    const services = getApp();
    for (const country of await services.settings.listCountries()) {
      const removed = await services.receipts.sweep(country);
      // Tombstones of hard-deleted records expire the same way.
      const buried = await services.tombstones.sweep(country, services.clock.now());
      if (removed + buried > 0)
        context.log(`sync-receipts-sweep ${country}: ${removed} receipts, ${buried} tombstones removed`);
    }
  },
});
