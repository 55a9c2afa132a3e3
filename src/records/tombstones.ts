import type { Container } from '@azure/cosmos';
import { preconditionFailed } from '../errors';
import type { RecordDocument } from './recordDocument';
import type { RecordType } from './recordKind';

/** How long a hard-deleted record's tombstone stays for devices still offline (as sync receipts). */
export const TOMBSTONE_SECONDS = 40 * 24 * 60 * 60;

/**
 * What is left of a hard-deleted record: its id and the fields that say who could see it — so that the
 * next sync pull of those users removes it from their devices — and nothing else. Its own record_type
 * keeps it out of every record query; the sync pull asks for it by `deleted_record_type`.
 */
export interface Tombstone {
  id: string;
  record_type: 'tombstone';
  deleted_record_type: RecordType;
  country_code: string;
  enabled: false;
  deleted: true;
  module_id: string;
  owned_by: string;
  owned_by_agency_id: string;
  owned_by_groups: string[];
  associated_user_names: string[];
  former_user_names: string[];
  version: number;
  deleted_at: string;
  deleted_by: string;
  ttl: number;
  _etag?: string;
}

export function tombstoneOf(doc: RecordDocument, userName: string, at: Date): Tombstone {
  return {
    id: doc.id,
    record_type: 'tombstone',
    deleted_record_type: doc.record_type,
    country_code: doc.country_code,
    enabled: false,
    deleted: true,
    module_id: doc.module_id,
    owned_by: doc.owned_by,
    owned_by_agency_id: doc.owned_by_agency_id,
    owned_by_groups: doc.owned_by_groups,
    associated_user_names: doc.associated_user_names,
    former_user_names: (doc.former_user_names as string[] | undefined) ?? [],
    version: doc.version + 1,
    deleted_at: at.toISOString(),
    deleted_by: userName,
    ttl: TOMBSTONE_SECONDS,
  };
}

/** Tombstones in the `records` container (TTL removes them in Azure; `sweep` where TTL is ignored). */
export class Tombstones {
  constructor(private readonly container: Container) {}

  async find(countryCode: string, id: string): Promise<Tombstone | undefined> {
    const { resource } = await this.container.item(id, [countryCode, id]).read<Tombstone>();
    return resource?.record_type === 'tombstone' && resource.country_code === countryCode
      ? resource
      : undefined;
  }

  /** Overwrites the record with its tombstone if it did not change since it was read (412 otherwise). */
  async bury(tombstone: Tombstone, etag: string): Promise<void> {
    try {
      await this.container
        .item(tombstone.id, [tombstone.country_code, tombstone.id])
        .replace(tombstone, { accessCondition: { type: 'IfMatch', condition: etag } });
    } catch (error) {
      if ((error as { code?: number }).code === 412) throw preconditionFailed();
      throw error;
    }
  }

  async sweep(countryCode: string, now: Date, limit = 1000): Promise<number> {
    const cutoff = new Date(now.getTime() - TOMBSTONE_SECONDS * 1000).toISOString();
    const { resources } = await this.container.items
      .query<Tombstone>(
        {
          query:
            "SELECT TOP @limit * FROM c WHERE c.country_code = @country AND c.record_type = 'tombstone' AND c.deleted_at < @cutoff",
          parameters: [
            { name: '@limit', value: limit },
            { name: '@country', value: countryCode },
            { name: '@cutoff', value: cutoff },
          ],
        },
        { partitionKey: [countryCode] },
      )
      .fetchAll();
    for (const t of resources) await this.container.item(t.id, [t.country_code, t.id]).delete();
    return resources.length;
  }
}
