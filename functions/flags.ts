import { app } from '@azure/functions';
import { addFlag, bulkFlag, recordFlags, unflag } from '../src/flags/flagCommands';
import { listFlags } from '../src/flags/flagList';
import { bulkFlagSchema, flagCreateSchema, unflagSchema } from '../src/flags/schema';
import { readJson } from '../src/http/body';
import { authedEndpoint } from '../src/http/pipeline';
import { list, ok } from '../src/http/responses';
import { http } from './_shared/http';

const audit = (action: string) => ({ audit: { action, record_type: 'case' } });

app.http('case-flags-list', {
  route: 'v2/cases/{id}/flags',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) =>
        ok(await recordFlags(services.caseDeps, principal, request.params.id ?? '')),
      audit('read'),
    ),
  ),
});

app.http('case-flags-create', {
  route: 'v2/cases/{id}/flags',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(async (request, principal, services) => {
      const { data } = await readJson(request, flagCreateSchema, services.config.MAX_BODY_BYTES);
      return ok(await addFlag(services.caseDeps, principal, request.params.id ?? '', data));
    }, audit('flag')),
  ),
});

app.http('case-flags-unflag', {
  route: 'v2/cases/{id}/flags/{flag_id}',
  methods: ['PATCH'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(async (request, principal, services) => {
      const { data } = await readJson(request, unflagSchema, services.config.MAX_BODY_BYTES);
      return ok(
        await unflag(
          services.caseDeps,
          principal,
          request.params.id ?? '',
          request.params.flag_id ?? '',
          data.unflag_message,
        ),
      );
    }, audit('unflag')),
  ),
});

app.http('cases-flags-bulk', {
  route: 'v2/cases/flags',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(async (request, principal, services) => {
      const { data } = await readJson(request, bulkFlagSchema, services.config.MAX_BODY_BYTES);
      return ok(await bulkFlag(services.caseDeps, principal, data.ids, data));
    }, audit('flag')),
  ),
});

app.http('flags-list', {
  route: 'v2/flags',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(async (_request, principal, services) => {
      const flags = await listFlags(services.caseDeps, principal);
      return list(flags, { total: flags.length, per: flags.length, page: 1 });
    }, audit('list')),
  ),
});
