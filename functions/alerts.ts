import { app } from '@azure/functions';
import { authedEndpoint } from '../src/http/pipeline';
import { ok } from '../src/http/responses';
import { alertCounts, dismissAlert, recordAlerts } from '../src/reminders/alertQueries';
import { listTasks } from '../src/reminders/tasks';
import { http } from './_shared/http';

const audit = (action: string) => ({ audit: { action, record_type: 'case' } });

app.http('alerts-counts', {
  route: 'v2/alerts',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (_request, principal, services) => ok(await alertCounts(services.caseDeps, principal)),
      audit('list'),
    ),
  ),
});

app.http('case-alerts-list', {
  route: 'v2/cases/{id}/alerts',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) =>
        ok(await recordAlerts(services.caseDeps, services.alerts, principal, request.params.id ?? '')),
      audit('read'),
    ),
  ),
});

app.http('case-alerts-delete', {
  route: 'v2/cases/{id}/alerts/{alert_id}',
  methods: ['DELETE'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(async (request, principal, services) => {
      const alertId = request.params.alert_id ?? '';
      await dismissAlert(services.caseDeps, services.alerts, principal, request.params.id ?? '', alertId);
      return ok({ id: alertId });
    }, audit('alert_dismiss')),
  ),
});

app.http('tasks-list', {
  route: 'v2/tasks',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(async (_request, principal, services) => {
      const tasks = await listTasks({ cases: services.caseDeps.cases, clock: services.clock }, principal);
      return {
        status: 200,
        json: { data: tasks, metadata: { total: tasks.length, per: tasks.length, page: 1 } },
      };
    }, audit('list')),
  ),
});
