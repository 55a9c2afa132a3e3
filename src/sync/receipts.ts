import type { Container } from '@azure/cosmos';
import type { Clock } from '../clock';
import type { MutationResult } from './schema';

/** Long enough to cover a month offline, and a retry after that. */
const RETENTION_SECONDS = 40 * 24 * 60 * 60;

/** What a receipt keeps: the outcome, never field values (those stay sealed on the record). */
export interface Receipt {
  id: string;
  type: 'mutation_receipt';
  country_code: string;
  record_id: string;
  mutation_id: string;
  user_name: string;
  result: MutationResult['result'];
  conflict_fields: string[];
  errors?: MutationResult['errors'];
  created_at: string;
  ttl: number;
}

/**
 * Receipts of applied mutations in the `sync` container, one per user and mutation id, partitioned with the
 * record they touched. Cosmos TTL removes them in Azure; the emulator ignores TTL, so a timer sweeps them.
 */
export class Receipts {
  constructor(
    private readonly container: Container,
    private readonly clock: Clock,
  ) {}

  private static id(userName: string, mutationId: string) {
    return `receipt-${userName}-${mutationId}`;
  }

  async find(
    countryCode: string,
    recordId: string,
    userName: string,
    mutationId: string,
  ): Promise<Receipt | undefined> {
    const id = Receipts.id(userName, mutationId);
    const { resource } = await this.container.item(id, [countryCode, recordId]).read<Receipt>();
    return resource?.country_code === countryCode ? resource : undefined;
  }

  async save(countryCode: string, recordId: string, userName: string, result: MutationResult): Promise<void> {
    const receipt: Receipt = {
      id: Receipts.id(userName, result.mutation_id),
      type: 'mutation_receipt',
      country_code: countryCode,
      record_id: recordId,
      mutation_id: result.mutation_id,
      user_name: userName,
      result: result.result,
      conflict_fields: (result.conflicts ?? []).map((c) => c.field),
      ...(result.errors ? { errors: result.errors } : {}),
      created_at: this.clock.now().toISOString(),
      ttl: RETENTION_SECONDS,
    };
    await this.container.items.upsert(receipt);
  }

  /** Deletes receipts past their retention, for stores that do not honour TTL. Bounded per call. */
  async sweep(countryCode: string, limit = 1000): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - RETENTION_SECONDS * 1000).toISOString();
    const { resources } = await this.container.items
      .query<Receipt>({
        query:
          "SELECT TOP @limit * FROM c WHERE c.country_code = @country AND c.type = 'mutation_receipt' AND c.created_at < @cutoff",
        parameters: [
          { name: '@limit', value: limit },
          { name: '@country', value: countryCode },
          { name: '@cutoff', value: cutoff },
        ],
      })
      .fetchAll();
    for (const r of resources) await this.container.item(r.id, [r.country_code, r.record_id]).delete();
    return resources.length;
  }
}
