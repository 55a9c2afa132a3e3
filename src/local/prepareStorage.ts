import type { App } from '../app';
import { ensureDatabase } from '../platform/cosmos';
import { BULK_ASSIGN_QUEUE } from '../transitions/bulkAssignJobs';

/** Local stand-in for what Bicep creates in Azure: the database, containers, blob container and queues. */
export async function prepareStorage(app: App): Promise<void> {
  await ensureDatabase(app.cosmos, app.config.COSMOS_DATABASE);
  await app.blob.getContainerClient(app.config.ATTACHMENTS_CONTAINER).createIfNotExists();
  for (const queue of [
    'notifications',
    'notifications-poison',
    BULK_ASSIGN_QUEUE,
    `${BULK_ASSIGN_QUEUE}-poison`,
  ])
    await app.queues().getQueueClient(queue).createIfNotExists();
}
