import { BlobServiceClient } from '@azure/storage-blob';
import { QueueServiceClient } from '@azure/storage-queue';
import type { TokenCredential } from '@azure/identity';
import type { Config } from '../config';

/** Each try bounded, and few of them: a stalled Storage account becomes a 503 within the timeout budget. */
const retryOptions = (config: Config) => ({
  maxTries: 2,
  tryTimeoutInMs: config.DEPENDENCY_TIMEOUT_MS,
  retryDelayInMs: 100,
  maxRetryDelayInMs: 500,
});

/** The same setting names the Functions host uses for its own storage connection. */
export function createBlobServiceClient(
  config: Config,
  credential: () => TokenCredential,
): BlobServiceClient {
  const options = { retryOptions: retryOptions(config) };
  if (config.AzureWebJobsStorage)
    return BlobServiceClient.fromConnectionString(config.AzureWebJobsStorage, options);
  return new BlobServiceClient(config.AzureWebJobsStorage__blobServiceUri as string, credential(), options);
}

export function createQueueServiceClient(
  config: Config,
  credential: () => TokenCredential,
): QueueServiceClient {
  const options = { retryOptions: retryOptions(config) };
  if (config.AzureWebJobsStorage)
    return QueueServiceClient.fromConnectionString(config.AzureWebJobsStorage, options);
  const uri = config.AzureWebJobsStorage__queueServiceUri;
  if (!uri) throw new Error('AzureWebJobsStorage__queueServiceUri is not set');
  return new QueueServiceClient(uri, credential(), options);
}
