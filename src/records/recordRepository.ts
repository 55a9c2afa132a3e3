import type { Container, SqlParameter } from '@azure/cosmos';
import { conflict, preconditionFailed } from '../errors';
import type { RecordSealer } from './recordCipher';
import type { RecordDocument } from './recordDocument';
import type { RecordKind } from './recordKind';

const statusOf = (error: unknown) => (error as { code?: number }).code;

/**
 * One record type's documents in the `records` container. Every read checks the country and the type;
 * every query filters on the country (and the caller's SQL on the type). Sensitive
 * fields are sealed here on the way in and opened on the way out: everything above sees plaintext,
 * Cosmos never does.
 */
export class RecordRepository<T extends RecordDocument = RecordDocument> {
  constructor(
    private readonly container: Container,
    readonly cipher: RecordSealer,
    readonly kind: RecordKind,
  ) {}

  async find(countryCode: string, id: string): Promise<T | undefined> {
    const { resource } = await this.container.item(id, [countryCode, id]).read<T>();
    if (!resource || resource.country_code !== countryCode || resource.record_type !== this.kind.type)
      return undefined;
    return this.cipher.open(resource);
  }

  /** Undefined when the id is taken in this country (the caller decides between 200 and 409). */
  async create(doc: T): Promise<T | undefined> {
    try {
      const { resource } = await this.container.items.create<T>(await this.cipher.seal(doc));
      return this.cipher.open(resource as T);
    } catch (error) {
      if (statusOf(error) === 409) return undefined;
      throw error;
    }
  }

  /**
   * Whether a document of another country already has this id: ids from before reservations existed, or
   * made by the server, are found here. Across partitions, so only for client-supplied ids.
   */
  async heldElsewhere(id: string, countryCode: string): Promise<boolean> {
    const { resources } = await this.container.items
      .query<number>({
        query: 'SELECT VALUE COUNT(1) FROM c WHERE c.id = @id AND NOT (c.country_code = @country)',
        parameters: [
          { name: '@id', value: id },
          { name: '@country', value: countryCode },
        ],
      })
      .fetchAll();
    return (resources[0] ?? 0) > 0;
  }

  /** Replaces only if the stored `_etag` is still `etag`: 412 otherwise. */
  async replace(doc: T, etag: string): Promise<T> {
    try {
      const { resource } = await this.container
        .item(doc.id, [doc.country_code, doc.id])
        .replace<T>(await this.cipher.seal(doc), {
          accessCondition: { type: 'IfMatch', condition: etag },
        });
      return this.cipher.open(resource as T);
    } catch (error) {
      if (statusOf(error) === 412) throw preconditionFailed();
      if (statusOf(error) === 404) throw conflict('The record was removed meanwhile');
      throw error;
    }
  }

  /**
   * Queries one country's partitions (a prefix of the hierarchical key). The SQL must still filter on
   * country_code: the emulator ignores the partition key of a query, and the filter is our second line.
   */
  async query(countryCode: string, sql: string, parameters: SqlParameter[]): Promise<T[]> {
    const { resources } = await this.container.items
      .query<T>({ query: sql, parameters }, { partitionKey: [countryCode] })
      .fetchAll();
    return Promise.all(resources.map((doc) => this.cipher.open(doc)));
  }

  /** The same, one page at a time through the query's continuation: each page read once. */
  async *queryPages(
    countryCode: string,
    sql: string,
    parameters: SqlParameter[],
    pageSize: number,
  ): AsyncGenerator<T[]> {
    const iterator = this.container.items.query<T>(
      { query: sql, parameters },
      { partitionKey: [countryCode], maxItemCount: pageSize },
    );
    while (iterator.hasMoreResults()) {
      const { resources } = await iterator.fetchNext();
      if (resources.length > 0) yield await Promise.all(resources.map((doc) => this.cipher.open(doc)));
    }
  }

  async count(countryCode: string, sqlWhere: string, parameters: SqlParameter[]): Promise<number> {
    const query = `SELECT VALUE COUNT(1) FROM c WHERE ${sqlWhere}`;
    const { resources } = await this.container.items
      .query<number>({ query, parameters }, { partitionKey: [countryCode] })
      .fetchAll();
    return resources[0] ?? 0;
  }
}
