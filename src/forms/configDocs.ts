import type { Container } from '@azure/cosmos';
import { conflict, preconditionFailed } from '../errors';

export type ConfigDocType = 'lookup' | 'location';

/** A lookup or location as stored in the `config` container (one document each, keyed by country and id). */
export type ConfigDoc = Record<string, unknown> & {
  id: string;
  type: ConfigDocType;
  country_code: string;
  _etag?: string;
};

const statusOf = (error: unknown) => (error as { code?: number }).code;
const hidden = new Set(['_rid', '_self', '_attachments', '_ts', '_etag', 'type', 'country_code']);
/** A stored document without Cosmos's bookkeeping (what an admin wrote). */
export const withoutBookkeeping = (doc: ConfigDoc): Record<string, unknown> =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => !hidden.has(key)));

/**
 * The lookups and locations of each country: what the forms point to. The partition key always comes
 * from the caller's country, never from a request.
 */
export class ConfigDocs {
  constructor(private readonly container: Container) {}

  async all(countryCode: string, type: ConfigDocType): Promise<ConfigDoc[]> {
    const { resources } = await this.container.items
      .query<ConfigDoc>(
        {
          query: `SELECT * FROM c WHERE c.country_code = @country AND c.type = @type ORDER BY c.id ASC`,
          parameters: [
            { name: '@country', value: countryCode },
            { name: '@type', value: type },
          ],
        },
        { partitionKey: [countryCode] },
      )
      .fetchAll();
    return resources;
  }

  async find(countryCode: string, type: ConfigDocType, id: string): Promise<ConfigDoc | undefined> {
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(id)) return undefined;
    const { resource } = await this.container.item(id, [countryCode, id]).read<ConfigDoc>();
    return resource?.type === type && resource.country_code === countryCode ? resource : undefined;
  }

  async create(doc: ConfigDoc, label: string): Promise<ConfigDoc> {
    try {
      const { resource } = await this.container.items.create<ConfigDoc>(doc);
      return resource as ConfigDoc;
    } catch (error) {
      if (statusOf(error) === 409) throw conflict(`${label} ${doc.id} already exists`, 'id');
      throw error;
    }
  }

  /** Replaces a document under the etag it was read with: a concurrent change makes this a 412. */
  async replace(doc: ConfigDoc, etag: string): Promise<ConfigDoc> {
    const { _etag, ...body } = doc;
    void _etag;
    try {
      const { resource } = await this.container
        .item(doc.id, [doc.country_code, doc.id])
        .replace<ConfigDoc>(body as ConfigDoc, { accessCondition: { type: 'IfMatch', condition: etag } });
      return resource as ConfigDoc;
    } catch (error) {
      if (statusOf(error) === 412) throw preconditionFailed();
      throw error;
    }
  }

  async upsert(doc: ConfigDoc): Promise<void> {
    const body = Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
    await this.container.items.upsert(body);
  }

  async remove(countryCode: string, id: string): Promise<void> {
    try {
      await this.container.item(id, [countryCode, id]).delete();
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  /** Many writes at once, a few in flight (an import of a country's boundaries is thousands of rows). */
  async upsertMany(docs: ConfigDoc[]): Promise<void> {
    await inBatches(docs, (doc) => this.upsert(doc));
  }

  async removeMany(countryCode: string, ids: string[]): Promise<void> {
    await inBatches(ids, (id) => this.remove(countryCode, id));
  }
}

async function inBatches<T>(items: T[], run: (item: T) => Promise<void>, width = 8): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(run));
}
