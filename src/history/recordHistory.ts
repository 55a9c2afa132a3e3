import type { Container } from '@azure/cosmos';
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
  'reminders',
  'next_due_at',
  'record_type',
]);

/** Which fields a write changed, from what to what. */
export function fieldChanges(previous: Fields, next: Fields): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    if (untracked.has(key) || key.startsWith('_')) continue;
    if (JSON.stringify(previous[key]) === JSON.stringify(next[key])) continue;
    changes[key] = { from: previous[key] ?? null, to: next[key] ?? null };
  }
  return changes;
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

/**
 * The history of a record, one entry per version, kept beside the audit trail (same container, same
 * partition as the record's audit entries). Changed values can be as sensitive as the record itself, so
 * each entry's changes are sealed under the country key, bound to the record and version.
 */
export class RecordHistory {
  constructor(
    private readonly container: Container,
    private readonly keys: DataKeys,
  ) {}

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
    await this.container.items.upsert(doc);
  }

  /** Removes a record's history (its hard deletion): the changed values go with the record. */
  async purge(countryCode: string, recordId: string): Promise<number> {
    const entries = await this.entries(countryCode, recordId);
    for (const { id } of entries) await this.container.item(id, [countryCode, recordId]).delete();
    return entries.length;
  }

  private entries(countryCode: string, recordId: string): Promise<HistoryEntry[]> {
    return recordDocuments(this.container, 'record_history', countryCode, recordId, 'c.version DESC');
  }

  /**
   * One page of the record's history, newest first, in Primero's shape (record_changes is a list of
   * {field: {from, to}}); only that page's entries are opened. Changes of keys `readable` refuses (fields
   * of forms the caller's role may not read) are left out.
   */
  async list(
    countryCode: string,
    recordId: string,
    { page, per }: { page: number; per: number },
    readable: (key: string) => boolean = () => true,
  ) {
    const all = await this.entries(countryCode, recordId);
    const resources = all.slice((page - 1) * per, page * per);
    const data = await Promise.all(
      resources.map(async (h) => {
        const changes = isSealed(h.changes)
          ? (open(
              await this.keys.decryptionKey(countryCode, h.changes.k),
              aad(countryCode, h.record_type, recordId, h.version),
              h.changes,
              'record_history',
            ) as FieldChanges)
          : {};
        return {
          record_id: h.record_id,
          record_type: h.record_type,
          version: h.version,
          action: h.action,
          user_name: h.user_name,
          datetime: h.datetime,
          record_changes: Object.entries(changes)
            .filter(([field]) => readable(field))
            .map(([field, change]) => ({ [field]: change })),
        };
      }),
    );
    return { data, metadata: { total: all.length, per, page } };
  }
}

const aad = (country: string, type: RecordType, recordId: string, version: number) =>
  `${country}|${type}_history|${recordId}|${version}`;
