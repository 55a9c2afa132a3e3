import { app } from '@azure/functions';
import { authedEndpoint } from '../src/http/pipeline';
import { ok } from '../src/http/responses';
import { alertCounts, dismissAlert, recordAlerts } from '../src/reminders/alertQueries';
import { pageOf, pageParams } from '../src/http/pageParams';
import { listTasks } from '../src/reminders/tasks';
import { allKinds } from '../src/records/recordKinds';
import { http } from './_shared/http';

app.http('alerts-counts', {
  route: 'api/v2/alerts',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (_request, principal, services) => ok(await alertCounts(services.records, principal)),
      {
        audit: { action: 'list' },
      },
    ),
  ),
});

// GET /cases/{id}/alerts and DELETE /cases/{id}/alerts/{alert_id}, and the same for the other types.
for (const kind of allKinds) {
  const audit = (action: string) => ({ audit: { action, record_type: kind.type } });

  app.http(`${kind.type}-alerts-list`, {
    route: `api/v2/${kind.resource}/{id}/alerts`,
    methods: ['GET'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(
        async (request, principal, services) =>
          ok(
            await recordAlerts(
              services.records,
              services.records.repos[kind.type],
              services.alerts,
              principal,
              request.params.id ?? '',
            ),
          ),
        audit('read'),
      ),
    ),
  });

  app.http(`${kind.type}-alerts-delete`, {
    route: `api/v2/${kind.resource}/{id}/alerts/{alert_id}`,
    methods: ['DELETE'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(async (request, principal, services) => {
        const alertId = request.params.alert_id ?? '';
        const repo = services.records.repos[kind.type];
        await dismissAlert(
          services.records,
          repo,
          services.alerts,
          principal,
          request.params.id ?? '',
          alertId,
        );
        return ok({ id: alertId });
      }, audit('alert_dismiss')),
    ),
  });
}

app.http('tasks-list', {
  route: 'api/v2/tasks',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => {
        const page = pageParams(request.url.searchParams);
        const grants = await services.records.fieldAccess.grantsFor(principal);
        const { tasks, unreadable } = await listTasks(
          { cases: services.records.cases, clock: services.clock, roles: services.records.roles },
          principal,
          grants,
        );
        return pageOf(tasks, page, unreadable);
      },
      { audit: { action: 'list', record_type: 'case' } },
    ),
  ),
});
