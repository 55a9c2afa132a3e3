import type { Container, JSONObject } from '@azure/cosmos';
import type { AuditDocument } from '../audit/auditLog';
import type { DataKeys } from '../crypto/dataKeys';
import { isSealed, open, seal, type SealedValue } from '../crypto/fieldCipher';
import type { RecordType } from '../records/recordKind';
import { recordDocuments } from '../platform/cosmos';

type Fields = Record<string, unknown>;
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

// Bookkeeping that changes with every write, or is internal: not history a person needs to read.
const untracked = new Set([
  'version',
  'last_updated_at',
  'last_updated_by',
  'field_versions',
  'search_index',
  'key_version',
  'protection_version',
  'attachment_ids',
  'create_fingerprint',
  'alerted_reminders',
  // Counted per caller from the alerts' forms (src/records/alertSubjects.ts): a change would show all of
  // them. The change of `alert_subjects` is kept instead, and each caller sees only its readable forms'.
  'alert_count',
  'reminders',
  'next_due_at',
  'record_type',
]);

/** Which fields a write changed, from what to what. */
export function fieldChanges(previous: Fields, next: Fields): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    if (untracked.has(key) || key.startsWith('_')) continue;
    // Absent and null are the same to a reader (a create lists no "age: from nothing to nothing").
    if (sameValue(previous[key] ?? null, next[key] ?? null)) continue;
    changes[key] = { from: previous[key] ?? null, to: next[key] ?? null };
  }
  return changes;
}

/** Equal as JSON; values that are not objects compare directly (most fields: no serialising on every write). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

interface HistoryEntry {
  id: string;
  type: 'record_history';
  country_code: string;
  record_id: string;
  record_type: RecordType;
  version: number;
  action: 'create' | 'update';
  user_name: string;
  datetime: string;
  changes: SealedValue;
}

/** The audit entry of the request making a write, stored in the same transactional batch as its history entry. */
export interface HistoryTrail {
  /** The request's entry, if it is about this record and not yet taken (whoever takes it must store it). */
  claim(countryCode: string, recordId: string, action: 'create' | 'update'): AuditDocument | undefined;
}

/**
 * The history of a record, one entry per version, kept beside the audit trail (same container, same
 * partition as the record's audit entries). Changed values can be as sensitive as the record itself, so
 * each entry's changes are sealed under the country key, bound to the record and version.
 */
export class RecordHistory {
  constructor(
    private readonly container: Container,
    private readonly keys: DataKeys,
    private readonly trail?: HistoryTrail,
    /** Set for a batch of writes (a sync push): entries wait here for flush(). */
    private readonly pending?: HistoryEntry[],
  ) {}

  /**
   * The same history for a batch of writes: each entry is kept until flush() stores them all in one bulk
   * request, which the caller makes after the records are committed (history lists only versions that exist).
   */
  deferred(): RecordHistory {
    return new RecordHistory(this.container, this.keys, undefined, []);
  }

  /** Stores the entries a deferred history kept; any the bulk request did not store are written one by one. */
  async flush(): Promise<void> {
    const entries = this.pending?.splice(0) ?? [];
    for (let i = 0; i < entries.length; i += 100) {
      const chunk = entries.slice(i, i + 100);
      const responses = await this.container.items.bulk(
        chunk.map((doc) => ({
          operationType: 'Upsert' as const,
          partitionKey: [doc.country_code, doc.record_id],
          resourceBody: doc as unknown as JSONObject,
        })),
        { continueOnError: true },
      );
      const missed = chunk.filter((_, j) => !((responses[j]?.statusCode ?? 500) < 400));
      for (const doc of missed) await this.container.items.upsert(doc);
    }
  }

  /**
   * The same history for one request's writes: the entry of the write the request's audit entry names is
   * stored with it in one transactional batch (one round trip; a history entry never without its audit).
   */
  withTrail(trail: HistoryTrail): RecordHistory {
    return new RecordHistory(this.container, this.keys, trail);
  }

  async append(entry: {
    country_code: string;
    record_type: RecordType;
    record_id: string;
    version: number;
    action: 'create' | 'update';
    user_name: string;
    at: string;
    changes: FieldChanges;
  }) {
    if (Object.keys(entry.changes).length === 0) return;
    const key = await this.keys.encryptionKey(entry.country_code);
    const doc: HistoryEntry = {
      id: `history-${entry.record_id}-${entry.version}`,
      type: 'record_history',
      country_code: entry.country_code,
      record_id: entry.record_id,
      record_type: entry.record_type,
      version: entry.version,
      action: entry.action,
      user_name: entry.user_name,
      datetime: entry.at,
      changes: seal(
        key,
        aad(entry.country_code, entry.record_type, entry.record_id, entry.version),
        entry.changes,
      ),
    };
    if (this.pending) {
      this.pending.push(doc);
      return;
    }
    const audit = this.trail?.claim(entry.country_code, entry.record_id, entry.action);
    if (!audit) {
      await this.container.items.upsert(doc);
      return;
    }
    const partitionKey = [entry.country_code, entry.record_id];
    const { result } = await this.container.items.batch(
      // Audit first: Cosmos commits both or neither; the emulator does not roll back, but stops at a failure.
      [
        { operationType: 'Create', partitionKey, resourceBody: audit as unknown as JSONObject },
        { operationType: 'Upsert', partitionKey, resourceBody: doc as unknown as JSONObject },
      ],
      partitionKey,
    );
    const failed = result?.find((operation) => operation.statusCode >= 400);
    if (!result || failed)
      throw Object.assign(new Error('The history and audit batch was not committed'), {
        code: failed?.statusCode ?? 500,
      });
  }

  /** Removes a record's history (its hard deletion): the changed values go with the record. */
  async purge(countryCode: string, recordId: string): Promise<number> {
    const entries = await this.entries(countryCode, recordId);
    for (const { id } of entries)
      await this.container
        .item(id, [countryCode, recordId])
        .delete()
        .catch((error: unknown) => {
          // Gone already: a deletion of the same record running alongside took it first.
          if ((error as { code?: number }).code !== 404) throw error;
        });
    return entries.length;
  }

  private entries(countryCode: string, recordId: string): Promise<HistoryEntry[]> {
    return recordDocuments(this.container, 'record_history', countryCode, recordId, 'c.version DESC');
  }

  /**
   * One page of the record's history, newest first, in Primero's shape (record_changes is a list of
   * {field: {from, to}}); only that page's entries are opened. `redact` leaves out what the caller's role
   * may not read (fields of forms it may not read, and their values inside sync conflicts).
   */
  async list(
    countryCode: string,
    recordId: string,
    { page, per }: { page: number; per: number },
    redact: (changes: FieldChanges) => Partial<FieldChanges> = (changes) => changes,
  ) {
    // Every entry is opened before paging: one whose changes are all on forms hidden from the caller is
    // left out (an empty entry would still say that someone changed something they may not see).
    const all = await this.entries(countryCode, recordId);
    const opened = await Promise.all(
      all.map(async (h) => {
        const changes = isSealed(h.changes)
          ? (open(
              await this.keys.decryptionKey(countryCode, h.changes.k),
              aad(countryCode, h.record_type, recordId, h.version),
              h.changes,
              'record_history',
            ) as FieldChanges)
          : {};
        const shown = Object.entries(redact(changes));
        if (shown.length === 0 && Object.keys(changes).length > 0) return undefined;
        return {
          record_id: h.record_id,
          record_type: h.record_type,
          version: h.version,
          action: h.action,
          user_name: h.user_name,
          datetime: h.datetime,
          record_changes: shown.map(([field, change]) => ({ [field]: change })),
        };
      }),
    );
    const visible = opened.filter((h) => h !== undefined);
    const data = visible.slice((page - 1) * per, page * per);
    return { data, metadata: { total: visible.length, per, page } };
  }
}

const aad = (country: string, type: RecordType, recordId: string, version: number) =>
  `${country}|${type}_history|${recordId}|${version}`;
