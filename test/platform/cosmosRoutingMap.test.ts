import { randomUUID } from 'node:crypto';
import type { PluginConfig } from '@azure/cosmos';
import { loadConfig } from '../../src/config';
import { createCosmosClient, ensureDatabase } from '../../src/platform/cosmos';
import { containerDefinitions } from '../../src/platform/containers';
import { testAppSettings } from '../support/emulatorEnv';

/** Fails the first lookup of partition key ranges, as a Cosmos stall at that moment would. */
function failFirstRangeLookup(): PluginConfig {
  let failed = false;
  return {
    on: 'request',
    plugin: async (context, _diagnostics, next) => {
      if (!failed && String(context.resourceType) === 'pkranges') {
        failed = true;
        throw Object.assign(new Error('Timeout Error! Request took more than 800 ms'), {
          code: 'TimeoutError',
          name: 'TimeoutError',
        });
      }
      return next(context);
    },
  };
}

it('a bulk request that failed while looking up partition ranges does not make every later one fail', async () => {
  const config = loadConfig(testAppSettings());
  const client = createCosmosClient(config, () => undefined as never, [failFirstRangeLookup()]);
  try {
    const database = await ensureDatabase(client, config.COSMOS_DATABASE);
    const audit = database.container(containerDefinitions.audit.id);
    const entry = () => {
      const record_id = randomUUID();
      return {
        operationType: 'Create' as const,
        partitionKey: ['GH', record_id],
        resourceBody: { id: randomUUID(), country_code: 'GH', record_id },
      };
    };
    await expect(audit.items.bulk([entry()])).rejects.toThrow(/Timeout/);
    const responses = await audit.items.bulk([entry(), entry()]);
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201]);
  } finally {
    client.dispose();
  }
});
