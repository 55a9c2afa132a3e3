import type { RecordDocument } from '../records/recordDocument';
import type { QueryItem, RecordRepository } from '../records/recordRepository';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { DataKeys } from './dataKeys';

export interface ReencryptionProgress {
  done: number;
  total: number;
  /** Records a second pass must revisit (written concurrently with an older key). */
  skipped: number;
  recordsPerSecond: number;
  secondsLeft: number | null;
}

export interface ReencryptionOptions {
  batchSize?: number;
  /** Stop after this many records (a timer run's budget); the next run carries on. */
  maxRecords?: number;
  onProgress?: (progress: ReencryptionProgress) => void;
}

export interface ReencryptionDeps {
  cases: RecordRepository;
  dataKeys: DataKeys;
  clock: Clock;
}

/**
 * Moves a country's records to its current data key version and protection classes (re-sealing what an
 * older version kept in clear, or classed otherwise before an admin changed a field's class in the forms),
 * in bounded batches. Nothing to remember between runs: what is left is exactly the records whose
 * key_version or protection_version (the fingerprint of their type's classes) is not current, so an interrupted
 * run simply resumes. Each record is rewritten with an etag condition: a concurrent edit wins and the
 * record is revisited, never overwritten. Opening needs the old version, which the key store keeps.
 */
export async function reencryptCountry(
  deps: ReencryptionDeps,
  countryCode: string,
  options: ReencryptionOptions = {},
) {
  const batchSize = options.batchSize ?? 100;
  const { version } = await deps.dataKeys.encryptionKey(countryCode);
  // Older key, or stored under other protection classes (the forms changed, or fields were in clear then).
  const current = Object.entries(await deps.cases.cipher.protectionVersions(countryCode));
  const currentClasses = current
    .map((_, i) => `(c.record_type = @type${i} AND c.protection_version = @protection${i})`)
    .join(' OR ');
  const where =
    'c.country_code = @country AND IS_DEFINED(c.key_version) AND ' +
    `(c.key_version != @version OR NOT IS_DEFINED(c.protection_version) OR NOT (${currentClasses || 'false'}))`;
  const parameters = [
    { name: '@country', value: countryCode },
    { name: '@version', value: version },
    ...current.flatMap(([type, fingerprint], i) => [
      { name: `@type${i}`, value: type },
      { name: `@protection${i}`, value: fingerprint },
    ]),
  ];
  const total = Math.min(
    await deps.cases.count(countryCode, where, parameters),
    options.maxRecords ?? Infinity,
  );
  const started = deps.clock.now().getTime();
  let done = 0;
  let skipped = 0;
  // Records that fail their integrity check cannot be re-sealed: passed over (and named), not a stop.
  const unreadable: string[] = [];
  const seen = new Set<string>();
  const idOf = (item: QueryItem<RecordDocument>) => ('doc' in item ? item.doc.id : item.unreadable.id);
  while (done + skipped < total) {
    const take = Math.min(batchSize, total - done - skipped);
    const batch = (
      await deps.cases.queryEach(countryCode, `SELECT TOP @take * FROM c WHERE ${where}`, [
        ...parameters,
        { name: '@take', value: take + seen.size },
      ])
    )
      .filter((item) => !seen.has(idOf(item)))
      .slice(0, take);
    if (batch.length === 0) break;
    for (const item of batch) {
      seen.add(idOf(item));
      if (!('doc' in item)) {
        unreadable.push(item.unreadable.id);
        skipped += 1;
      } else if (await rewrite(deps.cases, item.doc)) done += 1;
      else skipped += 1;
    }
    const elapsed = Math.max(1, deps.clock.now().getTime() - started) / 1000;
    const rate = done / elapsed;
    options.onProgress?.({
      done,
      total,
      skipped,
      recordsPerSecond: rate,
      secondsLeft: rate > 0 ? (total - done - skipped) / rate : null,
    });
  }
  return { version, done, skipped, total, unreadable };
}

async function rewrite(cases: RecordRepository, doc: RecordDocument): Promise<boolean> {
  try {
    await cases.replace(doc, doc._etag as string);
    return true;
  } catch (error) {
    if (error instanceof AppError && (error.status === 412 || error.status === 409)) return false;
    throw error;
  }
}
