import { app } from '@azure/functions';
import { unprocessable } from '../src/errors';
import { addFlag, bulkFlag, recordFlags, unflag } from '../src/flags/flagCommands';
import { listFlags } from '../src/flags/flagList';
import { bulkFlagSchema, flagCreateSchema, unflagSchema } from '../src/flags/schema';
import { readJson } from '../src/http/body';
import { authedEndpoint } from '../src/http/pipeline';
import { pageOf, pageParams } from '../src/http/pageParams';
import { ok } from '../src/http/responses';
import { allKinds } from '../src/records/recordKinds';
import { http } from './_shared/http';

// Flags on each record type: /cases/{id}/flags, /incidents/{id}/flags, /tracing_requests/{id}/flags.
for (const kind of allKinds) {
  const audit = (action: string) => ({ audit: { action, record_type: kind.type } });

  app.http(`${kind.type}-flags-list`, {
    route: `v2/${kind.resource}/{id}/flags`,
    methods: ['GET'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(
        async (request, principal, services) =>
          ok(await recordFlags(services.records.repos[kind.type], principal, request.params.id ?? '')),
        audit('read'),
      ),
    ),
  });

  app.http(`${kind.type}-flags-create`, {
    route: `v2/${kind.resource}/{id}/flags`,
    methods: ['POST'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(async (request, principal, services) => {
        const { data } = await readJson(request, flagCreateSchema, services.config.MAX_BODY_BYTES);
        const repo = services.records.repos[kind.type];
        return ok(await addFlag(services.records, repo, principal, request.params.id ?? '', data));
      }, audit('flag')),
    ),
  });

  app.http(`${kind.type}-flags-unflag`, {
    route: `v2/${kind.resource}/{id}/flags/{flag_id}`,
    methods: ['PATCH'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(async (request, principal, services) => {
        const { data } = await readJson(request, unflagSchema, services.config.MAX_BODY_BYTES);
        return ok(
          await unflag(
            services.records,
            services.records.repos[kind.type],
            principal,
            request.params.id ?? '',
            request.params.flag_id ?? '',
            data.unflag_message,
          ),
        );
      }, audit('unflag')),
    ),
  });

  app.http(`${kind.resource}-flags-bulk`, {
    route: `v2/${kind.resource}/flags`,
    methods: ['POST'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(async (request, principal, services) => {
        const { data } = await readJson(request, bulkFlagSchema, services.config.MAX_BODY_BYTES);
        if (data.record_type !== kind.resource)
          throw unprocessable([{ detail: 'record_type', message: `must be ${kind.resource}` }]);
        const repo = services.records.repos[kind.type];
        return ok(await bulkFlag(services.records, repo, principal, data.ids, data));
      }, audit('flag')),
    ),
  });
}

app.http('flags-list', {
  route: 'v2/flags',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => {
        const page = pageParams(request.url.searchParams);
        return pageOf(await listFlags(services.records, principal), page);
      },
      { audit: { action: 'list' } },
    ),
  ),
});
