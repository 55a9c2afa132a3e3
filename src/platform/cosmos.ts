import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import {
  CosmosClient,
  type Container,
  type CosmosClientOptions,
  type Database,
  type PluginConfig,
} from '@azure/cosmos';
import type { TokenCredential } from '@azure/identity';
import type { Config } from '../config';
import { containerDefinitions, type ContainerName } from './containers';

export type Containers = Record<ContainerName, Container>;

/**
 * Locally the emulator's key and self-signed certificate; in Azure the managed identity. The emulator's
 * certificate is trusted by this client only, never process-wide.
 */
export function createCosmosClient(
  config: Config,
  credential: () => TokenCredential,
  plugins: PluginConfig[] = [],
): CosmosClient {
  const agent = config.COSMOS_CA_CERT_PATH
    ? new Agent({ ca: readFileSync(config.COSMOS_CA_CERT_PATH), keepAlive: true })
    : undefined;
  // `plugins` is a public export of the SDK but hidden from its option types.
  const options: CosmosClientOptions & { plugins: PluginConfig[] } = {
    endpoint: config.COSMOS_ENDPOINT,
    ...(config.COSMOS_KEY ? { key: config.COSMOS_KEY } : { aadCredentials: credential() }),
    ...(agent ? { agent } : {}),
    connectionPolicy: {
      enableEndpointDiscovery: !config.COSMOS_KEY,
      requestTimeout: config.DEPENDENCY_TIMEOUT_MS,
      // 429s are retried after the server's Retry-After, but only within one timeout: then the client hears 503.
      retryOptions: {
        maxRetryAttemptCount: 3,
        fixedRetryIntervalInMilliseconds: 0,
        maxWaitTimeInSeconds: Math.max(1, Math.floor(config.DEPENDENCY_TIMEOUT_MS / 1000)),
      },
    },
    plugins,
  };
  const client = new CosmosClient(options);
  forgetFailedRoutingMaps(client);
  return client;
}

interface RoutingMapCache {
  collectionRoutingMapByCollectionId?: Record<string, Promise<unknown>>;
  requestCollectionRoutingMap?: (...args: unknown[]) => Promise<unknown>;
}

/**
 * @azure/cosmos 4.9 keeps the promise of a container's partition key ranges even when it fails: one lookup
 * that timed out (Cosmos stalled during the first bulk request on a container) made every later bulk request
 * of the instance fail with that same timeout until the instance restarted — sync pushes refused for good.
 * 4.10 keeps only successful lookups but needs Node 22; until then a failed lookup is forgotten here, so the
 * next request asks again. Against an SDK shaped otherwise this does nothing.
 */
function forgetFailedRoutingMaps(client: CosmosClient): void {
  const cache = (client as unknown as { clientContext?: { partitionKeyRangeCache?: RoutingMapCache } })
    .clientContext?.partitionKeyRangeCache;
  const request = cache?.requestCollectionRoutingMap;
  if (!cache || typeof cache.collectionRoutingMapByCollectionId !== 'object' || typeof request !== 'function')
    return;
  cache.requestCollectionRoutingMap = (...args: unknown[]) => {
    const lookup = request.apply(cache, args);
    lookup.catch(() => {
      const maps = cache.collectionRoutingMapByCollectionId ?? {};
      for (const [id, stored] of Object.entries(maps)) if (stored === lookup) delete maps[id];
    });
    return lookup;
  };
}

export function openContainers(database: Database): Containers {
  const entries = Object.values(containerDefinitions).map((d) => [d.id, database.container(d.id)] as const);
  return Object.fromEntries(entries) as Containers;
}

/** Creates the database and containers if missing. Local/dev only: in Azure, Bicep creates them. */
export async function ensureDatabase(client: CosmosClient, databaseId: string): Promise<Database> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  for (const definition of Object.values(containerDefinitions)) {
    await database.containers.createIfNotExists(definition);
  }
  return database;
}

/**
 * Documents of one type filed under a record: its own partition of the alerts, audit and sync containers.
 * `orderBy` is a constant of the caller (`c.version DESC`), never input.
 */
export async function recordDocuments<T>(
  container: Container,
  type: string,
  countryCode: string,
  recordId: string,
  orderBy: string,
): Promise<T[]> {
  const { resources } = await container.items
    .query<T>(
      {
        query: `SELECT * FROM c WHERE c.type = @type AND c.country_code = @country AND c.record_id = @record ORDER BY ${orderBy}`,
        parameters: [
          { name: '@type', value: type },
          { name: '@country', value: countryCode },
          { name: '@record', value: recordId },
        ],
      },
      { partitionKey: [countryCode, recordId] },
    )
    .fetchAll();
  return resources;
}
