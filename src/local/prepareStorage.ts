import type { App } from '../app';
import { ensureDatabase } from '../platform/cosmos';

/** Local stand-in for what Bicep creates in Azure: the database, containers and blob container. */
export async function prepareStorage(app: App): Promise<void> {
  await ensureDatabase(app.cosmos, app.config.COSMOS_DATABASE);
  await app.blob.getContainerClient(app.config.ATTACHMENTS_CONTAINER).createIfNotExists();
}
