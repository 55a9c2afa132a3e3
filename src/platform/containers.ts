import {
  IndexingMode,
  PartitionKeyDefinitionVersion,
  PartitionKeyKind,
  type ContainerDefinition,
} from '@azure/cosmos';

/**
 * The Cosmos containers of one deployment (DESIGN.md §2). Every document carries `country_code` and the
 * first level of every partition key is the country, so a request only ever touches its country's
 * partitions. `users` also holds deployment-wide identity documents (accounts, login counters, revoked
 * tokens) under the reserved partition value DEPLOYMENT_WIDE, because one account may act in several
 * countries and sign-in happens before a country is known.
 */
export const DEPLOYMENT_WIDE = '*';

const hierarchical = (second: string) => ({
  paths: ['/country_code', second],
  kind: PartitionKeyKind.MultiHash,
  version: PartitionKeyDefinitionVersion.V2,
});

export const containerDefinitions = {
  records: {
    id: 'records',
    partitionKey: hierarchical('/id'),
    // Records never expire; the tombstone a hard delete leaves for offline devices does (src/records/hardDelete.ts).
    defaultTtl: -1,
    // Sync pulls page through changes in commit order, ties broken by id (src/sync/pullChanges.ts).
    indexingPolicy: {
      indexingMode: IndexingMode.consistent,
      automatic: true,
      includedPaths: [{ path: '/*' }],
      excludedPaths: [
        { path: '/"_etag"/?' },
        { path: '/notes_section/*' },
        { path: '/followup_subform_section/*' },
      ],
      compositeIndexes: [
        [
          { path: '/_ts', order: 'ascending' },
          { path: '/id', order: 'ascending' },
        ],
      ],
    },
  },
  alerts: { id: 'alerts', partitionKey: hierarchical('/record_id') },
  audit: { id: 'audit', partitionKey: hierarchical('/record_id') },
  // defaultTtl -1: nothing expires unless a document sets its own ttl (login counters, revoked tokens).
  users: { id: 'users', partitionKey: hierarchical('/id'), defaultTtl: -1 },
  config: { id: 'config', partitionKey: hierarchical('/id') },
  sync: { id: 'sync', partitionKey: hierarchical('/record_id'), defaultTtl: -1 },
} satisfies Record<string, ContainerDefinition>;

export type ContainerName = keyof typeof containerDefinitions;
