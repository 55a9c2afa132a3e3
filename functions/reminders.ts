import { app } from '@azure/functions';
import { authedEndpoint } from '../src/http/pipeline';
import { ok } from '../src/http/responses';
import { reminderStatus } from '../src/reminders/reminderStatus';
import { http } from './_shared/http';
import { sendNotification } from '../src/notifications/notificationSender';
import { runReminders } from '../src/reminders/reminderJob';
import { runEveryCountry } from '../src/reminders/reminderRounds';
import { getApp } from '../src/runtime';

// Every 15 minutes by default (app setting REMINDERS_SCHEDULE); locally also POST /admin/functions/reminders.
app.timer('reminders', {
  schedule: '%REMINDERS_SCHEDULE%',
  handler: async (_timer, context) => {
    const services = getApp();
    const deps = {
      cases: services.records.cases,
      alerts: services.alerts,
      queue: services.notifications.queue,
      settings: services.settings,
      roles: services.records.roles,
      clock: services.clock,
    };
    await runEveryCountry(
      {
        config: services.containers.config,
        now: () => services.clock.now(),
        log: (line) => context.log(line),
        warn: (line) => context.warn(line),
      },
      await services.settings.listCountries(),
      (country) => runReminders(deps, country),
    );
  },
});

// Delivers each notification once; a failure is retried by the host and, after 5 tries, poisoned.
app.storageQueue('notifications-sender', {
  queueName: 'notifications',
  connection: 'AzureWebJobsStorage',
  handler: async (message) => {
    const services = getApp();
    await sendNotification(
      {
        channel: services.notifications.channel,
        users: services.users,
        receipts: services.containers.sync,
        stats: services.notificationStats,
      },
      message,
    );
  },
});

// Operations view for administrators: is the job running, are notifications getting through?
app.http('reminders-status', {
  route: 'api/v2/reminders/status',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (_request, principal, services) => ok(await reminderStatus(services, principal, services.queues)),
      {
        audit: { action: 'reminders_status_read' },
      },
    ),
  ),
});
