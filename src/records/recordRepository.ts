import type { Container, JSONObject, SqlParameter } from '@azure/cosmos';
import { IntegrityError } from '../crypto/fieldCipher';
import { conflict, preconditionFailed } from '../errors';
import { storedAsOpened, type RecordSealer } from './recordCipher';
import type { RecordDocument } from './recordDocument';
import type { RecordKind } from './recordKind';

const statusOf = (error: unknown) => (error as { code?: number }).code;

/**
 * A record a query found that failed its integrity check, as stored: its sealed values still sealed. Only
 * its plain bookkeeping (id, _ts, enabled, scope fields) may be used; it is never presented.
 */
export type QueryItem<T> = { doc: T } | { unreadable: T };

/** What a refused conditional replace means to the caller. */
function replaceError(status: number | undefined) {
  if (status === 412) return preconditionFailed();
  if (status === 404) return conflict('The record was removed meanwhile');
  return undefined;
}

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
    /** Told of each record a query left out as unreadable (operators must hear of tampering or a lost key). */
    private readonly onUnreadable: (countryCode: string, id: string) => void = () => undefined,
  ) {}

  async find(countryCode: string, id: string): Promise<T | undefined> {
    const { resource } = await this.container.item(id, [countryCode, id]).read<T>();
    if (!resource || resource.country_code !== countryCode || resource.record_type !== this.kind.type)
      return undefined;
    return this.cipher.open(resource);
  }

  /**
   * Several records of this type by id (a sync batch's base records), missing ones left out: point reads sent
   * as one bulk request (one per partition range in Azure). A query by ids scans on the emulator (400 ms at
   * 10,000 records) and costs more request units than point reads in Azure. A read that failed otherwise than
   * 404 is left out too, and one that fails its integrity check: `withKnown` then reads that record on its
   * own, and its error surfaces there (for that mutation only).
   */
  async findMany(countryCode: string, ids: string[]): Promise<Map<string, T>> {
    if (ids.length === 0) return new Map();
    const responses = await this.container.items.bulk(
      ids.map((id) => ({ operationType: 'Read' as const, id, partitionKey: [countryCode, id] })),
      { continueOnError: true },
    );
    const docs = responses
      .map((response) => (response?.statusCode === 200 ? (response.resourceBody as unknown as T) : undefined))
      .filter((doc): doc is T => doc?.country_code === countryCode && doc.record_type === this.kind.type);
    const items = await this.openEach(countryCode, docs);
    return new Map(items.flatMap((item) => ('doc' in item ? [[item.doc.id, item.doc] as const] : [])));
  }

  /**
   * This repository with records already read: each answers the next `find` of its id, once (a later find,
   * such as a retry after a lost race or the next mutation of the same record, reads it again).
   */
  withKnown(docs: Map<string, T>): RecordRepository<T> {
    const known = new Map(docs);
    const repo = Object.create(this) as RecordRepository<T>;
    repo.find = async (countryCode, id) => {
      const doc = known.get(id);
      if (!doc || doc.country_code !== countryCode) return this.find(countryCode, id);
      known.delete(id);
      return doc;
    };
    return repo;
  }

  /**
   * This repository with replaces grouped, for work done by several concurrent workers (a sync batch's
   * records): once every running worker waits on a replace, they all go to Cosmos as one bulk request, each
   * still conditioned on its own etag (412 and 404 answer as a single replace does, so writeRecord's retry
   * works unchanged). Each worker runs inside `worker()`, which counts it as running until it ends.
   */
  withGroupedReplaces(): { repo: RecordRepository<T>; worker<R>(work: () => Promise<R>): Promise<R> } {
    type Queued = { doc: T; etag: string; resolve: (doc: T) => void; reject: (error: unknown) => void };
    let queue: Queued[] = [];
    let running = 0;
    const flush = async (group: Queued[]) => {
      try {
        const responses = await this.container.items.bulk(
          group.map(({ doc, etag }) => ({
            operationType: 'Replace' as const,
            id: doc.id,
            partitionKey: [doc.country_code, doc.id],
            ifMatch: etag,
            resourceBody: doc as unknown as JSONObject,
          })),
          { continueOnError: true },
        );
        group.forEach(({ resolve, reject }, i) => {
          const response = responses[i];
          const status = response?.statusCode ?? 500;
          if (status < 400 && response?.resourceBody)
            this.cipher.open(response.resourceBody as unknown as T).then(resolve, reject);
          else
            reject(replaceError(status) ?? Object.assign(new Error('Bulk replace failed'), { code: status }));
        });
      } catch (error) {
        for (const { reject } of group) reject(error);
      }
    };
    const flushWhenAllWait = () => {
      if (queue.length === 0 || queue.length < running) return;
      const group = queue;
      queue = [];
      void flush(group);
    };
    const repo = Object.create(this) as RecordRepository<T>;
    repo.replace = async (doc, etag) => {
      const sealed = await this.cipher.seal(doc);
      return new Promise<T>((resolve, reject) => {
        queue.push({ doc: sealed, etag, resolve, reject });
        flushWhenAllWait();
      });
    };
    return {
      repo,
      worker: async (work) => {
        running++;
        try {
          return await work();
        } finally {
          running--;
          flushWhenAllWait();
        }
      },
    };
  }

  /** Undefined when the id is taken in this country (the caller decides between 200 and 409). */
  async create(doc: T): Promise<T | undefined> {
    try {
      const { resource } = await this.container.items.create<T>(await this.cipher.seal(doc));
      return storedAsOpened(resource as T, doc);
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
      return storedAsOpened(resource as T, doc);
    } catch (error) {
      throw replaceError(statusOf(error)) ?? error;
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

  /**
   * The same, one page at a time through the query's continuation: each page read once. With `unreadable`,
   * a record that fails its integrity check is left out and its id handed there, so that a job working
   * through every record is not stopped by one (without it, the error stops the query as a read does).
   */
  async *queryPages(
    countryCode: string,
    sql: string,
    parameters: SqlParameter[],
    pageSize: number,
    unreadable?: (id: string) => void,
  ): AsyncGenerator<T[]> {
    const iterator = this.container.items.query<T>(
      { query: sql, parameters },
      { partitionKey: [countryCode], maxItemCount: pageSize },
    );
    while (iterator.hasMoreResults()) {
      const { resources } = await iterator.fetchNext();
      const items = unreadable
        ? await this.openEach(countryCode, resources)
        : (await Promise.all(resources.map((doc) => this.cipher.open(doc)))).map((doc) => ({ doc }));
      const docs: T[] = [];
      for (const item of items)
        if ('doc' in item) docs.push(item.doc);
        else unreadable?.(item.unreadable.id);
      if (docs.length > 0) yield docs;
    }
  }

  /**
   * A query's records in their order, each opened — or, if it fails its integrity check (tampered, its key
   * gone), as stored (see QueryItem): one such record must not take down every list, task list and sync pull
   * it appears in. Reading it alone still answers the integrity error.
   */
  async queryEach(countryCode: string, sql: string, parameters: SqlParameter[]): Promise<QueryItem<T>[]> {
    const { resources } = await this.container.items
      .query<T>({ query: sql, parameters }, { partitionKey: [countryCode] })
      .fetchAll();
    return this.openEach(countryCode, resources);
  }

  private openEach(countryCode: string, docs: T[]): Promise<QueryItem<T>[]> {
    return Promise.all(
      docs.map((doc) =>
        this.cipher.open(doc).then(
          (opened): QueryItem<T> => ({ doc: opened }),
          (error: unknown): QueryItem<T> => {
            if (!(error instanceof IntegrityError)) throw error;
            this.onUnreadable(countryCode, doc.id);
            return { unreadable: doc };
          },
        ),
      ),
    );
  }

  async count(countryCode: string, sqlWhere: string, parameters: SqlParameter[]): Promise<number> {
    const query = `SELECT VALUE COUNT(1) FROM c WHERE ${sqlWhere}`;
    const { resources } = await this.container.items
      .query<number>({ query, parameters }, { partitionKey: [countryCode] })
      .fetchAll();
    return resources[0] ?? 0;
  }
}
