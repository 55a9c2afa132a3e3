import type { QueueServiceClient } from '@azure/storage-queue';
import { can, type Principal } from '../auth/principal';
import { forbidden } from '../errors';
import type { App } from '../app';
import { STATUS_ID } from './reminderRounds';

/** GET /reminders/status: the last run and the deliveries of the admin's country, and the poisoned messages. */
export async function reminderStatus(app: App, principal: Principal, queues: () => QueueServiceClient) {
  if (!can(principal, 'reminders', 'read'))
    throw forbidden('Your role does not allow seeing the reminders status');
  const cc = principal.countryCode;
  const { resource: run } = await app.containers.config.item(STATUS_ID, [cc, STATUS_ID]).read();
  const delivered = await app.notificationStats.read(cc);
  const poison = await queues()
    .getQueueClient('notifications-poison')
    .getProperties()
    .then((p) => p.approximateMessagesCount ?? 0)
    .catch(() => 0);
  return {
    country_code: cc,
    last_run_at: run?.last_run_at ?? null,
    records_due: run?.records ?? 0,
    alerts_created: run?.alerts_created ?? 0,
    notifications_enqueued: run?.notifications_enqueued ?? 0,
    // Due cases the last run could not open (tampered, or a key gone): they got no reminders.
    records_unreadable: run?.records_unreadable ?? 0,
    unreadable_records: run?.unreadable_records ?? [],
    last_failure_at: run?.last_failure_at ?? null,
    last_failure: run?.last_failure ?? null,
    messages_sent: delivered.sent,
    messages_failed: delivered.failed,
    // The poison queue is shared by the deployment's countries.
    messages_poisoned: poison,
  };
}
