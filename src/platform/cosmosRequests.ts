import type { PluginConfig, RequestContext } from '@azure/cosmos';

/** Operation types that change a document: a cache of what they touch must forget it. */
const WRITES = new Set(['create', 'replace', 'upsert', 'delete', 'patch', 'batch']);

export type CosmosWriteListener = (containerId: string) => void;

/**
 * Every HTTP round trip this process makes to Cosmos, counted by a request plugin on the client (each retry
 * is a round trip too). In Azure each one costs milliseconds and request units, so the count per API call is
 * what the benchmark prints and the tests pin. Write listeners let per-instance caches (authentication)
 * forget what this instance itself just changed.
 */
export class CosmosRequests {
  count = 0;
  private readonly listeners: CosmosWriteListener[] = [];

  onWrite(listener: CosmosWriteListener): void {
    this.listeners.push(listener);
  }

  /** The plugin to pass to the CosmosClient (its `plugins` option). */
  plugin(): PluginConfig {
    return {
      on: 'request',
      plugin: async (context, _diagnostics, next) => {
        this.count++;
        const response = await next(context);
        if (this.listeners.length > 0 && WRITES.has(String(context.operationType))) {
          const container = containerOf(context);
          if (container) for (const listener of this.listeners) listener(container);
        }
        return response;
      },
    };
  }
}

/** `dbs/<db>/colls/<container>/docs/<id>` → `<container>`. */
function containerOf(context: RequestContext): string | undefined {
  return /(?:^|\/)colls\/([^/]+)/.exec(context.path ?? '')?.[1];
}
