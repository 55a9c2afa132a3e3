import { bulkIds } from '../src/records/bulkSelection';
import { app } from '@azure/functions';
import { unprocessable } from '../src/errors';
import { addFlag, bulkFlag, editFlag, recordFlags, unflag } from '../src/flags/flagCommands';
import { presentFlag } from '../src/flags/flagPresenter';
import { listFlags } from '../src/flags/flagList';
import { bulkFlagSchema, flagCreateSchema, flagUpdateSchema } from '../src/flags/schema';
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
    route: `api/v2/${kind.resource}/{id}/flags`,
    methods: ['GET'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(
        async (request, principal, services) =>
          ok(
            (await recordFlags(services.records.repos[kind.type], principal, request.params.id ?? '')).map(
              (f) => presentFlag(f),
            ),
          ),
        audit('read'),
      ),
    ),
  });

  app.http(`${kind.type}-flags-create`, {
    route: `api/v2/${kind.resource}/{id}/flags`,
    methods: ['POST'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(async (request, principal, services) => {
        const { data } = await readJson(request, flagCreateSchema, services.config.MAX_BODY_BYTES);
        const repo = services.records.repos[kind.type];
        const { flag, doc } = await addFlag(services.records, repo, principal, request.params.id ?? '', data);
        return ok(presentFlag(flag, doc));
      }, audit('flag')),
    ),
  });

  app.http(`${kind.type}-flags-unflag`, {
    route: `api/v2/${kind.resource}/{id}/flags/{flag_id}`,
    methods: ['PATCH'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(async (request, principal, services) => {
        const { data } = await readJson(request, flagUpdateSchema, services.config.MAX_BODY_BYTES);
        const args = [services.records, services.records.repos[kind.type], principal] as const;
        const { id = '', flag_id = '' } = request.params;
        const { flag, doc } =
          data.unflag_message !== undefined
            ? await unflag(...args, id, flag_id, data.unflag_message)
            : await editFlag(...args, id, flag_id, data);
        return ok(presentFlag(flag, doc));
      }, audit('unflag')),
    ),
  });

  app.http(`${kind.resource}-flags-bulk`, {
    route: `api/v2/${kind.resource}/flags`,
    methods: ['POST'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(async (request, principal, services) => {
        const { data } = await readJson(request, bulkFlagSchema, services.config.MAX_BODY_BYTES);
        if (data.record_type !== kind.resource && data.record_type !== kind.type)
          throw unprocessable([{ detail: 'record_type', message: `must be ${kind.resource}` }]);
        const repo = services.records.repos[kind.type];
        const grants = await services.records.fieldAccess.grantsFor(principal);
        const ids = await bulkIds(repo, principal, grants, data);
        return ok((await bulkFlag(services.records, repo, principal, ids, data)).map((f) => presentFlag(f)));
      }, audit('flag')),
    ),
  });
}

app.http('flags-list', {
  route: 'api/v2/flags',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => {
        const page = pageParams(request.url.searchParams);
        const { flags, unreadable } = await listFlags(services.records, principal);
        return pageOf(flags, page, unreadable);
      },
      { audit: { action: 'list' } },
    ),
  ),
});
