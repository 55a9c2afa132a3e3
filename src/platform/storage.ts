import type { BlobServiceClient } from '@azure/storage-blob';
import type { QueueServiceClient } from '@azure/storage-queue';
import type { TokenCredential } from '@azure/identity';
import type { Config } from '../config';
import { loadWhenUsed } from './loadWhenUsed';

/** The same setting names the Functions host uses for its own storage connection. */
export function createBlobServiceClient(
  config: Config,
  credential: () => TokenCredential,
): BlobServiceClient {
  const { BlobServiceClient } = loadWhenUsed<typeof import('@azure/storage-blob')>('@azure/storage-blob');
  if (config.AzureWebJobsStorage) return BlobServiceClient.fromConnectionString(config.AzureWebJobsStorage);
  return new BlobServiceClient(config.AzureWebJobsStorage__blobServiceUri as string, credential());
}

export function createQueueServiceClient(
  config: Config,
  credential: () => TokenCredential,
): QueueServiceClient {
  const { QueueServiceClient } = loadWhenUsed<typeof import('@azure/storage-queue')>('@azure/storage-queue');
  if (config.AzureWebJobsStorage) return QueueServiceClient.fromConnectionString(config.AzureWebJobsStorage);
  const uri = config.AzureWebJobsStorage__queueServiceUri;
  if (!uri) throw new Error('AzureWebJobsStorage__queueServiceUri is not set');
  return new QueueServiceClient(uri, credential());
}
