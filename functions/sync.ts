import { app } from '@azure/functions';
import { readJson } from '../src/http/body';
import { authedEndpoint } from '../src/http/pipeline';
import { pullChanges } from '../src/sync/pullChanges';
import { parsePullParams } from '../src/sync/pullParams';
import { pushMutations } from '../src/sync/pushMutations';
import { pushBodySchema } from '../src/sync/schema';
import { getApp } from '../src/runtime';
import { http } from './_shared/http';

app.http('sync-cases-pull', {
  route: 'v2/sync/cases',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => {
        const options = parsePullParams(request.url.searchParams);
        const page = await pullChanges(
          { ...services.caseDeps, dataKeys: services.dataKeys },
          principal,
          options,
        );
        return { status: 200, json: page };
      },
      { audit: { action: 'sync_pull', record_type: 'case' } },
    ),
  ),
});

app.http('sync-cases-push', {
  route: 'v2/sync/cases',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => {
        const body = await readJson(request, pushBodySchema, services.config.MAX_BODY_BYTES * 4);
        const results = await pushMutations(
          { ...services.caseDeps, receipts: services.receipts },
          principal,
          body.data,
        );
        return { status: 200, json: { data: results } };
      },
      { audit: { action: 'sync_push', record_type: 'case' } },
    ),
  ),
});

// Cosmos TTL expires receipts in Azure; where it is not honoured (the emulator), this removes them.
app.timer('sync-receipts-sweep', {
  schedule: '0 15 3 * * *',
  handler: async (_timer, context) => {
    const services = getApp();
    for (const country of await services.settings.listCountries()) {
      const removed = await services.receipts.sweep(country);
      if (removed > 0) context.log(`sync-receipts-sweep ${country}: ${removed} removed`);
    }
  },
});
